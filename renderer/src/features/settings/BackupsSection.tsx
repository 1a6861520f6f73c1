// Settings → Backups: the daily backups kept, "Back up now", and "Restore from backup…" (the current data is
// saved as a backup first).
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useClient } from '../../api/client-context';
import { useWorkspaceStatus } from '../../api/queries';
import { useImportTranslation } from '../import/bundle';

export function BackupsSection() {
  const { t } = useImportTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const isTeamLead = useWorkspaceStatus().data?.actor.role === 'lead';
  const backups = useQuery({
    queryKey: ['backups'],
    queryFn: () => client.call('backups.list', {}),
    enabled: isTeamLead,
  });
  const create = useMutation({
    mutationFn: () => client.call('backups.create', {}),
    onSuccess: (backup) => {
      notifications.show({ color: 'teal', message: t('import.backups.created', { id: backup.id }) });
      void queryClient.invalidateQueries({ queryKey: ['backups'] });
    },
  });
  const restore = useMutation({
    mutationFn: (id: string) => client.call('backups.restore', { id }),
    onSuccess: (result) => {
      notifications.show({
        color: 'teal',
        message: t('import.backups.restored', { id: result.preRestoreBackup }),
      });
      void queryClient.invalidateQueries();
    },
  });
  if (!isTeamLead) return null;
  const error = backups.error ?? create.error ?? restore.error;
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t('import.backups.title')}</Text>
          <Button size="xs" onClick={() => create.mutate()} loading={create.isPending}>
            {t('import.backups.now')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('import.backups.hint')}
        </Text>
        {error && <Alert color="red">{error.message}</Alert>}
        {backups.data && backups.data.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('import.backups.empty')}
          </Text>
        )}
        {backups.data && backups.data.length > 0 && (
          <Table withTableBorder data-testid="backups">
            <Table.Tbody>
              {backups.data.map((backup) => (
                <Table.Tr key={backup.id}>
                  <Table.Td>{dayjs(backup.at).format('YYYY-MM-DD HH:mm')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`import.backups.kinds.${backup.kind}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{(backup.sizeBytes / 1024 / 1024).toFixed(1)} MB</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      loading={restore.isPending && restore.variables === backup.id}
                      onClick={() => {
                        if (window.confirm(t('import.backups.restoreConfirm', { id: backup.id })))
                          restore.mutate(backup.id);
                      }}
                    >
                      {t('import.backups.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
