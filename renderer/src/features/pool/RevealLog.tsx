// The team lead's log of reveals: who saw a pool lead's masked phone, email or WeChat by claiming it, and when.
import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../api/client-context';
import { formatDateTime, formatList } from '../../ui/format';
import { poolDisplayName } from './pool-name';
import { useLanguage } from '../../ui/use-language';
import { usePoolsTranslation } from './bundle';
import { poolsKeys } from './pool-queries';

export function RevealLog() {
  const { t } = usePoolsTranslation();
  const language = useLanguage();
  const client = useClient();
  const reveals = useQuery({
    queryKey: [...poolsKeys.all, 'reveals'],
    queryFn: () => client.call('pool.reveals', {}),
  });
  const rows = reveals.data?.rows ?? [];
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('pools.reveals.title')}</Text>
      {reveals.data && rows.length === 0 && <Text c="dimmed">{t('pools.reveals.empty')}</Text>}
      {rows.length > 0 && (
        <Table data-testid="reveal-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pools.reveals.columns.at')}</Table.Th>
              <Table.Th>{t('pools.reveals.columns.rep')}</Table.Th>
              <Table.Th>{t('pools.reveals.columns.lead')}</Table.Th>
              <Table.Th>{t('pools.reveals.columns.pool')}</Table.Th>
              <Table.Th>{t('pools.reveals.columns.fields')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              <Table.Tr key={`${row.at}-${row.leadId}-${i}`} data-testid="reveal-row">
                <Table.Td>{formatDateTime(row.at, language)}</Table.Td>
                <Table.Td>{row.repName ?? row.repId}</Table.Td>
                <Table.Td>{row.leadName ?? row.leadId}</Table.Td>
                <Table.Td>{row.poolName === null ? '' : poolDisplayName(t, row.poolName)}</Table.Td>
                <Table.Td>
                  {formatList(
                    row.fields.map((field) => t(`pools.reveals.fields.${field}`)),
                    language,
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
