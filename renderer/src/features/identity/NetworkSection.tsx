// Settings → Network: standalone or hub mode; in hub mode the CA's SHA-256 fingerprint and its certificate to
// install on reps' computers. In the desktop app the team lead switches hub mode here (and this PC can connect to
// another hub: HubConnectSection); the headless hub's page explains its command-line switch.
import { Alert, Anchor, Code, Paper, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../../api/client-context';
import { sessionKeys, useSessionStatus } from '../../api/session';
import { useIdentityTranslation } from './bundle';
import { errorText } from './FormProblem';
import { HubConnectSection } from './HubConnectSection';

const HUB_MODE_KEY = ['network', 'hubMode'] as const;

export function NetworkSection({
  isBrowser = typeof window !== 'undefined' && !(window as { fairlead?: unknown }).fairlead,
}) {
  const status = useSessionStatus();
  const isTeamLead = status.data?.actor?.role === 'lead';
  return (
    <>
      {isTeamLead && <HubMode lan={status.data?.lan ?? null} isBrowser={isBrowser} />}
      {!isBrowser && <HubConnectSection isTeamLead={isTeamLead} />}
    </>
  );
}

function HubMode({
  lan,
  isBrowser,
}: {
  lan: { readonly caFingerprint256: string } | null;
  isBrowser: boolean;
}) {
  const { t } = useIdentityTranslation();
  return (
    <Paper withBorder radius="md" p="lg" data-testid="network-section">
      <Stack gap="xs">
        <Text fw={600}>{t('identity.network.title')}</Text>
        {lan ? (
          <>
            <Text size="sm">{t('identity.network.hub')}</Text>
            <Text size="xs" c="dimmed">
              {t('identity.network.fingerprint')}
            </Text>
            <Code block data-testid="ca-fingerprint" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
              {lan.caFingerprint256}
            </Code>
            {/* Served by the hub itself: in the desktop app's own window there is no such address. */}
            {isBrowser && (
              <Anchor href="/api/ca.pem" download="fairlead-ca.pem" size="sm">
                {t('identity.network.downloadCa')}
              </Anchor>
            )}
            <Text size="xs" c="dimmed">
              {t('identity.network.caHint')}
            </Text>
          </>
        ) : isBrowser ? (
          <>
            <Text size="sm">{t('identity.network.standalone')}</Text>
            <Text size="sm" c="dimmed">
              {t('identity.network.howToHub')}
            </Text>
            <Code block>npm run hub -- --lan</Code>
          </>
        ) : (
          <Text size="sm">{t('identity.network.standalone')}</Text>
        )}
        {!isBrowser && <HubModeSwitch />}
      </Stack>
    </Paper>
  );
}

/** The desktop app's switch: serve reps' PCs on the LAN from this computer, with the addresses to give them. */
function HubModeSwitch() {
  const { t } = useIdentityTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const hubMode = useQuery({ queryKey: HUB_MODE_KEY, queryFn: () => client.call('network.hubMode', {}) });
  const change = useMutation({
    mutationFn: (on: boolean) => client.call('network.setHubMode', { on }),
    onSuccess: (status) => {
      queryClient.setQueryData(HUB_MODE_KEY, status);
      // The session status carries the CA's fingerprint: pairing (Devices) opens or closes with it.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.status });
    },
  });
  const status = hubMode.data;
  if (status === undefined || !status.switchable) return null;
  return (
    <Stack gap="xs" data-testid="hub-mode">
      <Switch
        checked={status.on}
        disabled={change.isPending}
        onChange={(event) => change.mutate(event.currentTarget.checked)}
        label={t('identity.network.switch')}
        description={t('identity.network.switchHint')}
        data-testid="hub-mode-switch"
      />
      {change.error && (
        <Alert color="red" role="alert" data-testid="hub-mode-error">
          {errorText(change.error)}
        </Alert>
      )}
      {status.on && status.port !== null && (
        <>
          <Text size="xs" c="dimmed">
            {t('identity.network.addresses')}
          </Text>
          <Code block data-testid="hub-mode-addresses">
            {status.names.map((name) => `https://${name}:${status.port}`).join('\n')}
          </Code>
        </>
      )}
    </Stack>
  );
}
