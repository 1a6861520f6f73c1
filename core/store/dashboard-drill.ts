// Click-through for the Dashboard: the leads behind each count, by the very conditions dashboard-kpi.ts counts by,
// so a count and the table it opens can never disagree.
import type { Database } from 'better-sqlite3';
import { sql, type Selectable } from 'kysely';
import { RESTING_STAGES } from '../domain/funnel';
import {
  closedAt,
  handedToTier,
  leadCondition,
  wasContacted,
  wasRecycled,
  type KpiFilter,
  type KpiPeriod,
} from './dashboard-kpi';
import type { LeadsTable } from './schema';
import { qb, selectAll } from './sql';

/** The lead sets behind the Dashboard's counts: a click-through lists exactly the leads a count counted. */
export type DrillMetric =
  | 'arrived'
  | 'won'
  | 'lost'
  | 'recycled'
  | 'never_contacted'
  | 'any_loss'
  | 'closed'
  | 'won_closed'
  | 'stage_now'
  | 'not_contacted'
  | 'handed_over'
  | 'reached'
  | 'response_bucket'
  | 'overdue_first_contact'
  | 'overdue_follow_up'
  | 'open_load';

export interface DrillQuery {
  readonly metric: DrillMetric;
  /** A grade key ('ungraded': no grade, or one no longer known). */
  readonly grade?: 'A' | 'B' | 'C' | 'D' | 'ungraded' | undefined;
  /** A per-source row: its source, null for leads without one. */
  readonly channel?: { readonly source: string | null } | undefined;
  /** With 'stage_now': the stage; with 'reached': the main-path stage the period's arrivals reached or passed. */
  readonly stage?: string | undefined;
  /**
   * With 'response_bucket': the leads of the hand-overs whose first contact fell in the bucket. Business minutes
   * need the working calendar, so the service finds them with the histogram's own domain function, not SQL.
   * With 'overdue_*': the leads whose clock is overdue now, found by the count's own test (dashboard/overdue.ts).
   */
  readonly leadIds?: readonly string[] | undefined;
}

/** Main-path rank of a stage: raw 0 … won 4; side stages rank below raw (as dashboard-kpi.ts's funnel counts). */
const RANK = (column: string) =>
  sql<number>`CASE ${sql.ref(column)} WHEN 'won' THEN 4 WHEN 'opportunity' THEN 3 WHEN 'sql' THEN 2 WHEN 'mql' THEN 1 ELSE 0 END`;
const MAIN_PATH_RANK: Readonly<Record<string, number>> = { raw: 0, mql: 1, sql: 2, opportunity: 3, won: 4 };

/**
 * The lead reached main-path rank `rank` or beyond: its stage now or any stage in its history (the funnel's
 * furthest stage; the click-through test holds the two to the same counts).
 */
function reachedRank(rank: number) {
  return sql<boolean>`(${RANK('leads.stage')} >= ${rank} OR EXISTS (SELECT 1 FROM stage_history AS h
    WHERE h.lead_id = leads.id AND ${RANK('h.to_stage')} >= ${rank}))`;
}

