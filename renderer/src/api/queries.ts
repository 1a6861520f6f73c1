// Server state hooks: each wraps one contract call in react-query so screens share one cache.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

export function useWorkspaceStatus() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.status, queryFn: () => client.call('workspace.status', {}) });
}

/** The team's offset from UTC (workspace.status), once known: its local day is the one periods count in. */
export function useTeamUtcOffset(): number | undefined {
  return useWorkspaceStatus().data?.utcOffsetMinutes;
}

export function useReps(includeInactive: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.repList(includeInactive),
    queryFn: () => client.call('reps.list', { includeInactive }),
  });
}

export function useLeadFacets() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.leadFacets, queryFn: () => client.call('leads.facets', {}) });
}

/** The sources, industries and regions the team's leads carry, by lead field: what a form offers as one types. */
export function useTeamWords(): Readonly<Record<'source' | 'industry' | 'region', readonly string[]>> {
  const facets = useLeadFacets().data;
  return { source: facets?.sources ?? [], industry: facets?.industries ?? [], region: facets?.regions ?? [] };
}

export function useLeadDetail(id: string | null) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.leadDetail(id ?? ''),
    queryFn: () => client.call('leads.get', { id: id ?? '' }),
    enabled: id !== null,
  });
}

/** Rep names by id, for owner columns; inactive reps included so old owners still have names. */
export function useRepNames(): ReadonlyMap<string, string> {
  const { data } = useReps(true);
  return useMemo(() => new Map((data ?? []).map((rep) => [rep.id as string, rep.name])), [data]);
}
