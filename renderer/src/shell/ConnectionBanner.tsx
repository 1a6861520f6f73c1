// A plain banner while the hub cannot be reached: in a browser, while the event feed is down; in the desktop app
// connected to a hub, while its rep client says the hub is unreachable. Both reconnect by themselves with a growing
// wait, so there is nothing to click.
import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../../core/api/transport/app-client';
import { useClient } from '../api/client-context';
import { useIdentityTranslation } from '../features/identity/bundle';
import { CLIENT_STATUS_KEY } from '../features/identity/HubConnectSection';

/** How often the desktop app asks its main process about the hub connection while connected, ms. */
const DESKTOP_STATUS_EVERY_MS = 5_000;

function useDownSince(): number | null {
  const client = useClient();
  const isBrowser = client.watchConnection !== undefined;
  const [state, setState] = useState<ConnectionState>({ downSince: null });
  useEffect(() => client.watchConnection?.(setState), [client]);
  // The desktop app's calls go through its main process, which holds the connection to the hub.
  const desktop = useQuery({
    queryKey: CLIENT_STATUS_KEY,
    queryFn: () => client.call('client.status', {}),
    enabled: !isBrowser,
    refetchInterval: (query) => (query.state.data?.mode === 'hub-client' ? DESKTOP_STATUS_EVERY_MS : false),
  });
  if (isBrowser) return state.downSince;
  return desktop.data?.state === 'unreachable' ? desktop.data.unreachableSince : null;
}

export function ConnectionBanner() {
  const { t } = useIdentityTranslation();
  const downSince = useDownSince();
  if (downSince === null) return null;
  return (
    <Alert color="orange" variant="light" radius={0} role="status" data-testid="connection-banner" py={6}>
      {t('identity.connection.down', { time: dayjs(downSince).format('HH:mm') })}
    </Alert>
  );
}
