// Who is signed in, and changing it: sign in (team lead password, rep PIN, a one-time link, pairing) and out.
// The renderer never sees a session token; after a change every cached answer is fetched again as the new person.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Actor, CallInput, CallOutput } from '../../../core/api/contract';
import type { AppClient } from '../../../core/api/transport/app-client';
import { useClient } from './client-context';

export type SessionStatus = CallOutput<'session.status'>;

export const sessionKeys = {
  status: ['session', 'status'] as const,
  redeem: (code: string) => ['session', 'redeem', code] as const,
};

/** `isEnabled` false: not asked yet (a one-time link is still being redeemed). */
export function useSessionStatus(isEnabled = true) {
  const client = useClient();
  return useQuery({
    queryKey: sessionKeys.status,
    queryFn: () => client.call('session.status', {}),
    staleTime: Infinity,
    enabled: isEnabled,
  });
}

/** The signed-in person, or null before the status has loaded or when nobody is signed in. */
export function useActor(): Actor | null {
  return useSessionStatus().data?.actor ?? null;
}

/** Records who is now signed in; every other answer is refetched as them, and the event feed reopens. */
export async function applyActor(
  queryClient: QueryClient,
  client: AppClient,
  actor: Actor | null,
): Promise<void> {
  queryClient.setQueryData<SessionStatus>(sessionKeys.status, (previous) =>
    previous ? { ...previous, actor } : previous,
  );
  const isOthers = (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== 'session';
  if (actor === null) {
    // Nothing is on screen to refetch for: the sign-in screen replaces the app.
    queryClient.removeQueries({ predicate: isOthers });
    return;
  }
  client.reconnectEvents?.();
  await queryClient.resetQueries({ predicate: isOthers });
  await queryClient.invalidateQueries({ queryKey: sessionKeys.status });
}

/** Signs in as the team lead (password), a rep (PIN) or a paired device; resolves to who is signed in. */
export function useSignIn(): (input: CallInput<'session.signIn'>) => Promise<Actor> {
  const client = useClient();
  const queryClient = useQueryClient();
  return useCallback(
    async (input) => {
      const { actor } = await client.call('session.signIn', input);
      await applyActor(queryClient, client, actor);
      return actor;
    },
    [client, queryClient],
  );
}

/** Pairs this browser with the hub as the rep the team lead made the code for. */
export function usePairBrowser(): (input: CallInput<'devices.pair'>) => Promise<Actor> {
  const client = useClient();
  const queryClient = useQueryClient();
  return useCallback(
    async (input) => {
      const { actor } = await client.call('devices.pair', input);
      await applyActor(queryClient, client, actor);
      return actor;
    },
    [client, queryClient],
  );
}

export function useSignOut(): () => Promise<void> {
  const client = useClient();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await client.call('session.signOut', {});
    await applyActor(queryClient, client, null);
  }, [client, queryClient]);
}
