// The Dashboard's queries: the period and filters as the calls take them, and their cache keys (under 'leads', so
// every `leads.changed` event refreshes the figures).
import { useQuery } from '@tanstack/react-query';
import type { CallInput } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';

export type KpiQuery = CallInput<'dashboard.kpis'>;
export type DrillRequest = Omit<CallInput<'dashboard.leads'>, 'from' | 'to' | 'offset' | 'limit'>;

export const PRESETS = [7, 30, 90] as const;

export const dashboardKeys = {
  kpis: (input: KpiQuery) => ['leads', 'dashboard', 'kpis', input] as const,
  now: (filter: CallInput<'dashboard.now'>) => ['leads', 'dashboard', 'now', filter] as const,
  pulse: () => ['leads', 'dashboard', 'pulse'] as const,
  drill: (input: CallInput<'dashboard.leads'>) => ['leads', 'dashboard', 'drill', input] as const,
  responseBuckets: (input: KpiQuery) => ['leads', 'dashboard', 'responseBuckets', input] as const,
};

export function useKpis(input: KpiQuery) {
  const client = useClient();
  return useQuery({
    queryKey: dashboardKeys.kpis(input),
    queryFn: () => client.call('dashboard.kpis', input),
    placeholderData: (previous) => previous,
  });
}

export function useNow(filter: CallInput<'dashboard.now'>) {
  const client = useClient();
  return useQuery({
    queryKey: dashboardKeys.now(filter),
    queryFn: () => client.call('dashboard.now', filter),
    placeholderData: (previous) => previous,
  });
}

/** The response-time histogram's buckets with their leads, each once (what a bar's link opens). */
export function useResponseBuckets(input: KpiQuery) {
  const client = useClient();
  return useQuery({
    queryKey: dashboardKeys.responseBuckets(input),
    queryFn: () => client.call('dashboard.responseBuckets', input),
  });
}
