// The latest past-leads import as the Scoring and Distribution pages see it: leak flags to keep out of learning
// and the period to replay. Keyed under 'leads', so the `leads.changed` of an import or an undo refreshes it.
import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../../api/client-context';
import { queryKeys } from '../../../api/query-keys';

const historyFlagsKey = [...queryKeys.leads, 'history-flags'] as const;

/** Team lead only (the call refuses reps): pass `enabled: false` for a rep. */
export function useHistoryFlags(enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: historyFlagsKey,
    queryFn: () => client.call('import.historyFlags', {}),
    enabled,
  });
}
