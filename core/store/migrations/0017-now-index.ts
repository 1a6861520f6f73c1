// Migration 0017: one small index of the live leads (not history, not deleted) for the Dashboard's "Now": leads per
// stage and the last 30 days' arrivals are read from it alone, not from the wide rows, and the overdue count walks
// it stage by stage in id order, the order of the per-lead assignment and follow-up indexes it looks each lead up in
// (walked by creation time, as another covering index would have it, the same lookups cost about three times as
// much). is_history and deleted_at are columns too although the WHERE fixes them: without them SQLite does not take
// the partial index as covering a query that names them, and picks a wider one.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion17(db: Database): void {
  db.exec(`
    CREATE INDEX leads_now ON leads (stage, id, owner_id, grade, source, created_at, is_history, deleted_at)
      WHERE is_history = 0 AND deleted_at IS NULL;
  `);
}
