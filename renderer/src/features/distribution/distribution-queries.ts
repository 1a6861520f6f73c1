// Server state of the distribution feature: rules, a lead's assignment history, appeals; refreshed on pushed events.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useClient } from '../../api/client-context';
import { useWorkspaceStatus } from '../../api/queries';
import { queryKeys } from '../../api/query-keys';

export const distributionKeys = {
  all: ['distribution'] as const,
  rules: ['distribution', 'rules'] as const,
  history: (leadId: string) => ['distribution', 'history', leadId] as const,
  appeals: ['distribution', 'appeals'] as const,
  appealCount: ['distribution', 'appeals', 'count'] as const,
};

export function useActor() {
  return useWorkspaceStatus().data?.actor ?? null;
}

export function useDistributionRules() {
  const client = useClient();
  return useQuery({
    queryKey: distributionKeys.rules,
    queryFn: () => client.call('distribution.getRules', {}),
  });
}

export function useLeadDistributionHistory(leadId: string) {
  const client = useClient();
  return useQuery({
    queryKey: distributionKeys.history(leadId),
    queryFn: () => client.call('distribution.history', { leadId }),
  });
}

export function useAppeals(state: 'open' | 'accepted' | 'rejected' | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: [...distributionKeys.appeals, state ?? 'all'],
    queryFn: () => client.call('appeals.list', state ? { state } : {}),
  });
}

export function useAppealCount() {
  const client = useClient();
  return useQuery({
    queryKey: distributionKeys.appealCount,
    queryFn: () => client.call('appeals.count', {}),
  });
}

/** After any change to leads, appeals or rules (from this client or another), refetch what shows them. */
export function useDistributionEvents(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.subscribe((event) => {
        if (
          event.event === 'leads.changed' ||
          event.event === 'appeals.changed' ||
          event.event === 'distribution.rulesChanged'
        ) {
          void queryClient.invalidateQueries({ queryKey: distributionKeys.all });
        }
        if (event.event === 'leads.changed')
          void queryClient.invalidateQueries({ queryKey: queryKeys.leads });
      }),
    [client, queryClient],
  );
}

/** What to refetch after this client changed owners. */
export function invalidateAfterAssignment(queryClient: ReturnType<typeof useQueryClient>): void {
  void queryClient.invalidateQueries({ queryKey: distributionKeys.all });
  void queryClient.invalidateQueries({ queryKey: queryKeys.leads });
}
