// The Dashboard's queries: the period and filters as the calls take them, and their cache keys (under 'leads', so
// every `leads.changed` event refreshes the figures).
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { CallInput } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';

export type KpiQuery = CallInput<'dashboard.kpis'>;
export type DrillRequest = Omit<CallInput<'dashboard.leads'>, 'from' | 'to' | 'offset' | 'limit'>;

export const PRESETS = [7, 30, 90] as const;

/**
 * The last `days` days of the team, today included, as ISO dates: days by the team's offset from UTC when known
 * (the hub counts its periods in them), else by this computer's clock.
 */
export function periodOf(
  days: number,
  utcOffsetMinutes?: number,
  now: number = Date.now(),
): { from: string; to: string } {
  const today =
    utcOffsetMinutes === undefined
      ? dayjs(now)
      : dayjs(new Date(now + utcOffsetMinutes * 60_000).toISOString().slice(0, 10));
  return { from: today.subtract(days - 1, 'day').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
}

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
