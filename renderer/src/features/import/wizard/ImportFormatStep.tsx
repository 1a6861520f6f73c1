// How the file is read: a CSV's encoding and delimiter, and a saved column-mapping template to apply.
import { Group, Paper, Select, Text } from '@mantine/core';
import type { ImportAnalysis } from '../../../../../core/api/import/schemas';
import { useImportTranslation } from '../bundle';
import {
  DELIMITERS,
  ENCODINGS,
  type AnalyzeOptions,
  type Delimiter,
  type Encoding,
} from './use-import-session';

export function ImportFormatStep({
  analysis,
  isAnalyzing,
  onReanalyze,
}: {
  analysis: ImportAnalysis;
  isAnalyzing: boolean;
  onReanalyze: (options: AnalyzeOptions) => void;
}) {
  const { t } = useImportTranslation();
  return (
    <Paper withBorder radius="md" p="lg">
      <Group align="flex-end" gap="md">
        {analysis.format === 'csv' && (
          <>
            <Select
              label={t('import.encoding')}
              w={160}
              value={analysis.encoding}
              data={[...ENCODINGS]}
              allowDeselect={false}
              onChange={(value) => value && onReanalyze({ encoding: value as Encoding })}
              data-testid="import-encoding"
            />
            <Select
              label={t('import.delimiter')}
              w={160}
              value={analysis.delimiter}
              data={DELIMITERS.map((d) => ({ value: d.value, label: t(`import.delimiters.${d.key}`) }))}
              allowDeselect={false}
              onChange={(value) => value && onReanalyze({ delimiter: value as Delimiter })}
            />
          </>
        )}
        {analysis.templates.length > 0 && (
          <Select
            label={t('import.template')}
            w={220}
            value={analysis.template?.id ?? null}
            placeholder={t('import.noTemplate')}
            data={analysis.templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
            onChange={(value) =>
              onReanalyze(value ? { templateId: value } : { mapping: [...analysis.guessedMapping] })
            }
          />
        )}
        {isAnalyzing && (
          <Text size="sm" c="dimmed">
            {t('import.analyzing')}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
