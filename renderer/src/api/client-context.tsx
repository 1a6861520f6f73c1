// Puts one FairleadClient and its react-query cache in React context, and refreshes cached data on pushed events.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { FairleadClient } from '../../../core/api/transport/client';
import type { PushedEvent } from '../../../core/api/contract';
import { queryKeys } from './query-keys';

const ClientContext = createContext<FairleadClient | null>(null);

export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Pushed events keep the cache fresh, so refetching on focus would only add load on a big workspace.
      queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 },
      mutations: { retry: false },
    },
  });
}

/** Marks what a pushed event made stale; only queries on screen refetch at once. */
export function invalidateForEvent(queryClient: QueryClient, event: PushedEvent): void {
  switch (event.event) {
    case 'leads.changed':
      void queryClient.invalidateQueries({ queryKey: queryKeys.leads });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
      break;
    case 'reps.changed':
      void queryClient.invalidateQueries({ queryKey: queryKeys.reps });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
      break;
    case 'workspace.changed':
      void queryClient.invalidateQueries();
      break;
  }
}

export function ClientProvider({
  client,
  queryClient,
  children,
}: {
  client: FairleadClient;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  useEffect(() => client.subscribe((event) => invalidateForEvent(queryClient, event)), [client, queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <ClientContext.Provider value={client}>{children}</ClientContext.Provider>
    </QueryClientProvider>
  );
}

export function useClient(): FairleadClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a <ClientProvider> above it.');
  return client;
}
