// How the file's values are read: the country of phone numbers written without a country code (kept as the
// workspace's default once imported), and, per money column, whether a comma or a point marks the decimals.
import { Alert, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import type { ImportAnalysis } from '../../../../../core/api/import/schemas';
import { useImportTranslation } from '../bundle';
import type { ReadingAnswers } from './use-import-session';

/** Countries offered first; any other ISO code the analysis used is added to the list. */
const COUNTRIES = [
  'CN',
  'HK',
  'MO',
  'TW',
  'SG',
  'MY',
  'JP',
  'KR',
  'US',
  'CA',
  'GB',
  'DE',
  'FR',
  'IT',
  'ES',
  'NL',
  'AU',
  'IN',
  'AE',
  'BR',
] as const;

function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function ImportReadingStep({
  analysis,
  reading,
  onReading,
}: {
  analysis: ImportAnalysis;
  reading: ReadingAnswers;
  onReading: (next: ReadingAnswers) => void;
}) {
  const { t, i18n } = useImportTranslation();
  const codes = [...new Set<string>([...COUNTRIES, analysis.defaultCountry])];
  const countries = codes.map((code) => ({
    value: code,
    label: `${countryName(code, i18n.language)} (${code})`,
  }));
  const styles = reading.decimalStyles ?? {};
  const questions = analysis.numberColumns.filter((column) => column.isQuestion);
  return (
    <Paper withBorder radius="md" p="lg" data-testid="import-reading">
      <Title order={4} mb="sm">
        {t('import.reading.title')}
      </Title>
      <Stack gap="sm">
        <Select
          w={320}
          label={t('import.reading.country')}
          description={t('import.reading.countryHint')}
          value={analysis.defaultCountry}
          data={countries}
          allowDeselect={false}
          searchable
          data-testid="import-country"
          onChange={(value) => {
            if (value) onReading({ ...reading, defaultCountry: value });
          }}
        />
        {questions.length > 0 && (
          <Alert color="orange" data-testid="import-decimal-questions">
            {t('import.reading.decimalQuestions', { count: questions.length })}
          </Alert>
        )}
        {analysis.numberColumns.map((column) => (
          <Group key={column.columnIndex} gap="sm" align="center" data-testid="import-number-column">
            <Text size="sm" fw={600} w={200} truncate>
              {column.column}
            </Text>
            <SegmentedControl
              size="xs"
              value={styles[String(column.columnIndex)] ?? (column.isQuestion ? '' : column.style)}
              data={[
                { value: 'dot', label: t('import.reading.dot') },
                { value: 'comma', label: t('import.reading.comma') },
              ]}
              onChange={(value) =>
                onReading({
                  ...reading,
                  decimalStyles: {
                    ...styles,
                    [String(column.columnIndex)]: value === 'comma' ? 'comma' : 'dot',
                  },
                })
              }
            />
            <Text size="xs" c={column.isQuestion ? 'orange.8' : 'dimmed'}>
              {t('import.reading.examples', { examples: column.examples.join(' · ') })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
