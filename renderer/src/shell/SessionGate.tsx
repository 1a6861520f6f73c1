// Nothing but the sign-in screen until someone is signed in: redeems a one-time link first, then asks the hub
// who this session is. A call answering `unauthenticated` anywhere brings the sign-in screen back (client-context).
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/client-context';
import { sessionKeys, useSessionStatus } from '../api/session';
import { LeadPasswordPrompt } from '../features/identity/LeadPasswordPrompt';
import { SignInScreen } from '../features/identity/SignInScreen';

function Waiting() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh">
      <Stack align="center" gap="xs">
        <Loader />
        <Text c="dimmed">{t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}

export function SessionGate({ signInCode, children }: { signInCode: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  const client = useClient();
  // A query, not a mutation: React may mount twice, and a one-time link must be sent only once.
  const redeem = useQuery({
    queryKey: sessionKeys.redeem(signInCode ?? ''),
    queryFn: () => client.call('session.redeemLink', { code: signInCode ?? '' }),
    enabled: signInCode !== null,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const isRedeeming = signInCode !== null && redeem.isPending;
  const status = useSessionStatus(!isRedeeming);

  if (isRedeeming || status.isPending) return <Waiting />;
  if (status.isError) {
    return (
      <Center mih="100vh">
        <Alert color="red" title={t('app.loadFailed')} maw={520}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{status.error.message}</Text>
            <Button size="xs" variant="white" color="red" onClick={() => void status.refetch()}>
              {t('app.retry')}
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  if (status.data.actor === null) return <SignInScreen linkError={redeem.error} />;
  return (
    <>
      {children}
      {status.data.actor.role === 'lead' && !status.data.hasLeadPassword && <LeadPasswordPrompt />}
    </>
  );
}
