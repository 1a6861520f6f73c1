// The custom columns of the past leads as learned scoring reads them: what each looks like (number, category,
// yes/no, free text, date), the type the model will use — the team lead may change it — and whether it is used.
import { Badge, Card, Select, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../../api/client-context';
import { useScoringTranslation } from '../i18n-bundle';

const KINDS = ['numeric', 'categorical', 'boolean', 'text', 'date', 'empty'] as const;
type Kind = (typeof KINDS)[number];

export const customColumnsKey = ['scoring', 'customColumns'] as const;

export function CustomColumnsCard({ readOnly }: { readOnly: boolean }) {
  const { t } = useScoringTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const columns = useQuery({
    queryKey: customColumnsKey,
    queryFn: () => client.call('scoring.customColumns', {}),
    enabled: !readOnly,
  });
  const save = useMutation({
    mutationFn: (next: { columnKinds: Record<string, Kind>; includeText: string[] }) =>
      client.call('scoring.setColumnKinds', next),
    onSuccess: (data) => queryClient.setQueryData(customColumnsKey, data),
  });
  const rows = columns.data ?? [];
  if (readOnly || rows.length === 0) return null;
  // Free text is learned from by choosing "category" (its frequent values), so no separate opt-in is kept here.
  const choose = (key: string, kind: Kind) => {
    const columnKinds: Record<string, Kind> = {};
    for (const row of rows) {
      const chosen = row.key === key ? kind : row.isKindSet ? row.kind : null;
      // Choosing what the values already look like clears the override.
      if (chosen !== null && chosen !== row.profiledKind) columnKinds[row.key] = chosen;
    }
    save.mutate({ columnKinds, includeText: [] });
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="custom-columns">
      <Text fw={600}>{t('scoring.columns.title')}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('scoring.columns.hint')}
      </Text>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scoring.columns.column')}</Table.Th>
            <Table.Th>{t('scoring.columns.looks')}</Table.Th>
            <Table.Th>{t('scoring.columns.usedAs')}</Table.Th>
            <Table.Th>{t('scoring.columns.examples')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} data-testid="custom-column">
              <Table.Td fw={500}>{row.key}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {t(`scoring.columns.kinds.${row.profiledKind}`)} ·{' '}
                  {t('scoring.columns.filled', { filled: row.filled, rows: row.rows })}
                </Text>
              </Table.Td>
              <Table.Td w={220}>
                <Select
                  size="xs"
                  aria-label={row.key}
                  value={row.kind}
                  allowDeselect={false}
                  disabled={save.isPending}
                  data={KINDS.filter((k) => k !== 'empty').map((k) => ({
                    value: k,
                    label: t(`scoring.columns.kinds.${k}`),
                  }))}
                  onChange={(value) => {
                    if (value) choose(row.key, value as Kind);
                  }}
                  rightSection={
                    row.isUsed ? undefined : (
                      <Badge size="xs" color="gray" variant="light">
                        {t('scoring.columns.unused')}
                      </Badge>
                    )
                  }
                  rightSectionWidth={row.isUsed ? undefined : 64}
                />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {row.examples.slice(0, 3).join(' · ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
