// react-query keys, grouped so a pushed event can invalidate one family at once.
import type { CallInput } from '../../../core/api/contract';

export const queryKeys = {
  workspace: ['workspace'] as const,
  status: ['workspace', 'status'] as const,
  preferences: ['workspace', 'preferences'] as const,
  reps: ['reps'] as const,
  repList: (includeInactive: boolean) => ['reps', 'list', includeInactive] as const,
  leads: ['leads'] as const,
  leadFacets: ['leads', 'facets'] as const,
  leadPage: (filter: Omit<CallInput<'leads.list'>, 'offset' | 'limit'>, pageIndex: number) =>
    ['leads', 'page', filter, pageIndex] as const,
  leadDetail: (id: string) => ['leads', 'detail', id] as const,
};
