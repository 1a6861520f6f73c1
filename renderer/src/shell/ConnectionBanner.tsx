// On the hub (a browser), a plain banner while the event feed is down; the client reconnects by itself with a
// growing wait, so there is nothing to click.
import { Alert } from '@mantine/core';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../../core/api/transport/app-client';
import { useClient } from '../api/client-context';
import { useIdentityTranslation } from '../features/identity/bundle';

export function ConnectionBanner() {
  const { t } = useIdentityTranslation();
  const client = useClient();
  const [state, setState] = useState<ConnectionState>({ downSince: null });
  useEffect(() => client.watchConnection?.(setState), [client]);
  if (state.downSince === null) return null;
  return (
    <Alert color="orange" variant="light" radius={0} role="status" data-testid="connection-banner" py={6}>
      {t('identity.connection.down', { time: dayjs(state.downSince).format('HH:mm') })}
    </Alert>
  );
}