/** The same conditions countArrivals, countClosures, countLeadsByStageNow and listResponses count by. */
export function drillCondition(period: KpiPeriod, filter: KpiFilter, drill: DrillQuery) {
  // Hand-over counts narrow by the rep (and tier) the lead was handed to, not by its owner now.
  const isHandOver =
    drill.metric === 'not_contacted' || drill.metric === 'handed_over' || drill.metric === 'response_bucket';
  // An open load is its owner's, whatever the lead's source (the capacity figures count every source).
  const parts = [
    leadCondition(
      isHandOver
        ? { ...filter, repId: undefined, tier: undefined }
        : drill.metric === 'open_load'
          ? { ...filter, source: undefined }
          : filter,
    ),
  ];
  const cohort = sql<boolean>`leads.is_history = 0 AND leads.created_at >= ${period.from} AND leads.created_at < ${period.to}`;
  const closedIn = sql<boolean>`leads.stage IN ('won', 'lost') AND ${closedAt} >= ${period.from} AND ${closedAt} < ${period.to}`;
  switch (drill.metric) {
    case 'arrived':
      parts.push(cohort);
      break;
    case 'won':
      parts.push(cohort, sql<boolean>`leads.stage = 'won'`);
      break;
    case 'lost':
      parts.push(cohort, sql<boolean>`leads.stage = 'lost'`);
      break;
    case 'recycled':
      parts.push(cohort, sql<boolean>`${wasRecycled}`);
      break;
    case 'never_contacted':
      parts.push(cohort, sql<boolean>`NOT ${wasContacted}`);
      break;
    case 'any_loss':
      parts.push(cohort, sql<boolean>`(leads.stage = 'lost' OR ${wasRecycled} OR NOT ${wasContacted})`);
      break;
    case 'closed':
      parts.push(closedIn);
      break;
    case 'won_closed':
      parts.push(closedIn, sql<boolean>`leads.stage = 'won'`);
      break;
    case 'open_load':
      // openLoadOwner's rule (domain/sla/open-load.ts), for the active reps the capacity figures count.
      parts.push(sql<boolean>`leads.is_history = 0 AND leads.stage NOT IN (${sql.join([...RESTING_STAGES])})
        AND leads.owner_id IN (SELECT reps.id FROM reps WHERE reps.is_active = 1)`);
      break;
    case 'stage_now':
      parts.push(sql<boolean>`leads.is_history = 0 AND leads.stage = ${drill.stage ?? ''}`);
      break;
    case 'reached':
      // A stage off the main path is reached by no arrival (the funnel has no bar for it).
      parts.push(cohort, reachedRank(MAIN_PATH_RANK[drill.stage ?? ''] ?? 99));
      break;
    case 'response_bucket':
    case 'overdue_first_contact':
    case 'overdue_follow_up':
      // One bound JSON array, however many leads (no limit on bound variables to meet).
      parts.push(
        sql<boolean>`leads.is_history = 0 AND leads.id IN (SELECT value FROM json_each(${JSON.stringify(drill.leadIds ?? [])}))`,
      );
      break;
    case 'handed_over':
    case 'not_contacted': {
      // A hand-over to a rep (the filter's, if any) in the period; uncontacted: no follow-up by that rep after it.
      const rep = sql`${filter.repId === undefined ? sql`` : sql` AND a.rep_id = ${filter.repId}`}${
        filter.tier === undefined ? sql`` : sql` AND ${handedToTier(filter.tier)}`
      }`;
      // The grade a hand-over counts at is the one it was given at (as listHandOvers reads it).
      // A lead received twice in the period counts once, at its first hand-over's grade (prev_pair_at: the pair's
      // hand-over before it), as the per-rep table counts it (createReceivedCounter).
      const firstInPeriod =
        drill.metric === 'handed_over'
          ? sql` AND (a.prev_pair_at IS NULL OR a.prev_pair_at < ${period.from})`
          : sql``;
      const grade =
        drill.grade === undefined
          ? sql``
          : drill.grade === 'ungraded'
            ? sql` AND (a.grade_then IS NULL OR a.grade_then NOT IN ('A', 'B', 'C', 'D'))${firstInPeriod}`
            : sql` AND a.grade_then = ${drill.grade}${firstInPeriod}`;
      const uncontacted =
        drill.metric === 'handed_over'
          ? sql``
          : sql` AND NOT EXISTS (SELECT 1 FROM follow_ups AS f
              WHERE f.lead_id = a.lead_id AND f.at >= a.at AND f.rep_id = a.rep_id)`;
      parts.push(sql<boolean>`leads.is_history = 0 AND EXISTS (SELECT 1 FROM assignments AS a
        WHERE a.lead_id = leads.id AND a.rep_id IS NOT NULL AND a.at >= ${period.from} AND a.at < ${period.to}${rep}${grade}${uncontacted})`);
      break;
    }
  }
  // Hand-over counts were graded by the hand-over above; every other count by the lead's grade now.
  const isGradedByLead = drill.metric !== 'handed_over' && drill.metric !== 'not_contacted';
  if (isGradedByLead && drill.grade === 'ungraded')
    parts.push(sql<boolean>`(leads.grade IS NULL OR leads.grade NOT IN ('A', 'B', 'C', 'D'))`);
  else if (isGradedByLead && drill.grade !== undefined)
    parts.push(sql<boolean>`leads.grade = ${drill.grade}`);
  if (drill.channel !== undefined) {
    parts.push(
      drill.channel.source === null
        ? sql<boolean>`leads.source IS NULL`
        : sql<boolean>`leads.source = ${drill.channel.source}`,
    );
  }
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/** One page of the leads behind a count, newest first, and how many there are in all. */
export function listDrillLeads(
  db: Database,
  period: KpiPeriod,
  filter: KpiFilter,
  drill: DrillQuery,
  page: { offset: number; limit: number },
): { total: number; rows: Selectable<LeadsTable>[] } {
  const base = qb.selectFrom('leads').where(drillCondition(period, filter, drill));
  const total =
    selectAll(
      db,
      base.select((eb) => eb.fn.countAll<number>().as('n')),
    )[0]?.n ?? 0;
  const rows = selectAll(
    db,
    base
      .selectAll('leads')
      .orderBy('leads.created_at', 'desc')
      .orderBy('leads.id', 'desc')
      .limit(page.limit)
      .offset(page.offset),
  );
  return { total, rows };
}
