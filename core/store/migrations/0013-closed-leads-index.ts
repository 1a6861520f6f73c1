// Migration 0013: an index of the closed leads alone, by stage and time, so the check whether the learned rep
// fit is stale (store/fit-history.ts readFitToken, made while distributing new leads) reads this index, not the rows.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion13(db: Database): void {
  db.exec(`
    CREATE INDEX leads_closed ON leads (stage, updated_at) WHERE deleted_at IS NULL AND stage IN ('won', 'lost');
  `);
}
