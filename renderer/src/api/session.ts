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
      // The server decides (a rep going back to the team lead needs the team lead's PIN when one is set);
      // the token is only changed once it agreed.
      const result = await client.call('session.actAs', pin === undefined ? { repId } : { repId, pin });
      client.setSessionToken(result.token);
      const actor: Actor = result.actor;
      // What an actor may see differs: reset everything cached for the previous one (screens refetch at once).
      await queryClient.resetQueries();
      return actor;
    },
    [client, queryClient],
  );
}
