// Migration 0018: each stage move keeps the time of the lead's move before it (prev_at; null for its first), so the
// Dashboard's days per stage sum each stay as at − coalesce(prev_at, the lead's creation) with no window function
// sorting every move of the period's leads (kept by core/store/kpi-facts.ts where moves are written). The
// append-only guard now covers the move's own columns only; stage_history_stays covers prev_at.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion18(db: Database): void {
  db.exec(`
    DROP TRIGGER stage_history_no_update;
    ALTER TABLE stage_history ADD COLUMN prev_at INTEGER;
    UPDATE stage_history SET prev_at = w.prev
      FROM (SELECT id, lag(at) OVER (PARTITION BY lead_id ORDER BY at, id) AS prev FROM stage_history) AS w
      WHERE w.id = stage_history.id;
    CREATE TRIGGER stage_history_no_update BEFORE UPDATE OF id, lead_id, from_stage, to_stage, actor, note, at
      ON stage_history BEGIN SELECT RAISE(ABORT, 'stage history is append-only'); END;
    DROP INDEX stage_history_stays;
    CREATE INDEX stage_history_stays ON stage_history (lead_id, at, id, from_stage, prev_at);
  `);
}
