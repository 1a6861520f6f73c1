// Server-side paging for the virtualized lead table: fetches pages of 200 by offset as the user scrolls.
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { CallInput } from '../../../../core/api/contract';
import type { Lead } from '../../../../core/domain/lead';
import { useClient } from '../../api/client-context';
import { queryKeys } from '../../api/query-keys';

const LEAD_PAGE_SIZE = 200;

export type LeadQuery = Omit<CallInput<'leads.list'>, 'offset' | 'limit'>;

/** The pages covering rows `first..last` (inclusive), always with page 0, which carries the total first. */
function pagesForRange(first: number, last: number, pageSize = LEAD_PAGE_SIZE): number[] {
  const from = Math.floor(Math.max(0, first) / pageSize);
  const to = Math.floor(Math.max(first, last, 0) / pageSize);
  const pages = new Set<number>([0]);
  for (let page = from; page <= to; page += 1) pages.add(page);
  return [...pages].sort((a, b) => a - b);
}

export interface LeadPages {
  /** Rows matching the query, or null before the first page has answered. */
  readonly total: number | null;
  /** The lead at a row, or undefined while its page loads. */
  rowAt(index: number): Lead | undefined;
  /** Every row of the pages in hand (the ones covering the visible range, and the first), in table order. */
  loadedLeads(): Lead[];
  readonly isFetching: boolean;
  /** True while rows from the previous query are shown (filters just changed). */
  readonly isStale: boolean;
  readonly error: Error | null;
}

export function useLeadPages(query: LeadQuery, visible: { first: number; last: number }): LeadPages {
  const client = useClient();
  const pageIndexes = pagesForRange(visible.first, visible.last);
  const results = useQueries({
    queries: pageIndexes.map((pageIndex) => ({
      queryKey: queryKeys.leadPage(query, pageIndex),
      queryFn: () =>
        client.call('leads.list', { ...query, offset: pageIndex * LEAD_PAGE_SIZE, limit: LEAD_PAGE_SIZE }),
      // Page 0 keeps the old rows on screen while a new filter loads, so the table never flashes empty.
      placeholderData: pageIndex === 0 ? keepPreviousData : undefined,
    })),
  });

  const pages = new Map<number, readonly Lead[]>();
  let total: number | null = null;
  let isFetching = false;
  let isStale = false;
  let error: Error | null = null;
  results.forEach((result, position) => {
    const pageIndex = pageIndexes[position] ?? 0;
    if (result.data) {
      pages.set(pageIndex, result.data.rows);
      if (total === null || pageIndex === 0) total = result.data.total;
    }
    if (result.isFetching) isFetching = true;
    if (result.isPlaceholderData) isStale = true;
    if (result.error) error = result.error;
  });

  const rowAt = (index: number) => pages.get(Math.floor(index / LEAD_PAGE_SIZE))?.[index % LEAD_PAGE_SIZE];
  const loadedLeads = () => [...pages.entries()].sort(([a], [b]) => a - b).flatMap(([, rows]) => rows);
  return { total, rowAt, loadedLeads, isFetching, isStale, error };
}
