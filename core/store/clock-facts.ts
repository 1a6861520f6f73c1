// The inputs of a lead's SLA clock kept on the lead (migration 0021): its latest follow-up's time, and its latest
// hand-over's time and rep, kept by the repositories that write follow-ups and assignments (and by kpi-facts.ts's
// refreshes) inside the caller's transaction, so the Dashboard's overdue count reads them from one index.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import { execute, qb, runCompiled } from './sql';

/** Parameters: at, lead, at. A follow-up logged out of order (earlier than the latest) changes nothing. */
const RAISE_LAST_FOLLOW_UP = qb
  .updateTable('leads')
  .set({ last_follow_up_at: 0 })
  .where('id', '=', '')
  .where((eb) => eb.or([eb('last_follow_up_at', 'is', null), eb('last_follow_up_at', '<', 0)]))
  .compile().sql;

/** A follow-up on `leadId` at `at` was logged. */
export function noteClockFollowUp(db: Database, leadId: string, at: number): void {
  runCompiled(db, RAISE_LAST_FOLLOW_UP, [at, leadId, at]);
}

/** Parameters: at, rep, lead, at. On a tie the later row wins, as a recount by (at, rowid) would have it. */
const RAISE_LAST_ASSIGNMENT = qb
  .updateTable('leads')
  .set({ last_assigned_at: 0, last_assigned_rep: '' })
  .where('id', '=', '')
  .where((eb) => eb.or([eb('last_assigned_at', 'is', null), eb('last_assigned_at', '<=', 0)]))
  .compile().sql;

/** An assignment of `leadId` to `repId` (null: to no one) at `at` was appended. */
export function noteClockAssignment(db: Database, leadId: string, repId: string | null, at: number): void {
  runCompiled(db, RAISE_LAST_ASSIGNMENT, [at, repId, leadId, at]);
}

/** Each kept clock input recounted from the raw tables (correlated on `leads`). */
const RECOUNTED = {
  last_follow_up_at: sql<number | null>`(SELECT max(f.at) FROM follow_ups AS f WHERE f.lead_id = leads.id)`,
  last_assigned_at: sql<number | null>`(SELECT max(a.at) FROM assignments AS a WHERE a.lead_id = leads.id)`,
  last_assigned_rep: sql<string | null>`(SELECT a.rep_id FROM assignments AS a WHERE a.lead_id = leads.id
    ORDER BY a.at DESC, a.rowid DESC LIMIT 1)`,
};

/** Recounts the kept clock inputs of these leads (after their follow-ups moved, e.g. a merge). */
export function refreshClockFacts(db: Database, leadIds: readonly string[]): void {
  if (leadIds.length === 0) return;
  execute(db, qb.updateTable('leads').set(RECOUNTED).where('id', 'in', leadIds));
}

/** Recounts every lead's kept clock inputs, for rows written around the repositories (raw-SQL seeds). */
export function refreshAllClockFacts(db: Database): void {
  execute(db, qb.updateTable('leads').set(RECOUNTED));
}
