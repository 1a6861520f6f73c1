// The column mapping: each column of the file becomes a lead field, a custom field or is ignored, next to a sample
// of its values.
import { Paper, ScrollArea, Select, Table, Text, Title } from '@mantine/core';
import type { ImportAnalysis } from '../../../../../core/api/import/schemas';
import { LEAD_FIELDS } from '../../../../../core/domain/lead-fields';
import { useImportTranslation } from '../bundle';

/** One field per column: a field taken from another column leaves that one custom. */
function mapColumn(analysis: ImportAnalysis, index: number, value: string): string[] {
  return analysis.mapping.map((target, i) => {
    if (i === index) return value;
    return target === value && value !== 'ignore' ? `custom.${(analysis.headers[i] ?? '').trim()}` : target;
  });
}

export function ImportMappingStep({
  analysis,
  onMappingChange,
}: {
  analysis: ImportAnalysis;
  onMappingChange: (mapping: string[]) => void;
}) {
  const { t } = useImportTranslation();
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={4} mb="sm">
        {t('import.mapping')}
      </Title>
      <ScrollArea>
        <Table striped withTableBorder data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.column')}</Table.Th>
              <Table.Th>{t('import.target')}</Table.Th>
              <Table.Th>{t('import.sample')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.headers.map((header, index) => {
              const custom = `custom.${header.trim()}`;
              const options = [
                ...LEAD_FIELDS.map((field) => ({ value: field, label: t(`import.fields.${field}`) })),
                { value: custom, label: t('import.customField', { name: header }) },
                { value: 'ignore', label: t('import.ignore') },
              ];
              const current = analysis.mapping[index] ?? 'ignore';
              if (!options.some((o) => o.value === current))
                options.push({ value: current, label: current.replace(/^custom\./, '') });
              return (
                <Table.Tr key={`${index}-${header}`}>
                  <Table.Td fw={600}>{header}</Table.Td>
                  <Table.Td w={260}>
                    <Select
                      size="xs"
                      aria-label={header}
                      value={current}
                      data={options}
                      allowDeselect={false}
                      onChange={(value) => {
                        if (value) onMappingChange(mapColumn(analysis, index, value));
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {analysis.previewRows
                        .slice(0, 3)
                        .map((row) => row.cells[index] ?? '')
                        .filter((cell) => cell !== '')
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
