// The learned model: train it (seed, excluded fields — the latest history import's leak columns excluded unless
// the team lead puts them back), read how good it is and what drives it, choose how scores blend rule points with
// its probability, and turn its findings into suggested rule weights. Each card lives in learned/.
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ScoringModel } from '../../../../core/domain/scoring/model';
import { useScoringTranslation } from './i18n-bundle';
import { BlendCard } from './learned/BlendCard';
import { CustomColumnsCard } from './learned/CustomColumnsCard';
import { LearnedSummaryCard } from './learned/LearnedSummaryCard';
import { SuggestCard } from './learned/SuggestCard';
import { TrainCard } from './learned/TrainCard';
import { scoringKeys, useLearnedModel } from './scoring-queries';

export function LearnedModelPanel({
  model,
  customKeys,
  readOnly,
  onLoadDraft,
}: {
  /** The rule model in force, to name criteria in suggestions. */
  model: ScoringModel;
  customKeys: readonly string[];
  readOnly: boolean;
  onLoadDraft: (model: ScoringModel) => void;
}) {
  const { t } = useScoringTranslation();
  const learned = useLearnedModel();
  const queryClient = useQueryClient();
  const hasModel = Boolean(learned.data);
  // A training finished elsewhere (another window): refresh the blend too, it may now be allowed.
  useEffect(() => {
    if (hasModel) void queryClient.invalidateQueries({ queryKey: scoringKeys.blend });
  }, [hasModel, queryClient]);
  return (
    <Stack gap="md">
      <TrainCard customKeys={customKeys} hasModel={hasModel} readOnly={readOnly} />
      <CustomColumnsCard readOnly={readOnly} />
      {learned.data ? (
        <LearnedSummaryCard model={learned.data.model} trainedBy={learned.data.trainedBy} />
      ) : (
        learned.isSuccess && (
          <Text size="sm" c="dimmed">
            {t('scoring.learned.notTrained')}
          </Text>
        )
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <BlendCard hasModel={hasModel} readOnly={readOnly} />
        <SuggestCard model={model} hasModel={hasModel} onLoadDraft={onLoadDraft} />
      </SimpleGrid>
    </Stack>
  );
}
