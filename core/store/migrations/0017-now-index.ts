// Migration 0017: the leads an SLA clock can run on (owned, live, not history, in a working stage) by id, for the
// Dashboard's overdue count: it walks them in the order of the per-lead assignment and follow-up indexes it looks
// each lead up in (walked by creation time, as the covering leads_cohort would have it, the same lookups cost about
// three times as much). Partial on owned open leads, so an import's bulk move, whose leads arrive unowned, enters
// none; every column the query names is in it, or SQLite would not take it as covering.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion17(db: Database): void {
  db.exec(`
    CREATE INDEX leads_clock ON leads (id, owner_id, grade, source, stage, is_history, deleted_at)
      WHERE owner_id IS NOT NULL AND is_history = 0 AND deleted_at IS NULL
        AND stage NOT IN ('won', 'lost', 'nurture');
  `);
}
