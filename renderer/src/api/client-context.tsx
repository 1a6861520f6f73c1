// Puts one client (refusals worded in the UI's language) and its react-query cache in React context, refreshes
// cached data on pushed events, and returns to the sign-in screen when a call says the session is gone.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { I18nContext } from 'react-i18next';
import type { PushedEvent } from '../../../core/api/contract';
import { currentLanguage } from '../i18n';
import type { AppClient } from '../../../core/api/transport/app-client';
import { queryKeys } from './query-keys';
import { withWordedErrors } from './worded-errors';

const ClientContext = createContext<AppClient | null>(null);

/** Same key as session.ts's `sessionKeys.status` (which imports this file). */
const SESSION_STATUS_KEY = ['session', 'status'] as const;

/** A call answered `unauthenticated`: nobody is signed in any more, and nothing cached may be shown. */
function forgetSession(queryClient: QueryClient): void {
  const status = queryClient.getQueryData<{ actor: unknown }>(SESSION_STATUS_KEY);
  if (status && status.actor === null) return;
  if (status) queryClient.setQueryData(SESSION_STATUS_KEY, { ...status, actor: null });
  else void queryClient.invalidateQueries({ queryKey: SESSION_STATUS_KEY });
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
}

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
  client: AppClient;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  // The instance itself, not useTranslation's per-render view: the wrapped client must stay one object (stores are
  // keyed by it), and it reads the language when a refusal arrives.
  const i18n = useContext(I18nContext)?.i18n;
  const worded = useMemo(
    () =>
      withWordedErrors(client, {
        language: () => (i18n ? currentLanguage(i18n) : 'zh-CN'),
        onSignedOut: () => forgetSession(queryClient),
      }),
    [client, i18n, queryClient],
  );
  useEffect(() => client.subscribe((event) => invalidateForEvent(queryClient, event)), [client, queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <ClientContext.Provider value={worded}>{children}</ClientContext.Provider>
    </QueryClientProvider>
  );
}

export function useClient(): AppClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a <ClientProvider> above it.');
  return client;
}
