// Ask the learned model for rule weights and open them in the suggestion dialog (needs a trained model).
import { Alert, Button, Card, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ScoringModel } from '../../../../../core/domain/scoring/model';
import { useClient } from '../../../api/client-context';
import { useScoringTranslation } from '../i18n-bundle';
import { SuggestionModal } from './SuggestionModal';

export function SuggestCard({
  model,
  hasModel,
  onLoadDraft,
}: {
  model: ScoringModel;
  hasModel: boolean;
  onLoadDraft: (model: ScoringModel) => void;
}) {
  const { t } = useScoringTranslation();
  const client = useClient();
  const [isOpen, setOpen] = useState(false);
  const suggest = useMutation({
    mutationFn: () => client.call('scoring.suggestWeights', {}),
    onSuccess: () => setOpen(true),
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Text fw={600}>{t('scoring.learned.suggestTitle')}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('scoring.learned.suggestHint')}
      </Text>
      <Group justify="flex-end">
        <Button
          variant="light"
          onClick={() => suggest.mutate()}
          loading={suggest.isPending}
          disabled={!hasModel}
          data-testid="suggest-button"
        >
          {t('scoring.learned.suggest')}
        </Button>
      </Group>
      {!hasModel && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('scoring.learned.needsTraining')}
        </Text>
      )}
      {suggest.error && (
        <Alert color="red" mt="sm">
          {suggest.error.message}
        </Alert>
      )}
      {isOpen && suggest.data && (
        <SuggestionModal
          suggestion={suggest.data}
          model={model}
          onClose={() => setOpen(false)}
          onLoad={(next) => {
            setOpen(false);
            onLoadDraft(next);
          }}
        />
      )}
    </Card>
  );
}
