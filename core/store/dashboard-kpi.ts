// Repository for the Dashboard's KPI row: the heavy aggregation (per local day, grade and source) in SQL, so the
// domain's KPI functions see counts and a few columns, never 100k rows of leads.
import type { Database } from 'better-sqlite3';
import { sql, type SelectQueryBuilder } from 'kysely';
import { DAY_MS } from '../domain/clock';
import type { Grade } from '../domain/funnel';
import {
  forEachWeekOf,
  handOverOfDeletedLead,
  handOverOfHistoryLead,
  handOverOfSource,
  RESPONSE_COLUMNS,
} from './dashboard-handovers';
import { mainPathRankSql } from './kpi-facts';
import type { Schema } from './schema';
import { arrivalsByDay, type ArrivalRow } from './arrival-days';
import { allOverRanges, leadsIndexedBy, qb, selectAll } from './sql';

type Db = Schema;

/** Which leads the figures are about: an owner, the owners of one tier, a source (all optional, all must hold). */
export interface KpiFilter {
  readonly repId?: string | undefined;
  readonly tier?: string | undefined;
  readonly source?: string | undefined;
}

/** A period of epoch ms [from, to) and the workspace's offset, which numbers local days. */
export interface KpiPeriod {
  readonly from: number;
  readonly to: number;
  readonly utcOffsetMinutes: number;
}

function dayOf(column: string, utcOffsetMinutes: number) {
  // better-sqlite3 binds a JS number as REAL; the cast keeps the division an integer one.
  return sql<number>`(${sql.ref(column)} + CAST(${utcOffsetMinutes * 60_000} AS INTEGER)) / 86400000`;
}

