// The paged, filtered, sorted list of leads behind every table (Leads page, exports, Dashboard drills).
import type { Database } from 'better-sqlite3';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Lead } from '../domain/lead';
import type { LeadSortField } from '../domain/lead-list';
import { whereCommonLeadFilter, type CommonLeadFilter } from './lead-filter';
import { rowToLead } from './leads';
import type { LeadsTable } from './schema';
import { qb, selectAll, selectFirst } from './sql';

const SORT_COLUMNS = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  score: 'score',
  name: 'name',
  company: 'company',
  stage: 'stage',
} as const satisfies Record<LeadSortField, keyof LeadsTable>;

export interface LeadFilter extends CommonLeadFilter {
  readonly includeHistory?: boolean | undefined;
  /** One more condition on `leads` (a Dashboard count's, so the list shows exactly the leads behind it). */
  readonly where?: Expression<SqlBool> | undefined;
}

function filteredLeads(filter: LeadFilter) {
  let query = whereCommonLeadFilter(qb.selectFrom('leads'), filter);
  // An import's leads are its past leads when it brought past leads.
  if (filter.includeHistory === false && !filter.importBatchId)
    query = query.where('is_history', '=', sql.lit(0));
  if (filter.where) query = query.where(filter.where);
  return query;
}

interface LeadPage {
  readonly sort: LeadSortField;
  readonly direction: 'asc' | 'desc';
  readonly offset: number;
  readonly limit: number;
  /** The funnel's stage keys in board order: sorting by stage follows it (unlisted stages last, by key). */
  readonly stageOrder?: readonly string[] | undefined;
}

/** A stage's place on the board, as an SQL expression: 0 for the first stage, unlisted ones after the last. */
function stageRank(order: readonly string[]) {
  return sql<number>`CASE stage ${sql.join(
    order.map((key, index) => sql`WHEN ${key} THEN ${index}`),
    sql` `,
  )} ELSE ${order.length} END`;
}

export function listLeads(db: Database, filter: LeadFilter, page: LeadPage): { total: number; rows: Lead[] } {
  const base = filteredLeads(filter);
  const total =
    selectFirst(
      db,
      base.select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0;
  const rows = selectAll(
    db,
    (page.sort === 'stage' && page.stageOrder && page.stageOrder.length > 0
      ? base.selectAll().orderBy(stageRank(page.stageOrder), page.direction).orderBy('stage', page.direction)
      : base.selectAll().orderBy(SORT_COLUMNS[page.sort], page.direction)
    )
      .orderBy('id', page.direction)
      .limit(page.limit)
      .offset(page.offset),
  ).map(rowToLead);
  return { total, rows };
}
