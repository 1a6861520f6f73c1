// The rule weights the learned model suggests, criterion by criterion with its evidence, and the dimension
// weights; loading them puts them in the rule editor as a draft, nothing is saved here.
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { ScoringModel } from '../../../../../core/domain/scoring/model';
import type { RuleWeightSuggestion } from '../../../../../core/domain/scoring/suggest';
import { describeCondition, describeFactorName } from '../describe-score';
import { useScoringTranslation } from '../i18n-bundle';
import { formatList } from '../../../ui/format';
import { useLanguage } from '../../../ui/use-language';

export function SuggestionModal({
  suggestion,
  model,
  onLoad,
  onClose,
}: {
  suggestion: RuleWeightSuggestion;
  model: ScoringModel;
  onLoad: (model: ScoringModel) => void;
  onClose: () => void;
}) {
  const { t } = useScoringTranslation();
  const language = useLanguage();
  const byId = new Map(model.criteria.map((c) => [c.id, c]));
  return (
    <Modal opened onClose={onClose} title={t('scoring.learned.suggestTitle')} size="xl">
      {suggestion.reason === 'no_signal' ? (
        <Alert color="orange">{t('scoring.learned.noSignal')}</Alert>
      ) : suggestion.changes.length === 0 ? (
        <Alert color="gray">{t('scoring.learned.noSuggestedChanges')}</Alert>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('scoring.learned.suggestHint')}
          </Text>
          <Table verticalSpacing={4} fz="sm" data-testid="suggestion-changes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('scoring.learned.criterion')}</Table.Th>
                <Table.Th ta="right">{t('scoring.learned.before')}</Table.Th>
                <Table.Th ta="right">{t('scoring.learned.afterCol')}</Table.Th>
                <Table.Th>{t('scoring.learned.evidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {suggestion.changes
                .filter((change) => change.pointsAfter !== change.pointsBefore)
                .map((change) => {
                  const criterion = byId.get(change.criterionId);
                  const name = criterion
                    ? criterion.label?.trim() || describeCondition(t, criterion)
                    : change.criterionId;
                  const delta = change.pointsAfter - change.pointsBefore;
                  return (
                    <Table.Tr key={change.criterionId}>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td ta="right">{change.pointsBefore}</Table.Td>
                      <Table.Td ta="right" fw={600} c={delta > 0 ? 'teal' : delta < 0 ? 'red' : undefined}>
                        {change.pointsAfter}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {formatList(
                            change.evidence
                              .slice(0, 3)
                              .map((name) => describeFactorName(t, { name, field: '' })),
                            language,
                          )}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
            </Table.Tbody>
          </Table>
          {suggestion.dimensionChanges.length > 0 && (
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t('scoring.learned.dimensionWeights')}
              </Text>
              <Group gap="md">
                {suggestion.dimensionChanges.map((d) => (
                  <Badge key={d.dimension} variant="light" size="lg" radius="sm" tt="none" fw={500}>
                    {t(`scoring.dimensions.${d.dimension}`)} {d.weightBefore} → {d.weightAfter}
                  </Badge>
                ))}
              </Group>
            </div>
          )}
        </Stack>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          disabled={suggestion.reason !== 'applied' || suggestion.changes.length === 0}
          onClick={() => onLoad(suggestion.model)}
          data-testid="suggestion-load"
        >
          {t('scoring.learned.applySuggested')}
        </Button>
      </Group>
    </Modal>
  );
}
