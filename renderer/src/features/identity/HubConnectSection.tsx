// Settings → Network in the desktop app: connect this PC to the team's hub (its address and a pairing code from the
// team lead, whose fingerprint prefix the rep compares before connecting), see the connection's state, disconnect.
import { Alert, Badge, Button, Code, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { CallOutput } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';
import { applyActor } from '../../api/session';
import { describeBrowser } from './browser-name';
import { useIdentityTranslation } from './bundle';

type ClientStatus = CallOutput<'client.status'>;

export const CLIENT_STATUS_KEY = ['session', 'client-status'] as const;

/**
 * The eight hex digits a pairing code ends with: the start of the hub CA's SHA-256 fingerprint, as
 * core/api/devices/pairing-code.ts writes it. Null until the code is complete.
 */
export function fingerprintPrefixOfCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== 18) return null;
  const prefix = compact.slice(10);
  return /^[0-9A-F]{8}$/.test(prefix) ? prefix : null;
}

/** `AB:CD:…` grouped as the hub's Settings shows it, so the two can be compared by eye. */
function formatPrefix(prefix: string): string {
  return prefix.match(/.{2}/g)?.join(':') ?? prefix;
}

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

function ConnectForm() {
  const { t } = useIdentityTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      hubUrl: 'https://',
      code: '',
      deviceName: t('identity.hubClient.defaultDeviceName', {
        system: describeBrowser(typeof navigator === 'undefined' ? '' : navigator.userAgent).system,
      }),
    },
  });
  const connect = useMutation({
    mutationFn: async (values: typeof form.values) => {
      const answer = await client.call('client.connect', {
        hubUrl: values.hubUrl.trim(),
        code: values.code.trim(),
        deviceName: values.deviceName.trim(),
      });
      queryClient.setQueryData(CLIENT_STATUS_KEY, answer.status);
      await applyActor(queryClient, client, answer.actor);
    },
  });
  const prefix = fingerprintPrefixOfCode(form.values.code);
  return (
    <form onSubmit={form.onSubmit((values) => connect.mutate(values))} data-testid="hub-connect-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('identity.hubClient.hint')}
        </Text>
        <TextInput
          label={t('identity.hubClient.address')}
          description={t('identity.hubClient.addressHint')}
          placeholder="https://192.168.1.20:5174"
          required
          spellCheck={false}
          {...form.getInputProps('hubUrl')}
        />
        <TextInput
          label={t('identity.signIn.code')}
          description={t('identity.hubClient.codeHint')}
          placeholder="XXXXX-XXXXX-XXXXXXXX"
          autoComplete="off"
          spellCheck={false}
          required
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 1 } }}
          {...form.getInputProps('code')}
        />
        {prefix && (
          <Alert color="blue" variant="light" data-testid="expected-fingerprint">
            <Text size="sm">{t('identity.hubClient.expectFingerprint')}</Text>
            <Code fz="md" fw={700}>
              {formatPrefix(prefix)}…
            </Code>
          </Alert>
        )}
        <TextInput
          label={t('identity.signIn.deviceName')}
          description={t('identity.signIn.deviceNameHint')}
          required
          maxLength={100}
          {...form.getInputProps('deviceName')}
        />
        {connect.error && (
          <Alert color="red" role="alert" data-testid="hub-connect-error">
            {connect.error.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={connect.isPending}>
            {t('identity.hubClient.connect')}
          </Button>
        </Group>
      </Stack>
    </form>
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
