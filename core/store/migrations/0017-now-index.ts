// Migration 0017: the live leads (not history, not deleted) by stage, owner, source and creation time, so the
// Dashboard's "Now" counts leads per stage and the last 30 days' arrivals from this small index, not the wide rows.
// is_history and deleted_at are columns too although the WHERE fixes them: without them SQLite does not take the
// partial index as covering a query that names them, and picks a wider one.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion17(db: Database): void {
  db.exec(`
    CREATE INDEX leads_now ON leads (stage, owner_id, source, created_at, is_history, deleted_at)
      WHERE is_history = 0 AND deleted_at IS NULL;
  `);
}
