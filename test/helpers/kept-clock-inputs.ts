// The check behind the clock inputs kept on leads (migration 0021): which leads' kept values differ from a recount of
// the raw follow_ups and assignments tables.
import type { Database } from 'better-sqlite3';

interface KeptRow {
  id: string;
  last_follow_up_at: number | null;
  last_assigned_at: number | null;
  last_assigned_rep: string | null;
}

/** Leads whose kept clock inputs differ from a recount of the raw tables (a tie may keep any rep at the latest time). */
export function wrongKeptLeads(db: Database): string[] {
  const rows = db
    .prepare('SELECT id, last_follow_up_at, last_assigned_at, last_assigned_rep FROM leads ORDER BY id')
    .all() as KeptRow[];
  const latestFollowUp = db.prepare('SELECT max(at) FROM follow_ups WHERE lead_id = ?').pluck();
  const latestAssignment = db.prepare('SELECT max(at) FROM assignments WHERE lead_id = ?').pluck();
  const repsAt = db.prepare('SELECT rep_id FROM assignments WHERE lead_id = ? AND at = ?').pluck();
  return rows
    .filter((row) => {
      const at = latestAssignment.get(row.id) as number | null;
      const reps = at === null ? [null] : (repsAt.all(row.id, at) as (string | null)[]);
      return (
        row.last_follow_up_at !== latestFollowUp.get(row.id) ||
        row.last_assigned_at !== at ||
        !reps.includes(row.last_assigned_rep)
      );
    })
    .map((row) => row.id);
}
