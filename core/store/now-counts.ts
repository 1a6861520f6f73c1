// Repository for the Dashboard's "Now": live leads per stage, leads that arrived lately, and the overdue SLA clocks
// counted in one pass of SQL (each clock's start compared with the latest start already due, worked out by the caller).
import type { Database } from 'better-sqlite3';
import { sql, type RawBuilder } from 'kysely';
import type { SlaGradeKey } from '../domain/sla/sla-policy';
import { NOT_OPEN } from './work-leads';
import { qb, selectAll, selectFirst } from './sql';

/** Which leads count: an owner, the owners of one tier, a source (all optional, all must hold). */
export interface NowFilter {
  readonly repId?: string | undefined;
  readonly tier?: string | undefined;
  readonly source?: string | undefined;
}

/**
 * Live (not deleted, not history) leads the filter selects. The two terms are literal so that they match the
 * partial covering index leads_cohort (migration 0016): bound as parameters, SQLite could not prove it applies.
 */
export function liveLeads(filter: NowFilter): RawBuilder<boolean> {
  const parts = [sql<boolean>`leads.is_history = 0`, sql<boolean>`leads.deleted_at IS NULL`];
  if (filter.repId !== undefined) parts.push(sql<boolean>`leads.owner_id = ${filter.repId}`);
  if (filter.tier !== undefined)
    parts.push(sql<boolean>`leads.owner_id IN (SELECT reps.id FROM reps WHERE reps.tier = ${filter.tier})`);
  if (filter.source !== undefined) parts.push(sql<boolean>`leads.source = ${filter.source}`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/**
 * Live leads per stage now (stages without leads are absent), from the covering leads_cohort and a small sort. The
 * unary + keeps SQLite off leads_board, whose stage order would save the sort but cost a row lookup per lead.
 */
export function countLiveLeadsPerStage(db: Database, filter: NowFilter): { stage: string; count: number }[] {
  const stage = sql<string>`+leads.stage`;
  return selectAll(
    db,
    qb
      .selectFrom('leads')
      .where(liveLeads(filter))
      .select([stage.as('stage'), (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy(stage),
  );
}

/** Live leads created in [from, to) epoch ms, a range of leads_cohort. */
export function countLiveLeadsCreated(db: Database, from: number, to: number, filter: NowFilter): number {
  const row = selectFirst(
    db,
    qb
      .selectFrom('leads')
      .where(liveLeads(filter))
      .where('leads.created_at', '>=', from)
      .where('leads.created_at', '<', to)
      .select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return row?.n ?? 0;
}

/** Per grade (null grade: 'ungraded'), the latest clock start already overdue; null = none is, or no such clock. */
export type StartThresholds = Readonly<Record<SlaGradeKey, number | null>>;

/** Which owned, open leads the overdue count covers, as the board's and queue's card filter reads it. */
export interface OverdueScope {
  /** A rep id, or `pool` (unowned: no clock runs). Empty = everyone. */
  readonly owner?: string | undefined;
  readonly tier?: string | undefined;
  /** Empty = every source. */
  readonly source?: string | undefined;
}

/**
 * Owned, live, open: the leads a clock can run on, written as the partial index leads_clock's WHERE (migrations 0017, 0021)
 * with literal stages, so that SQLite can prove the index applies.
 */
const ON_CLOCK = sql<boolean>`leads.owner_id IS NOT NULL AND leads.is_history = 0 AND leads.deleted_at IS NULL
  AND leads.stage NOT IN (${sql.join(NOT_OPEN.map((stage) => sql.lit(stage)))})`;

function byGrade(thresholds: StartThresholds): RawBuilder<number | null> {
  return sql<number | null>`CASE leads.grade WHEN 'A' THEN ${thresholds.A} WHEN 'B' THEN ${thresholds.B}
    WHEN 'C' THEN ${thresholds.C} WHEN 'D' THEN ${thresholds.D} ELSE ${thresholds.ungraded} END`;
}

/**
 * Overdue clocks now, by the one clock model (domain/sla/lead-clock.ts) on the inputs the cards read: the clock
 * starts at the current owner's latest assignment; a follow-up (by anyone) since then makes the lead contacted;
 * once contacted, the owner's open timed activity scheduled since the assignment is due at its time, else the
 * follow-up gap runs from the latest follow-up. `firstContact` and `followUp` thresholds say, per grade, the latest
 * start whose deadline has passed (see latestOverdueStart), so every lead is one comparison. Activities count as
 * follow-up clocks, as on the Dashboard before.
 *
 * Counted as listOverdueLeadIds decides, in three reads: the leads whose clock the kept inputs decide, by their
 * follow-up gap, as ranges of leads_clock (per clock and grade, starts up to the threshold: no expression per lead);
 * the few whose owner's latest hand-over must be looked up (clock_kind 2), lead by lead; and, over the few open
 * activities, what each changes for a lead of the first read (joining every lead's activity cost more than the
 * rest of the count).
 */
export function countOverdueClocks(
  db: Database,
  thresholds: OverdueThresholds,
  now: number,
  scope: OverdueScope,
): { firstContact: number; followUp: number } {
  const byRanges = selectFirst(
    db,
    qb.selectNoFrom([
      startsUpTo(0, thresholds.firstContact, scope).as('first_contact'),
      startsUpTo(1, thresholds.followUp, scope).as('follow_up'),
    ]),
  );
  const lookedUp = selectFirst(
    db,
    qb
      .selectFrom(clocksPerLead(thresholds, scope, 'join', 'looked-up'))
      .select([
        sql<number>`coalesce(sum(${isFirstContactOverdue}), 0)`.as('first_contact'),
        sql<number>`coalesce(sum(${isFollowUpOverdue(now)}), 0)`.as('follow_up'),
      ]),
  );
  const byActivity = selectFirst(
    db,
    qb
      .selectFrom(clocksPerLead(thresholds, scope, 'only', 'kept'))
      .select(sql<number>`coalesce(sum(${isFollowUpOverdue(now)} - ${isGapOverdue}), 0)`.as('change')),
  );
  return {
    firstContact: (byRanges?.first_contact ?? 0) + (lookedUp?.first_contact ?? 0),
    followUp: (byRanges?.follow_up ?? 0) + (lookedUp?.follow_up ?? 0) + (byActivity?.change ?? 0),
  };
}

const SLA_GRADES = ['A', 'B', 'C', 'D', 'ungraded'] as const satisfies readonly SlaGradeKey[];

/**
 * Leads in the scope whose kept inputs run clock `kind` (0 first contact, 1 follow-up) from a start at or before
 * their grade's threshold: one range of leads_clock per grade (a null threshold: none is overdue).
 */
function startsUpTo(kind: 0 | 1, thresholds: StartThresholds, scope: OverdueScope): RawBuilder<number> {
  const counts = SLA_GRADES.flatMap((grade) => {
    const threshold = thresholds[grade];
    if (threshold === null) return [];
    const ofGrade = grade === 'ungraded' ? sql`leads.grade IS NULL` : sql`leads.grade = ${sql.lit(grade)}`;
    return [
      sql<number>`(SELECT count(*) FROM leads INDEXED BY leads_clock WHERE ${inScope(scope)}
        AND leads.clock_kind = ${sql.lit(kind)} AND ${ofGrade} AND leads.clock_start <= ${threshold})`,
    ];
  });
  return counts.length === 0 ? sql<number>`0` : sql<number>`${sql.join(counts, sql` + `)}`;
}

/** The leads whose first-contact (or follow-up) clock countOverdueClocks counts as overdue, decided lead by lead. */
export function listOverdueLeadIds(
  db: Database,
  thresholds: OverdueThresholds,
  now: number,
  scope: OverdueScope,
  clock: 'first_contact' | 'follow_up',
): string[] {
  const overdue = clock === 'first_contact' ? isFirstContactOverdue : isFollowUpOverdue(now);
  return selectAll(
    db,
    qb
      .selectFrom(clocksPerLead(thresholds, scope, 'join', 'all'))
      .select('c.id')
      .where(sql<boolean>`${overdue} = 1`),
  ).map((row) => row.id);
}

export interface OverdueThresholds {
  readonly firstContact: StartThresholds;
  readonly followUp: StartThresholds;
}

/** 1 when the lead's first-contact clock has run out (no follow-up since its owner got it). */
const isFirstContactOverdue = sql<number>`CASE WHEN c.assigned_at IS NULL THEN 0
  WHEN c.contact_at IS NOT NULL AND c.contact_at >= c.assigned_at THEN 0
  WHEN c.assigned_at <= c.first_due_start THEN 1 ELSE 0 END`;

/** 1 when the contacted lead's follow-up gap has run out (whatever its activity says). */
const isGapOverdue = sql<number>`CASE WHEN c.assigned_at IS NULL OR c.contact_at IS NULL
    OR c.contact_at < c.assigned_at THEN 0
  WHEN c.contact_at <= c.gap_due_start THEN 1 ELSE 0 END`;

/** 1 when the contacted lead's follow-up gap, or its owner's activity scheduled since the hand-over, is past due. */
function isFollowUpOverdue(now: number) {
  return sql<number>`CASE WHEN c.assigned_at IS NULL OR c.contact_at IS NULL
      OR c.contact_at < c.assigned_at THEN 0
    WHEN c.has_activity AND c.activity_at >= c.assigned_at THEN ${now} >= c.activity_due_at
    WHEN c.contact_at <= c.gap_due_start THEN 1 ELSE 0 END`;
}

/**
 * The current owner's latest assignment: the lead's kept latest one when it went to the owner (then no later one
 * went to the owner), else looked up — a lead whose owner changed without an assignment row, or on a tie.
 */
const ownerAssignedAt = sql<number | null>`CASE WHEN leads.last_assigned_rep = leads.owner_id
  THEN leads.last_assigned_at
  ELSE (SELECT max(a.at) FROM assignments AS a INDEXED BY assignments_lead_rep
    WHERE a.lead_id = leads.id AND a.rep_id = leads.owner_id) END`;

/**
 * Each lead on a clock in the scope, with its clock's inputs and its grade's thresholds, and its open activity if
 * any ('join'), or only the leads with an open timed activity of their owner ('only'); of every such lead, or only
 * those whose owner's hand-over is looked up (clock_kind 2) or only those the kept inputs decide.
 */
function clocksPerLead(
  thresholds: OverdueThresholds,
  scope: OverdueScope,
  activities: 'join' | 'only',
  leads: 'all' | 'looked-up' | 'kept',
) {
  const columns = [
    'leads.id',
    ownerAssignedAt.as('assigned_at'),
    sql<number | null>`leads.last_follow_up_at`.as('contact_at'),
    byGrade(thresholds.firstContact).as('first_due_start'),
    byGrade(thresholds.followUp).as('gap_due_start'),
    sql<number>`act.rep_id = leads.owner_id AND act.due_at IS NOT NULL`.as('has_activity'),
    sql<number | null>`act.due_at`.as('activity_due_at'),
    sql<number | null>`act.created_at`.as('activity_at'),
  ] as const;
  const isOpen = sql<boolean>`act.done_at IS NULL AND act.cancelled_at IS NULL`;
  let clocks =
    activities === 'join'
      ? qb
          .selectFrom('leads')
          .leftJoin('activities as act', (join) => join.onRef('act.lead_id', '=', 'leads.id').on(isOpen))
          .select(columns)
      : // CROSS JOIN: SQLite then keeps the few open activities outside and looks each one's lead up, where
        // with no statistics it would walk every lead on a clock and look up its activity.
        qb
          .selectFrom('activities as act')
          .crossJoin('leads')
          .whereRef('leads.id', '=', 'act.lead_id')
          .where(isOpen)
          .where(sql<boolean>`act.rep_id = leads.owner_id AND act.due_at IS NOT NULL`)
          .select(columns);
  clocks = clocks.where(inScope(scope));
  if (leads === 'looked-up') clocks = clocks.where(sql<boolean>`leads.clock_kind = 2`);
  else if (leads === 'kept') clocks = clocks.where(sql<boolean>`leads.clock_kind < 2`);
  // LIMIT -1 keeps SQLite from flattening the subquery into the sums, which would run each correlated lookup
  // once per mention.
  return clocks.modifyEnd(sql`LIMIT -1`).as('c');
}

/** On a clock (ON_CLOCK) and in the scope. */
function inScope(scope: OverdueScope): RawBuilder<boolean> {
  const parts = [ON_CLOCK];
  if (scope.owner === 'pool') parts.push(sql<boolean>`leads.owner_id IS NULL`);
  else if (scope.owner) parts.push(sql<boolean>`leads.owner_id = ${scope.owner}`);
  if (scope.tier !== undefined)
    parts.push(sql<boolean>`leads.owner_id IN (SELECT reps.id FROM reps WHERE reps.tier = ${scope.tier})`);
  if (scope.source) parts.push(sql<boolean>`leads.source = ${scope.source}`);
  return sql<boolean>`${sql.join(parts, sql` AND `)}`;
}
