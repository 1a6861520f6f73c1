// The per-lead, per-hand-over and per-move facts the Dashboard's period figures read (migrations 0016, 0018, 0024),
// kept right by the repositories that write follow-ups, stage moves, recycles, merges and hand-overs, inside the
// caller's transaction.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import { refreshAllClockFacts, refreshClockFacts } from './clock-facts';
import { execute, qb, runCompiled } from './sql';

/** Main-path rank of a stage: raw 0, mql 1, sql 2, opportunity 3, won 4; side stages (lost, nurture, custom) 0. */
export function mainPathRankOf(stage: string): number {
  switch (stage) {
    case 'won':
      return 4;
    case 'opportunity':
      return 3;
    case 'sql':
      return 2;
    case 'mql':
      return 1;
    default:
      return 0;
  }
}

/** The same rank as SQL, of a stage column. */
export function mainPathRankSql(column: string) {
  return sql<number>`CASE ${sql.ref(column)} WHEN 'won' THEN 4 WHEN 'opportunity' THEN 3 WHEN 'sql' THEN 2
    WHEN 'mql' THEN 1 ELSE 0 END`;
}

/** The rep's first follow-up on the assignment's lead at or after the hand-over (correlated on `assignments`). */
const firstContactAfterAssignment = sql<number | null>`(SELECT min(f.at) FROM follow_ups AS f
  WHERE f.lead_id = assignments.lead_id AND f.rep_id = assignments.rep_id AND f.at >= assignments.at)`;

const MARK_FOLLOWED_UP = qb
  .updateTable('leads')
  .set({ has_follow_up: 1 })
  .where('id', '=', '')
  .where('has_follow_up', '=', 0)
  .compile();

/** Parameters: at, lead, rep, at, at. */
const SET_FIRST_CONTACT = qb
  .updateTable('assignments')
  .set({ first_contact_at: 0 })
  .where('lead_id', '=', '')
  .where('rep_id', '=', '')
  .where('at', '<=', 0)
  .where((eb) => eb.or([eb('first_contact_at', 'is', null), eb('first_contact_at', '>', 0)]))
  .compile();

/** A follow-up by `repId` on `leadId` at `at` was logged: the lead is contacted, and it may be the rep's first. */
export function noteFollowUp(db: Database, leadId: string, repId: string | null, at: number): void {
  runCompiled(db, MARK_FOLLOWED_UP.sql, [1, leadId, 0]);
  if (repId !== null) runCompiled(db, SET_FIRST_CONTACT.sql, [at, leadId, repId, at, at]);
}

const RAISE_HISTORY_RANK = qb
  .updateTable('leads')
  .set({ history_rank: 0 })
  .where('id', '=', '')
  .where('history_rank', '<', 0)
  .compile();

/** Each move's previous move (by at, id) within its lead, of the moves `scope` keeps (correlated on `h`). */
function previousMoves(scope: 'lead' | 'all') {
  const moves = qb
    .selectFrom('stage_history as h')
    .select([
      'h.id',
      sql<number | null>`lag(h.at) OVER (PARTITION BY h.lead_id ORDER BY h.at, h.id)`.as('prev'),
    ]);
  return (scope === 'lead' ? moves.where('h.lead_id', '=', '') : moves).as('w');
}

/** Sets prev_at where it differs from the previous move; parameter: the lead (a move may come in out of order). */
const SET_PREVIOUS_MOVES = qb
  .updateTable('stage_history')
  .from(previousMoves('lead'))
  .set({ prev_at: sql<number | null>`w.prev` })
  .whereRef('w.id', '=', 'stage_history.id')
  .where(sql<boolean>`stage_history.prev_at IS NOT w.prev`)
  .compile();

/** A stage move of `leadId` to `toStage` was recorded in its history. */
export function noteStageMove(db: Database, leadId: string, toStage: string): void {
  const rank = mainPathRankOf(toStage);
  if (rank > 0) runCompiled(db, RAISE_HISTORY_RANK.sql, [rank, leadId, rank]);
  runCompiled(db, SET_PREVIOUS_MOVES.sql, [leadId]);
}

