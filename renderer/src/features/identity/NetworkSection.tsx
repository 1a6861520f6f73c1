// Settings → Network: standalone or hub mode; in hub mode the CA's SHA-256 fingerprint and its certificate to
// install on reps' computers; standalone explains how to start the hub for the LAN. In the desktop app, also this
// PC's connection to a hub (HubConnectSection).
import { Anchor, Code, Paper, Stack, Text } from '@mantine/core';
import { useSessionStatus } from '../../api/session';
import { useIdentityTranslation } from './bundle';
import { HubConnectSection } from './HubConnectSection';

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
        ) : (
          <>
            <Text size="sm">{t('identity.network.standalone')}</Text>
            <Text size="sm" c="dimmed">
              {t('identity.network.howToHub')}
            </Text>
            <Code block>npm run hub -- --lan</Code>
          </>
        )}
      </Stack>
    </Paper>
  );
}
