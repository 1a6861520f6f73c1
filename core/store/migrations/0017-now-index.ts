// Migration 0017: two small indexes of the live leads (not history, not deleted) for the Dashboard's "Now".
// leads_now, by stage, owner, source and creation time: leads per stage and the last 30 days' arrivals read from it
// alone, not from the wide rows. leads_clock, by id: the overdue count walks the owned open leads in id order, the
// order of the per-lead assignment and follow-up indexes it looks each lead up in (walked in another order, e.g. a
// covering index by creation time, the same lookups cost about three times as much).
// is_history and deleted_at are columns too although the WHERE fixes them: without them SQLite does not take a
// partial index as covering a query that names them, and picks a wider one.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion17(db: Database): void {
  db.exec(`
    CREATE INDEX leads_now ON leads (stage, owner_id, source, created_at, is_history, deleted_at)
      WHERE is_history = 0 AND deleted_at IS NULL;
    CREATE INDEX leads_clock ON leads (id, owner_id, stage, grade, source, is_history, deleted_at)
      WHERE is_history = 0 AND deleted_at IS NULL;
  `);
}
