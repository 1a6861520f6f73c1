// The leak flags of the latest history import, one checkbox per field: checked keeps the field out of training.
import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import type { HistoryLeak } from '../../../../../core/api/import/schemas';
import { leakValues } from '../../import/history/leak-values';
import { describeField } from '../describe-score';
import { useScoringTranslation } from '../i18n-bundle';

export function LeakFlagsBox({
  leaks,
  exclude,
  readOnly,
  onChange,
}: {
  leaks: readonly HistoryLeak[];
  exclude: readonly string[];
  readOnly: boolean;
  onChange: (next: string[]) => void;
}) {
  const { t } = useScoringTranslation();
  const fields = [...new Set(leaks.map((leak) => leak.field))];
  return (
    <Alert
      color="orange"
      variant="light"
      mt="sm"
      title={t('scoring.learned.leaks')}
      data-testid="train-leaks"
    >
      <Text size="xs" mb="xs">
        {t('scoring.learned.leaksHint')}
      </Text>
      <Stack gap="xs">
        {fields.map((field) => {
          const isExcluded = exclude.includes(field);
          return (
            <div key={field} data-testid="train-leak">
              <Checkbox
                label={t('scoring.learned.leakExclude', { field: describeField(t, field) })}
                checked={isExcluded}
                disabled={readOnly}
                onChange={(event) =>
                  onChange(
                    event.currentTarget.checked
                      ? [...exclude, field]
                      : exclude.filter((excluded) => excluded !== field),
                  )
                }
              />
              <Stack gap={0} pl={30}>
                {leaks
                  .filter((leak) => leak.field === field)
                  .map((leak) => (
                    <Text key={leak.reason} size="xs" c="dimmed">
                      {t(`scoring.learned.leakReasons.${leak.reason}`, {
                        column: leak.column,
                        ...leakValues(leak.evidence),
                      })}
                    </Text>
                  ))}
                {!isExcluded && (
                  <Text size="xs" c="orange.8" fw={500}>
                    {t('scoring.learned.leakKept')}
                  </Text>
                )}
              </Stack>
            </div>
          );
        })}
      </Stack>
    </Alert>
  );
}
