// Migration 0024: each hand-over keeps when its rep was last handed the same lead before it (prev_pair_at; null for
// the pair's first), so the Dashboard counts the distinct leads each rep received in a period from the hand-overs
// alone: a pair's first hand-over in the period is the one whose previous is before the period (or none), with no
// table of the period's pairs built per load (~50 ms of the hand-over part over 100k hand-overs). Kept by
// core/store/assignments.ts where hand-overs are written (an out-of-order one moves its successor's), backfilled here
// in the same order: by time, then insertion.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion24(db: Database): void {
  db.exec(`
    ALTER TABLE assignments ADD COLUMN prev_pair_at INTEGER;
    UPDATE assignments SET prev_pair_at = w.prev
      FROM (SELECT id, lag(at) OVER (PARTITION BY lead_id, rep_id ORDER BY at, rowid) AS prev
            FROM assignments WHERE rep_id IS NOT NULL) AS w
      WHERE w.id = assignments.id AND w.prev IS NOT NULL;
    DROP INDEX assignments_period;
    CREATE INDEX assignments_period ON assignments (at, rep_id, lead_id, kind, grade_then, first_contact_at,
      prev_pair_at);
  `);
}
