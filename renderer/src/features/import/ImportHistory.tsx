// The import history: each import with its file, time, who and counts, and undo as a whole.
import { Alert, Badge, Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { CallOutput } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';
import { leadsImportBatchHref } from '../leads/import-batch-link';
import { useImportTranslation } from './bundle';

type Batch = CallOutput<'import.history'>[number];

const STATE_COLORS: Record<Batch['state'], string> = {
  running: 'indigo',
  committed: 'teal',
  undone: 'gray',
  cancelled: 'gray',
  failed: 'red',
};

const IMPORT_HISTORY_KEY = ['import', 'history'] as const;

export function ImportHistory() {
  const { t } = useImportTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const history = useQuery({
    queryKey: IMPORT_HISTORY_KEY,
    queryFn: () => client.call('import.history', { limit: 100 }),
  });
  const undo = useMutation({
    mutationFn: (batchId: string) => client.call('import.undo', { batchId }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('import.undone') });
      void queryClient.invalidateQueries();
    },
  });
  if (history.isError) return <Alert color="red">{history.error.message}</Alert>;
  const rows = history.data ?? [];
  if (!history.isPending && rows.length === 0) return <Text c="dimmed">{t('import.historyEmpty')}</Text>;
  return (
    <>
      {undo.error && (
        <Alert color="red" mb="sm">
          {undo.error.message}
        </Alert>
      )}
      <Table striped withTableBorder data-testid="import-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.file')}</Table.Th>
            <Table.Th>{t('import.when')}</Table.Th>
            <Table.Th>{t('import.who')}</Table.Th>
            <Table.Th>{t('import.counts')}</Table.Th>
            <Table.Th>{t('import.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((batch) => (
            <Table.Tr key={batch.id} data-batch-id={batch.id}>
              <Table.Td fw={600}>{batch.fileName}</Table.Td>
              <Table.Td>{dayjs(batch.startedAt).format('YYYY-MM-DD HH:mm')}</Table.Td>
              <Table.Td>{batch.actor === 'team-lead' ? '—' : batch.actor}</Table.Td>
              <Table.Td>
                {t('import.countsValue', {
                  inserted: batch.inserted,
                  merged: batch.merged,
                  skipped: batch.skipped,
                  errors: batch.errors,
                })}
              </Table.Td>
              <Table.Td>
                <Badge color={STATE_COLORS[batch.state]} variant="light">
                  {t(`import.states.${batch.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {batch.state === 'committed' && (
                  <Group gap="xs" wrap="nowrap">
                    {batch.inserted > 0 && (
                      <Button
                        component="a"
                        href={leadsImportBatchHref({ batchId: batch.id, fileName: batch.fileName })}
                        size="compact-sm"
                        variant="light"
                        data-testid="import-history-leads"
                      >
                        {t('import.historyLeads')}
                      </Button>
                    )}
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red"
                      loading={undo.isPending && undo.variables === batch.id}
                      onClick={() => {
                        if (window.confirm(t('import.undoConfirm', { file: batch.fileName })))
                          undo.mutate(batch.id);
                      }}
                    >
                      {t('import.undo')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
