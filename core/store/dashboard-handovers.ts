// The period's hand-overs read once for both the KPI row's response time and its balance, from the covering
// assignments_period alone: each hand-over carries the grade it was given at, and a lead's deletion or history is
// looked up in small partial indexes, so no hand-over joins its lead (that join was most of the Dashboard's time).
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import { DAY_MS } from '../domain/clock';
import type { Grade } from '../domain/funnel';
import type { KpiPeriod, ResponseRow } from './dashboard-kpi';
import { qb, selectAll, selectFirst } from './sql';

export interface HandOverRow extends ResponseRow {
  /** The assignment row's kind (auto, import, claim, manual, appeal, recycle, demo). */
  readonly kind: string;
  /** 1 for a history lead: fairness counts its hand-overs, response time does not. */
  readonly isHistory: number;
  /** Only with a source asked for: 1 when the lead's source is that one, else 0. */
  readonly ofSource?: number;
  /** When this rep was last handed this lead before (assignments.prev_pair_at); null for the pair's first. */
  readonly prevPairAt: number | null;
}

/** A hand-over as a ResponseRow, from `assignments as a` (assignments_period covers them). */
export const RESPONSE_COLUMNS = [
  'a.lead_id as leadId',
  sql<string>`a.rep_id`.as('repId'),
  sql<Grade | null>`a.grade_then`.as('grade'),
  'a.at as assignedAt',
  'a.first_contact_at as firstContactAt',
] as const;

/** The hand-over's lead is deleted: a lookup in leads_deleted, which holds only deleted leads. */
export const handOverOfDeletedLead = sql<boolean>`EXISTS (SELECT 1 FROM leads INDEXED BY leads_deleted
  WHERE leads.id = a.lead_id AND leads.deleted_at IS NOT NULL)`;

/** The hand-over's lead is a history lead: a lookup in leads_history, which holds only history leads. */
export const handOverOfHistoryLead = sql<number>`EXISTS (SELECT 1 FROM leads INDEXED BY leads_history
  WHERE leads.id = a.lead_id AND leads.is_history = 1)`;

/** The hand-over's lead came from `source` (a lookup of the lead: only asked with a source filter). */
export function handOverOfSource(source: string) {
  return sql<number>`EXISTS (SELECT 1 FROM leads WHERE leads.id = a.lead_id AND leads.source = ${source})`;
}

/**
 * Every hand-over to a rep in [from, to) of a live (not deleted) lead, history leads included, in time order (the
 * index's own order: no sort): the rows listResponses reads (less the history leads and those of another source)
 * and countReceipts counts. `grade` is the grade the lead was handed over at (assignments.grade_then). Sorting them
 * by lead, as this read did for the count of leads received, was ~45% of its time over 100k hand-overs.
 */
export function listHandOvers(db: Database, period: KpiPeriod, source?: string): HandOverRow[] {
  const query = qb
    .selectFrom('assignments as a')
    .where('a.at', '>=', period.from)
    .where('a.at', '<', period.to)
    .where('a.rep_id', 'is not', null)
    .where(sql<boolean>`NOT ${handOverOfDeletedLead}`)
    .select(RESPONSE_COLUMNS)
    .select(['a.kind as kind', handOverOfHistoryLead.as('isHistory'), 'a.prev_pair_at as prevPairAt'])
    .orderBy('a.at');
  // Without a source, no column says whether a row is of it: one value less to make per row (~5 % of the read).
  return selectAll<HandOverRow>(
    db,
    source === undefined ? query : query.select(handOverOfSource(source).as('ofSource')),
  );
}

/** How much of a period forEachHandOverSlice reads at a time. */
const SLICE_MS = 7 * DAY_MS;

/**
 * listHandOvers a week at a time, in time order, each week's rows handed to `visit` and then let go: a scavenge
 * during the Dashboard's read then copies one week's rows, not every row of the period (with 50k rows held, such
 * scavenges took 17–47 ms each in the bench's first loads).
 */
export function forEachHandOverSlice(
  db: Database,
  period: KpiPeriod,
  source: string | undefined,
  visit: (rows: readonly HandOverRow[]) => void,
): void {
  forEachWeekOf(period, (week) => visit(listHandOvers(db, { ...period, ...week }, source)));
}

/** [from, to) cut into SLICE_MS stretches, in time order: how the period's hand-overs are read a slice at a time. */
export function forEachWeekOf(
  period: { readonly from: number; readonly to: number },
  visit: (week: { from: number; to: number }) => void,
): void {
  for (let from = period.from; from < period.to; from += SLICE_MS)
    visit({ from, to: Math.min(period.to, from + SLICE_MS) });
}

/** Whether [from, to) holds at least `count` hand-overs (deleted leads' too), from the index, stopping at `count`. */
export function hasHandOversBetween(db: Database, from: number, to: number, count: number): boolean {
  const found = qb
    .selectFrom('assignments as a')
    .where('a.at', '>=', from)
    .where('a.at', '<', to)
    .select('a.at')
    .limit(sql.lit(count));
  const counted = selectFirst(
    db,
    qb.selectFrom(found.as('found')).select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return (counted?.n ?? 0) >= count;
}
