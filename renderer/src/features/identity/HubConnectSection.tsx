// Settings → Network in the desktop app: this PC's connection to the team's hub — its state, the pinned CA and a
// disconnect button once connected, the connect form (HubConnectForm.tsx) before.
import { Alert, Badge, Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { CallOutput } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';
import { applyActor } from '../../api/session';
import { useIdentityTranslation } from './bundle';
import { CLIENT_STATUS_KEY, ConnectForm } from './HubConnectForm';

export { CLIENT_STATUS_KEY } from './HubConnectForm';

type ClientStatus = CallOutput<'client.status'>;

function StateBadge({ status }: { status: ClientStatus }) {
  const { t } = useIdentityTranslation();
  if (status.state === 'connected') return <Badge color="teal">{t('identity.hubClient.connected')}</Badge>;
  if (status.state === 'unreachable') {
    return (
      <Badge color="orange">
        {t('identity.hubClient.unreachable', { time: dayjs(status.unreachableSince).format('HH:mm') })}
      </Badge>
    );
  }
  if (status.state === 'stopped') return <Badge color="red">{t('identity.hubClient.stopped')}</Badge>;
  return <Badge color="gray">{t('identity.hubClient.connecting')}</Badge>;
}

function Connected({ status }: { status: ClientStatus }) {
  const { t } = useIdentityTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const disconnect = useMutation({
    mutationFn: async () => {
      const next = await client.call('client.disconnect', {});
      // Calls go to this PC's own workspace again, as whoever this window was before connecting.
      const local = await client.call('session.status', {});
      queryClient.setQueryData(CLIENT_STATUS_KEY, next);
      await applyActor(queryClient, client, local.actor);
    },
  });
  return (
    <Stack gap="xs" data-testid="hub-client-status">
      <Group gap="sm">
        <Text size="sm">{t('identity.hubClient.connectedTo', { url: status.hubUrl ?? '' })}</Text>
        <StateBadge status={status} />
      </Group>
      <Text size="xs" c="dimmed">
        {t('identity.hubClient.pinned')}
      </Text>
      <Code block style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
        {status.caFingerprint256}
      </Code>
      {disconnect.error && <Alert color="red">{disconnect.error.message}</Alert>}
      <Group>
        <Button
          variant="light"
          color="red"
          loading={disconnect.isPending}
          onClick={() => disconnect.mutate()}
        >
          {t('identity.hubClient.disconnect')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('identity.hubClient.disconnectHint')}
      </Text>
    </Stack>
  );
}

/**
 * This PC's connection to a hub (desktop app only: a browser is already on its hub). Connected, anyone signed in
 * sees the state and may disconnect; standalone, the team lead of this PC's own workspace may connect it.
 */
export function HubConnectSection({ isTeamLead }: { isTeamLead: boolean }) {
  const { t } = useIdentityTranslation();
  const client = useClient();
  const status = useQuery({
    queryKey: CLIENT_STATUS_KEY,
    queryFn: () => client.call('client.status', {}),
    // The state changes without an event (the hub goes away and comes back): asked again now and then.
    refetchInterval: (query) => (query.state.data?.mode === 'hub-client' ? 5_000 : false),
  });
  if (!status.data) return null;
  const isConnected = status.data.mode === 'hub-client';
  if (!isConnected && !isTeamLead) return null;
  return (
    <Paper withBorder radius="md" p="lg" data-testid="hub-connect-section">
      <Stack gap="sm">
        <Text fw={600}>{t('identity.hubClient.title')}</Text>
        {isConnected ? <Connected status={status.data} /> : <ConnectForm />}
      </Stack>
    </Paper>
  );
}
