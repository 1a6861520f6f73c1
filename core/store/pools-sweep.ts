// What the pools' recycle sweep reads: owned, open, live leads old enough for a rule to reach them, with the facts
// the rules need, in one pass over the clock inputs kept on each lead (migration 0021, core/store/clock-facts.ts).
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { FunnelStage, Grade } from '../domain/funnel';
import { allCompiled, getCompiled, leadsInTableOrder, qb } from './sql';
import { NOT_OPEN } from './work-leads';

export interface SweepLead {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly grade: Grade | null;
  readonly stage: FunnelStage;
  readonly region: string | null;
  readonly industry: string | null;
  readonly source: string | null;
  /** When the current owner got it; the lead's creation when no assignment row says so. */
  readonly ownedSince: number;
  readonly lastFollowUpAt: number | null;
}

type SweepRow = {
  id: string;
  name: string;
  owner_id: string | null;
  grade: string | null;
  stage: string;
  region: string | null;
  industry: string | null;
  source: string | null;
  owned_since: number;
  last_follow_up_at: number | null;
};

/** Grades as the rules key them. */
const GRADE_KEYS = ['A', 'B', 'C', 'D', 'ungraded'] as const;
export type SweepGradeKey = (typeof GRADE_KEYS)[number];

/**
 * The latest instants (epoch ms, per grade; null = no rule of that sort for the grade) a lead's clock may have
 * started and still let some rule reach it now (due or in its warning window).
 */
export interface SweepBounds {
  /** No-follow-up rules: the owner's tenure and the lead's latest follow-up both began at or before this. */
  readonly noFollowUp: Readonly<Record<SweepGradeKey, number | null>>;
  /** Stage rules (no opportunity, not won): the owner's tenure began at or before this. */
  readonly stage: Readonly<Record<SweepGradeKey, number | null>>;
}

/** `CASE` on the lead's grade answering its bound (NULL when none: every comparison with it is false). */
function boundOf(bounds: Readonly<Record<SweepGradeKey, number | null>>) {
  const whens = GRADE_KEYS.filter((key) => key !== 'ungraded').map(
    (key) => sql`WHEN ${key} THEN ${bounds[key]}`,
  );
  return sql<number | null>`(CASE leads.grade ${sql.join(whens, sql` `)} ELSE ${bounds.ungraded} END)`;
}

/**
 * Owned open leads some rule may reach now, by `bounds` (set-based: a lead whose clock started after its grade's
 * bound never becomes a row), optionally one rep's only. The rules decide for each row.
 */
export function listSweepLeads(db: Database, bounds: SweepBounds, ownerId?: string): SweepLead[] {
  const noFollowUp = boundOf(bounds.noFollowUp);
  const stage = boundOf(bounds.stage);
  // In table order: through leads_queue (by owner) SQLite looked up each owned lead's row, ~1.7x the time of one
  // ordered pass on the bench's 100k open leads (184–255 against 106–152 ms, same process).
  let query = qb
    .selectFrom(leadsInTableOrder())
    .select([
      'leads.id',
      'leads.name',
      'leads.owner_id',
      'leads.grade',
      'leads.stage',
      'leads.region',
      'leads.industry',
      'leads.source',
      // The latest hand-over kept on the lead (migration 0021): when it went to the owner, the owner's tenure began
      // then; else (an owner set without a hand-over row) the owner's latest hand-over is looked up.
      sql<number>`CASE WHEN leads.last_assigned_rep IS leads.owner_id AND leads.last_assigned_at IS NOT NULL
        THEN leads.last_assigned_at
        ELSE coalesce((SELECT max(a.at) FROM assignments AS a INDEXED BY assignments_lead_rep
          WHERE a.lead_id = leads.id AND a.rep_id = leads.owner_id), leads.created_at) END`.as('owned_since'),
      'leads.last_follow_up_at',
    ])
    .where('leads.owner_id', 'is not', null)
    .where('leads.deleted_at', 'is', null)
    .where('leads.is_history', '=', sql.lit(0))
    .where('leads.stage', 'not in', NOT_OPEN)
    // SQLite lets WHERE name a result column: the owner's tenure is filtered before any row becomes an object.
    // One reference to the tenure (each names its subquery again): held since the no-follow-up bound when no
    // follow-up came after it, else since the stage rules' bound (-1 = no bound: never reached).
    .where(
      sql<boolean>`owned_since <= (CASE WHEN NOT coalesce(leads.last_follow_up_at > ${noFollowUp}, 0)
        THEN max(coalesce(${noFollowUp}, -1), coalesce(${stage}, -1)) ELSE coalesce(${stage}, -1) END)`,
    );
  if (ownerId !== undefined) query = query.where('leads.owner_id', '=', ownerId);
  const { sql: text, parameters } = query.compile();
  return allCompiled<SweepRow>(db, text, parameters).map((row) => ({
    id: row.id,
    name: row.name,
    ownerId: row.owner_id ?? '',
    grade: row.grade as Grade | null,
    stage: row.stage as FunnelStage,
    region: row.region,
    industry: row.industry,
    source: row.source,
    ownedSince: row.owned_since,
    lastFollowUpAt: row.last_follow_up_at,
  }));
}

const NOTIFICATION_KEY_SQL = qb
  .selectFrom('notifications')
  .select('id')
  .where('dedupe_key', '=', '')
  .limit(sql.lit(1))
  .compile().sql;

/** Whether a notification with this dedupe key was sent (by its unique index): a warning already given. */
export function hasNotificationKey(db: Database, dedupeKey: string): boolean {
  return getCompiled(db, NOTIFICATION_KEY_SQL, [dedupeKey]) !== undefined;
}
