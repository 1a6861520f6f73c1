// Settings → Devices (team lead): every paired device with its person, last sign of life and state; revoke one
// (it is signed out at once); add one with a pairing code.
import { Alert, Badge, Button, Divider, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../api/client-context';
import { useSessionStatus } from '../../api/session';
import { formatDateTime } from '../../ui/format';
import { useLanguage } from '../../ui/use-language';
import { AddDevice } from './AddDevice';
import { useIdentityTranslation } from './bundle';

const DEVICES_KEY = ['devices', 'list'] as const;

export function DevicesSection() {
  const { t } = useIdentityTranslation();
  const language = useLanguage();
  const client = useClient();
  const queryClient = useQueryClient();
  const status = useSessionStatus();
  const isTeamLead = status.data?.actor?.role === 'lead';
  const devices = useQuery({
    queryKey: DEVICES_KEY,
    queryFn: () => client.call('devices.list', {}),
    enabled: isTeamLead,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => client.call('devices.revoke', { id }),
    onSuccess: (device) => {
      notifications.show({ color: 'teal', message: t('identity.devices.revoked', { name: device.name }) });
      void queryClient.invalidateQueries({ queryKey: DEVICES_KEY });
    },
  });
  if (!isTeamLead) return null;
  const error = devices.error ?? revoke.error;
  const rows = devices.data ?? [];
  return (
    <Paper withBorder radius="md" p="lg" data-testid="devices-section">
      <Stack gap="sm">
        <Text fw={600}>{t('identity.devices.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('identity.devices.hint')}
        </Text>
        {error && <Alert color="red">{error.message}</Alert>}
        {devices.data && rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('identity.devices.empty')}
          </Text>
        )}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder data-testid="devices">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('identity.devices.person')}</Table.Th>
                  <Table.Th>{t('identity.devices.name')}</Table.Th>
                  <Table.Th>{t('identity.devices.lastSeen')}</Table.Th>
                  <Table.Th>{t('identity.devices.address')}</Table.Th>
                  <Table.Th>{t('identity.devices.state')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((device) => (
                  <Table.Tr key={device.id}>
                    <Table.Td>{device.personName}</Table.Td>
                    <Table.Td>{device.name}</Table.Td>
                    <Table.Td>
                      {device.lastSeenAt === null
                        ? t('identity.devices.never')
                        : formatDateTime(device.lastSeenAt, language)}
                    </Table.Td>
                    <Table.Td ff="monospace">{device.lastAddress ?? '—'}</Table.Td>
                    <Table.Td>
                      {device.revokedAt === null ? (
                        <Badge variant="light" color="teal">
                          {t('identity.devices.active')}
                        </Badge>
                      ) : (
                        <Badge variant="light" color="gray">
                          {t('identity.devices.revokedOn', {
                            date: formatDateTime(device.revokedAt, language),
                          })}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {device.revokedAt === null && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          loading={revoke.isPending && revoke.variables === device.id}
                          onClick={() => {
                            const question = t('identity.devices.revokeConfirm', {
                              name: device.name,
                              person: device.personName,
                            });
                            if (window.confirm(question)) revoke.mutate(device.id);
                          }}
                        >
                          {t('identity.devices.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Divider />
        <AddDevice isHub={status.data?.lan !== null && status.data?.lan !== undefined} />
      </Stack>
    </Paper>
  );
}
