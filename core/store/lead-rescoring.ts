// The rescore job's side of the leads table: a walk over every live lead in id order, chunk by chunk, and the
// writes of each rescored chunk (the version stamp for all, score and grade only where they moved).
import type { Database } from 'better-sqlite3';
import type { Grade } from '../domain/funnel';
import type { Lead } from '../domain/lead';
import { LEAD_ROW_COLUMNS, rowToLead } from './leads';
import { qb, runCompiled, selectAll } from './sql';

/**
 * Leads in id order after `afterId`, for walking the whole table in chunks. Only the lead's own columns: the dedupe
 * keys and search text it skips were a quarter of the walk's CPU (100k leads: ~490 -> ~380 ms).
 */
export function listLeadsAfter(db: Database, afterId: string, limit: number): Lead[] {
  return selectAll(
    db,
    qb
      .selectFrom('leads')
      .select(LEAD_ROW_COLUMNS)
      .where('deleted_at', 'is', null)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit),
  ).map(rowToLead);
}

/** Compiled once (compiling an UPDATE per lead cost more than scoring it); parameters in the order of the set. */
const STAMP_SCORES_SQL = qb
  .updateTable('leads')
  .set({ score_model_version: 0, scored_at: 0 })
  .where('id', '>', '')
  .where('id', '<=', '')
  .where('deleted_at', 'is', null)
  .compile().sql;
/** Score alone where the grade stayed: an index holding grade (leads_cohort, leads_clock) is rewritten on any SET of it. */
const SET_SCORE_SQL = qb.updateTable('leads').set({ score: 0 }).where('id', '=', '').compile().sql;
const SET_SCORE_GRADE_SQL = qb
  .updateTable('leads')
  .set({ score: 0, grade: '' })
  .where('id', '=', '')
  .compile().sql;

/**
 * Writes one chunk of rescored leads: every live lead with id in (afterId, lastId] gets the version stamp in one
 * range update, and only leads whose score or grade moved are rewritten (the score indexes stay untouched for the
 * rest); the grade only where it moved, as SQLite rewrites every index naming a set column, changed or not.
 */
export function stampLeadScores(
  db: Database,
  chunk: { afterId: string; lastId: string; modelVersion: number; scoredAt: number },
  moved: readonly { id: string; score: number; grade: Grade; isGradeMoved: boolean }[],
): void {
  runCompiled(db, STAMP_SCORES_SQL, [chunk.modelVersion, chunk.scoredAt, chunk.afterId, chunk.lastId]);
  for (const lead of moved) {
    if (lead.isGradeMoved) runCompiled(db, SET_SCORE_GRADE_SQL, [lead.score, lead.grade, lead.id]);
    else runCompiled(db, SET_SCORE_SQL, [lead.score, lead.id]);
  }
}
