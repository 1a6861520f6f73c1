// The team's assignment history across all leads: who got which lead, when and how, filtered and paged (newest
// first), with the lead's name, company, source and the grade it had when assigned. Never its contact data.
import type { Database } from 'better-sqlite3';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Grade } from '../domain/funnel';
import { handedToTier } from './dashboard-kpi';
import { rowToAssignment, type AssignmentKind, type AssignmentRecord } from './assignments';
import type { Schema } from './schema';
import { qb, selectAll, selectFirst } from './sql';

export interface AssignmentLogFilter {
  /** Epoch ms, [from, to). */
  readonly from: number;
  readonly to: number;
  /** Rows handing a lead to this rep; null: rows sending it to the pool (no rep). */
  readonly repId?: string | null;
  /** The grade the lead had when assigned (assignments.grade_then, as fairness counts it). */
  readonly grade?: Grade;
  readonly kind?: AssignmentKind;
  /** The engine's method (round-robin, weighted, …, affinity) recorded in the explanation. */
  readonly method?: string;
  /** The lead's source, as stored. */
  readonly source?: string;
  /** Rows handing a lead to a rep of this tier (the rep's tier now, as the Dashboard's tier filter reads it). */
  readonly tier?: string;
  /** Only these assignments, by row id (the hand-overs behind a Dashboard figure). */
  readonly rowids?: readonly number[];
}

export interface AssignmentLogRow extends AssignmentRecord {
  readonly rowid: number;
  readonly leadName: string;
  readonly company: string | null;
  readonly source: string | null;
  /** The grade recorded with the assignment, else the lead's when it was assigned. */
  readonly grade: Grade | null;
  readonly method: string | null;
}

type From = Schema & { a: Schema['assignments'] };

/**
 * The lead is not deleted: a look-up in the small set of deleted leads (index leads_deleted), as fairness reads its
 * receipts; joining each row's lead cost ~200 ms CPU over 100k assignments, most of a page.
 */
const isLeadLive = sql<boolean>`a.lead_id NOT IN (SELECT leads.id FROM leads WHERE leads.deleted_at IS NOT NULL)`;

function filtered<O>(
  query: SelectQueryBuilder<From, 'a', O>,
  filter: AssignmentLogFilter,
): SelectQueryBuilder<From, 'a', O> {
  let q = query.where('a.at', '>=', filter.from).where('a.at', '<', filter.to).where(isLeadLive);
  if (filter.repId !== undefined)
    q = filter.repId === null ? q.where('a.rep_id', 'is', null) : q.where('a.rep_id', '=', filter.repId);
  if (filter.kind !== undefined) q = q.where('a.kind', '=', filter.kind);
  if (filter.grade !== undefined) q = q.where('a.grade_then', '=', filter.grade);
  if (filter.method !== undefined) q = q.where('a.method', '=', filter.method);
  if (filter.tier !== undefined) q = q.where(handedToTier(filter.tier));
  // One bound JSON array, however many rows (no limit on bound variables to meet).
  if (filter.rowids !== undefined)
    q = q.where(sql<boolean>`a.rowid IN (SELECT value FROM json_each(${JSON.stringify(filter.rowids)}))`);
  // One pass over the leads for the ids of that source, not a look-up per assignment.
  if (filter.source !== undefined)
    q = q.where('a.lead_id', 'in', qb.selectFrom('leads').select('id').where('source', '=', filter.source));
  return q;
}

/** One page of the filtered rows, newest first (ties by id, so pages never overlap), and how many match in all. */
export function listAssignmentLog(
  db: Database,
  filter: AssignmentLogFilter,
  page: { readonly offset: number; readonly limit: number },
): { readonly total: number; readonly rows: AssignmentLogRow[] } {
  const base = qb.selectFrom('assignments as a');
  const total =
    selectFirst(
      db,
      filtered(
        base.select((eb) => eb.fn.countAll<number>().as('n')),
        filter,
      ),
    )?.n ?? 0;
  if (total === 0 || page.offset >= total) return { total, rows: [] };
  const rows = selectAll(
    db,
    filtered(
      base.select([
        sql<number>`a.rowid`.as('rowid'),
        'a.id',
        'a.lead_id',
        'a.rep_id',
        'a.kind',
        'a.rule_id',
        'a.reason',
        'a.explanation_json',
        'a.explanation_deflated',
        'a.actor',
        'a.at',
        'a.grade_then',
        'a.method',
      ]),
      filter,
    )
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(page.limit)
      .offset(page.offset),
  );
  const leads = new Map(
    selectAll(
      db,
      qb
        .selectFrom('leads')
        .select(['id', 'name', 'company', 'source'])
        .where('id', 'in', [...new Set(rows.map((row) => row.lead_id))]),
    ).map((lead) => [lead.id, lead]),
  );
  return {
    total,
    rows: rows.map((row) => {
      const lead = leads.get(row.lead_id);
      return {
        ...rowToAssignment(row),
        rowid: row.rowid,
        leadName: lead?.name ?? '',
        company: lead?.company ?? null,
        source: lead?.source ?? null,
        grade: row.grade_then as Grade | null,
        method: row.method,
      };
    }),
  };
}

const MAX_SOURCES = 200;

/**
 * The sources of live leads, for the source filter, sorted: every lead's, not only the period's assignments' (those
 * took a look-up per assignment); a source nobody was given a lead from in the period filters to an empty page.
 */
export function listLeadSources(db: Database): string[] {
  return selectAll(
    db,
    qb
      .selectFrom('leads')
      .select('source')
      .distinct()
      .where('deleted_at', 'is', null)
      .where('source', 'is not', null)
      .where('source', '!=', '')
      .limit(sql.lit(MAX_SOURCES)),
  )
    .map((row) => row.source)
    .filter((source): source is string => source !== null)
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