const MARK_RECYCLED = qb
  .updateTable('leads')
  .set({ is_recycled: 1 })
  .where('id', '=', '')
  .where('is_recycled', '=', 0)
  .compile();

/** `leadId` was recycled to a pool. */
export function noteRecycle(db: Database, leadId: string): void {
  runCompiled(db, MARK_RECYCLED.sql, [1, leadId, 0]);
}

/** Recomputes the follow-up facts of these leads and their assignments from follow_ups (after follow-ups moved). */
export function refreshFollowUpFacts(db: Database, leadIds: readonly string[]): void {
  if (leadIds.length === 0) return;
  execute(
    db,
    qb
      .updateTable('leads')
      .set({ has_follow_up: sql<number>`EXISTS (SELECT 1 FROM follow_ups AS f WHERE f.lead_id = leads.id)` })
      .where('id', 'in', leadIds),
  );
  execute(
    db,
    qb
      .updateTable('assignments')
      .set({ first_contact_at: firstContactAfterAssignment })
      .where('lead_id', 'in', leadIds),
  );
  refreshClockFacts(db, leadIds);
}

/** Each hand-over to a rep with the time of the pair's hand-over before it (by time, then insertion), as 0024 did. */
const previousPairHandOvers = qb
  .selectFrom('assignments as p')
  .select([
    'p.id',
    sql<number | null>`lag(p.at) OVER (PARTITION BY p.lead_id, p.rep_id ORDER BY p.at, p.rowid)`.as('prev'),
  ])
  .where('p.rep_id', 'is not', null)
  .as('w');

/** Recomputes every hand-over's prev_pair_at from the assignments (for rows written in raw SQL). */
export function refreshPairRepeats(db: Database): void {
  execute(
    db,
    qb
      .updateTable('assignments')
      .from(previousPairHandOvers)
      .set({ prev_pair_at: sql<number | null>`w.prev` })
      .whereRef('w.id', '=', 'assignments.id'),
  );
}

/**
 * The grade an assignment's explanation recorded, else its lead's grade now (correlated on `assignments`). Reads the
 * text column only: a deflated explanation was written by appendAssignment, which set grade_then from it.
 */
const gradeRecordedElseNow = sql<
  string | null
>`CASE WHEN json_type(assignments.explanation_json, '$.grade') IS NULL
  THEN (SELECT l.grade FROM leads AS l WHERE l.id = assignments.lead_id)
  ELSE json_extract(assignments.explanation_json, '$.grade') END`;

/**
 * Recomputes every kept fact from the raw tables, as migration 0016 backfilled them, for rows written around the
 * repositories (bench and test seeds in raw SQL): an assignment without a grade then gets its recorded one, else
 * its lead's grade now.
 */
export function refreshAllKpiFacts(db: Database): void {
  db.transaction(() => {
    execute(
      db,
      qb.updateTable('leads').set({
        has_follow_up: sql<number>`EXISTS (SELECT 1 FROM follow_ups AS f WHERE f.lead_id = leads.id)`,
        is_recycled: sql<number>`EXISTS (SELECT 1 FROM lead_recycles AS r WHERE r.lead_id = leads.id)`,
        history_rank: sql<number>`coalesce((SELECT max(${mainPathRankSql('h.to_stage')})
          FROM stage_history AS h WHERE h.lead_id = leads.id), 0)`,
      }),
    );
    execute(db, qb.updateTable('assignments').set({ first_contact_at: firstContactAfterAssignment }));
    refreshPairRepeats(db);
    execute(
      db,
      qb
        .updateTable('stage_history')
        .from(previousMoves('all'))
        .set({ prev_at: sql<number | null>`w.prev` })
        .whereRef('w.id', '=', 'stage_history.id'),
    );
    execute(
      db,
      qb.updateTable('stage_history').set({
        lead_created_at: sql<number>`(SELECT leads.created_at FROM leads WHERE leads.id = stage_history.lead_id)`,
      }),
    );
    execute(
      db,
      qb
        .updateTable('assignments')
        .set({ grade_then: gradeRecordedElseNow })
        .where('grade_then', 'is', null)
        .where('explanation_deflated', 'is', null),
    );
    refreshAllClockFacts(db);
  })();
}