/** The filter as one condition on `leads` (live leads only), usable whatever else the query joins. */
export function leadCondition(filter: KpiFilter) {
  const parts = [sql<boolean>`leads.deleted_at IS NULL`];
  if (filter.repId !== undefined) parts.push(sql<boolean>`leads.owner_id = ${filter.repId}`);
  if (filter.tier !== undefined)
    parts.push(sql<boolean>`leads.owner_id IN (SELECT reps.id FROM reps WHERE reps.tier = ${filter.tier})`);
  if (filter.source !== undefined) parts.push(sql<boolean>`leads.source = ${filter.source}`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

function filtered<O>(query: SelectQueryBuilder<Db, 'leads', O>, filter: KpiFilter) {
  return query.where(leadCondition(filter));
}

/** The hand-over went to a rep of this tier. */
export function handedToTier(tier: string) {
  return sql<boolean>`a.rep_id IN (SELECT reps.id FROM reps WHERE reps.tier = ${tier})`;
}

/** Recycled to a pool at least once (kept on the lead by core/store/kpi-facts.ts). */
export const wasRecycled = sql<number>`leads.is_recycled`;
/** Contacted: a follow-up was logged, or the lead was won (a won lead was reached, logged or not). */
export const wasContacted = sql<number>`(leads.stage = 'won' OR leads.has_follow_up)`;

/** The furthest main-path rank (raw 0 … won 4) a lead reached: its current stage or any stage in its history. */
const furthestRank = sql<number>`max(${mainPathRankSql('leads.stage')}, leads.history_rank)`;

/** A live lead that is not history (both columns are in leads_cohort, which covers the period's arrivals). */
const isLiveArrival = sql<boolean>`leads.deleted_at IS NULL AND leads.is_history = 0`;

/** [from, to) cut at the local midnights between them (the days of a period, the first and last maybe partial). */
export function localDaysOf(period: KpiPeriod): [number, number][] {
  const offset = period.utcOffsetMinutes * 60_000;
  const days: [number, number][] = [];
  for (let from = period.from; from < period.to;) {
    const nextMidnight = (Math.floor((from + offset) / DAY_MS) + 1) * DAY_MS - offset;
    const to = Math.min(period.to, nextMidnight);
    days.push([from, to]);
    from = to;
  }
  return days;
}

/**
 * Leads that arrived (created, not history, not deleted) in [from, to), as they stand now, counted per local day,
 * grade, source and furthest stage: the cohort behind conversion, loss, the per-source table and the funnel flow.
 * Read a day at a time: each GROUP BY sorts one day's leads with their sums, not the whole period's (~20% less over
 * 100k leads, test/bench/dashboard.bench.ts); a day's rows are complete, as the day is part of the group. All
 * leads' rows of a day are kept once counted (arrival-days.ts) until a lead of that day changes, comes or goes; a
 * source filter picks its rows from them, a rep's or a tier's leads are counted each time.
 */
export function countArrivals(db: Database, period: KpiPeriod, filter: KpiFilter): ArrivalRow[] {
  const day = dayOf('leads.created_at', period.utcOffsetMinutes);
  const arrivalsBetween = (of: KpiFilter) => (from: number, to: number) => {
    const inner = filtered(qb.selectFrom('leads'), of)
      .where(isLiveArrival)
      .where('leads.created_at', '>=', from)
      .where('leads.created_at', '<', to)
      .select([
        day.as('day'),
        'leads.grade',
        'leads.source',
        'leads.stage',
        'leads.cost_fen',
        'leads.won_amount_fen',
        wasRecycled.as('rec'),
        wasContacted.as('contacted'),
        furthestRank.as('furthest'),
      ]);
    return qb
      .selectFrom(inner.as('x'))
      .select([
        'x.day',
        'x.grade',
        'x.source',
        'x.furthest',
        (eb) => eb.fn.countAll<number>().as('arrived'),
        sql<number>`sum(x.stage = 'won')`.as('won'),
        sql<number>`sum(x.stage = 'lost')`.as('lost'),
        sql<number>`sum(x.rec)`.as('recycled'),
        sql<number>`sum(NOT x.contacted)`.as('neverContacted'),
        sql<number>`sum(x.stage = 'lost' OR x.rec OR NOT x.contacted)`.as('anyLoss'),
        sql<number>`sum(x.cost_fen)`.as('costFen'),
        sql<number>`coalesce(sum(CASE WHEN x.stage = 'won' THEN x.won_amount_fen END), 0)`.as('revenueFen'),
      ])
      .groupBy(['x.day', 'x.grade', 'x.source', 'x.furthest']);
  };
  const days = localDaysOf(period);
  if (filter.repId !== undefined || filter.tier !== undefined)
    return allOverRanges(db, arrivalsBetween(filter), days);
  const rows = arrivalsByDay(db, days, period.utcOffsetMinutes, (missing) =>
    allOverRanges(db, arrivalsBetween({}), missing),
  );
  return filter.source === undefined ? rows : rows.filter((row) => row.source === filter.source);
}

/** Arrivals of a period summed whole: what the period before needs to compare its conversion and loss with. */
export type ArrivalTotals = Pick<
  ArrivalRow,
  'arrived' | 'won' | 'lost' | 'recycled' | 'neverContacted' | 'anyLoss'
>;

/**
 * The leads that arrived in [from, to), as countArrivals counts them, summed: one pass over leads_cohort with no
 * grouping (a team's period before holds as many leads as its period: grouped per day as the period is, its
 * arrivals had cost as much again; summed, ~23 against ~70 ms over 100k leads).
 */
export function sumArrivals(db: Database, period: KpiPeriod, filter: KpiFilter): ArrivalTotals {
  const [row] = selectAll(
    db,
    filtered(qb.selectFrom('leads'), filter)
      .where(isLiveArrival)
      .where('leads.created_at', '>=', period.from)
      .where('leads.created_at', '<', period.to)
      .select([
        (eb) => eb.fn.countAll<number>().as('arrived'),
        sql<number>`coalesce(sum(leads.stage = 'won'), 0)`.as('won'),
        sql<number>`coalesce(sum(leads.stage = 'lost'), 0)`.as('lost'),
        sql<number>`coalesce(sum(${wasRecycled}), 0)`.as('recycled'),
        sql<number>`coalesce(sum(NOT ${wasContacted}), 0)`.as('neverContacted'),
        sql<number>`coalesce(sum(leads.stage = 'lost' OR ${wasRecycled} OR NOT ${wasContacted}), 0)`.as(
          'anyLoss',
        ),
      ]),
  );
  return row ?? { arrived: 0, won: 0, lost: 0, recycled: 0, neverContacted: 0, anyLoss: 0 };
}

/** When a closed lead closed: its close time, else its last update (as the summary reads it). */
export const closedAt = sql<number>`coalesce(leads.closed_at, leads.updated_at)`;

/** Won or lost, written as leads_closures' own condition (literals), which the index's use requires. */
const isClosed = sql<boolean>`leads.stage IN ('won', 'lost')`;

/**
 * The closed leads through leads_closures (by close time, covering the closure counts). With no ANALYZE statistics,
 * which the app never gathers, SQLite preferred leads_closed by stage and read every closed row; INDEXED BY inside a
 * subquery SQLite flattens pins the index (a bad name fails the query, and the plan test, rather than scanning).
 */
const closedLeads = leadsIndexedBy('leads_closures');

/** The leads closed in [from, to) that the filter keeps, through leads_closures. */
function closedIn(period: KpiPeriod, filter: KpiFilter) {
  return qb
    .selectFrom(closedLeads)
    .where(leadCondition(filter))
    .where(isClosed)
    .where(closedAt, '>=', period.from)
    .where(closedAt, '<', period.to);
}

export interface ClosureRow {
  readonly day: number;
  readonly grade: string | null;
  /** Lower bound of the lead's 20-point score band; null when unscored. */
  readonly band: number | null;
  readonly closed: number;
  readonly won: number;
  readonly revenueFen: number;
}

/** Leads closed (won or lost) in [from, to), history included as the summary counts them, per day, grade, band. */
export function countClosures(db: Database, period: KpiPeriod, filter: KpiFilter): ClosureRow[] {
  const day = sql<number>`(${closedAt} + CAST(${period.utcOffsetMinutes * 60_000} AS INTEGER)) / 86400000`;
  const band = sql<number | null>`min(80, CAST(leads.score / 20 AS INTEGER) * 20)`;
  return selectAll(
    db,
    closedIn(period, filter)
      .select([
        day.as('day'),
        'leads.grade',
        band.as('band'),
        (eb) => eb.fn.countAll<number>().as('closed'),
        sql<number>`sum(leads.stage = 'won')`.as('won'),
        sql<number>`coalesce(sum(CASE WHEN leads.stage = 'won' THEN leads.won_amount_fen END), 0)`.as(
          'revenueFen',
        ),
      ])
      .groupBy([day, 'leads.grade', band]),
  );
}

/** Closures of a period summed whole (the period before's conversion of closed leads). */
export type ClosureTotals = Pick<ClosureRow, 'closed' | 'won'>;

/** The leads closed in [from, to), as countClosures counts them, summed with no grouping. */
export function sumClosures(db: Database, period: KpiPeriod, filter: KpiFilter): ClosureTotals {
  const [row] = selectAll(
    db,
    closedIn(period, filter).select([
      (eb) => eb.fn.countAll<number>().as('closed'),
      sql<number>`coalesce(sum(leads.stage = 'won'), 0)`.as('won'),
    ]),
  );
  return row ?? { closed: 0, won: 0 };
}

export interface ResponseRow {
  readonly leadId: string;
  readonly repId: string;
  /** The grade the lead was handed over at (assignments.grade_then): its response target's grade. */
  readonly grade: Grade | null;
  readonly assignedAt: number;
  /** The assigned rep's first logged follow-up at or after the assignment; null when none. */
  readonly firstContactAt: number | null;
}

/**
 * Every hand-over to a rep in [from, to) of a live, non-history lead, with the rep's first contact after it, at the
 * grade it was handed over at, from the covering assignments_period (see dashboard-handovers.ts), in time order.
 * A lead reassigned before contact leaves its first rep's assignment uncontacted, as it was.
 */
export function listResponses(db: Database, period: KpiPeriod, filter: KpiFilter): ResponseRow[] {
  return selectAll(db, responseHandOvers(period, filter).select(RESPONSE_COLUMNS).orderBy('a.at'));
}

/** A hand-over listResponses reads, with what the assignment log filters and pages it by. */
export interface ResponseHandOver extends ResponseRow {
  /** The assignment's row id: read from the covering index, where its id would cost a look-up of each row. */
  readonly rowid: number;
  readonly kind: string;
}

/** The hand-overs listResponses reads, from the same covering index: the rows behind a response figure. */
export function listResponseHandOvers(
  db: Database,
  period: Pick<KpiPeriod, 'from' | 'to'>,
  filter: KpiFilter,
): ResponseHandOver[] {
  return selectAll(
    db,
    responseHandOvers(period, filter)
      .select(RESPONSE_COLUMNS)
      .select([sql<number>`a.rowid`.as('rowid'), 'a.kind as kind'])
      .orderBy('a.at'),
  );
}

/**
 * listResponseHandOvers a week at a time, in time order, each week's rows handed to `visit` and then let go (as
 * forEachHandOverSlice reads the Dashboard's): a selection of most of 100k hand-overs never holds them all.
 */
export function forEachResponseHandOverSlice(
  db: Database,
  period: Pick<KpiPeriod, 'from' | 'to'>,
  filter: KpiFilter,
  visit: (rows: readonly ResponseHandOver[]) => void,
): void {
  forEachWeekOf(period, (week) => visit(listResponseHandOvers(db, week, filter)));
}

function responseHandOvers(period: Pick<KpiPeriod, 'from' | 'to'>, filter: KpiFilter) {
  // Rep and tier narrow by the rep the lead was handed to, not by its owner now.
  let handOvers = qb
    .selectFrom('assignments as a')
    .where('a.at', '>=', period.from)
    .where('a.at', '<', period.to)
    .where('a.rep_id', 'is not', null)
    .where(sql<boolean>`NOT ${handOverOfDeletedLead} AND NOT ${handOverOfHistoryLead}`);
  if (filter.repId !== undefined) handOvers = handOvers.where('a.rep_id', '=', filter.repId);
  if (filter.tier !== undefined) handOvers = handOvers.where(handedToTier(filter.tier));
  if (filter.source !== undefined)
    handOvers = handOvers.where(sql<boolean>`${handOverOfSource(filter.source)}`);
  return handOvers;
}

export interface OwnerClosureRow {
  readonly repId: string;
  readonly closed: number;
  readonly won: number;
  readonly revenueFen: number;
}

/** Closures in [from, to) per owner: the per-rep table's conversion and revenue. */
export function countClosuresByOwner(db: Database, period: KpiPeriod, filter: KpiFilter): OwnerClosureRow[] {
  return selectAll(
    db,
    closedIn(period, filter)
      .where('leads.owner_id', 'is not', null)
      .select([
        sql<string>`leads.owner_id`.as('repId'),
        (eb) => eb.fn.countAll<number>().as('closed'),
        sql<number>`sum(leads.stage = 'won')`.as('won'),
        sql<number>`coalesce(sum(CASE WHEN leads.stage = 'won' THEN leads.won_amount_fen END), 0)`.as(
          'revenueFen',
        ),
      ])
      .groupBy('leads.owner_id'),
  );
}

/**
 * Follow-ups each rep logged in [from, to) on leads matching the filter. Without a tier or source filter the
 * follow-ups are counted alone (work a rep did stays counted if the lead was deleted later): joining 300k
 * follow-ups to their leads only to drop none of them doubled the Dashboard's time.
 */
export function countFollowUpsByRep(
  db: Database,
  period: KpiPeriod,
  filter: KpiFilter,
): { repId: string; count: number }[] {
  let q = qb
    .selectFrom('follow_ups as f')
    .where('f.at', '>=', period.from)
    .where('f.at', '<', period.to)
    .where('f.rep_id', 'is not', null);
  if (filter.repId !== undefined) q = q.where('f.rep_id', '=', filter.repId);
  if (filter.tier !== undefined || filter.source !== undefined) {
    const condition = leadCondition({ ...filter, repId: undefined });
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('leads').select('leads.id').whereRef('leads.id', '=', 'f.lead_id').where(condition),
      ),
    );
  }
  return selectAll(
    db,
    q
      .select([sql<string>`f.rep_id`.as('repId'), (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('f.rep_id'),
  );
}

/** How many live, non-history leads matching the filter arrived in [from, to): the inflow, without the cohort's
 * per-lead questions countArrivals asks. */
export function countArrivedLeads(db: Database, period: KpiPeriod, filter: KpiFilter): number {
  return (
    selectAll(
      db,
      filtered(qb.selectFrom('leads'), filter)
        .where('leads.is_history', '=', sql.lit(0))
        .where('leads.created_at', '>=', period.from)
        .where('leads.created_at', '<', period.to)
        .select((eb) => eb.fn.countAll<number>().as('n')),
    )[0]?.n ?? 0
  );
}

/** Live, non-history leads per stage now, for the filter (the caller keeps the open stages). */
export function countLeadsByStageNow(db: Database, filter: KpiFilter): { stage: string; count: number }[] {
  return selectAll(
    db,
    filtered(qb.selectFrom('leads'), filter)
      .where('leads.is_history', '=', sql.lit(0))
      .select(['leads.stage', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('leads.stage'),
  );
}
