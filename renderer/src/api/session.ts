// Switching who is calling: the team lead, or a rep (a PIN may be asked). The cache is refetched as the new actor.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Actor } from '../../../core/api/contract';
import { useClient } from './client-context';

export function useActAs(): (repId: string | null, pin?: string) => Promise<Actor> {
  const client = useClient();
  const queryClient = useQueryClient();
  return useCallback(
    async (repId, pin) => {
      let actor: Actor;
      if (repId === null) {
        // The team lead is whoever calls without a session token on this machine.
        client.setSessionToken(null);
        actor = { role: 'lead' };
      } else {
        const result = await client.call('session.actAs', pin === undefined ? { repId } : { repId, pin });
        client.setSessionToken(result.token);
        actor = result.actor;
      }
      // What an actor may see differs: reset everything cached for the previous one (screens refetch at once).
      await queryClient.resetQueries();
      return actor;
    },
    [client, queryClient],
  );
}
