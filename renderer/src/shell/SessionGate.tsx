// Nothing but the sign-in screen until someone is signed in: redeems a one-time link first, then asks the hub
// who this session is. A call answering `unauthenticated` anywhere brings the sign-in screen back (client-context).
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useClient } from '../api/client-context';
import { sessionKeys, useSessionStatus } from '../api/session';
import { LeadPasswordPrompt } from '../features/identity/LeadPasswordPrompt';
import { SignInScreen } from '../features/identity/SignInScreen';
import { LoadFailed, Loading } from '../ui/LoadState';

export function SessionGate({ signInCode, children }: { signInCode: string | null; children: ReactNode }) {
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

  if (isRedeeming || status.isPending) return <Loading minHeight="100vh" />;
  if (status.isError) {
    return (
      <LoadFailed minHeight="100vh" message={status.error.message} onRetry={() => void status.refetch()} />
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
