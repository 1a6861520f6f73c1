// Migration 0026: leads_history, the history leads' ids alone. The Dashboard's hand-over reads (dashboard-handovers.ts)
// ask "is this hand-over's lead a history lead?" per hand-over: a lookup in this small index instead of joining
// the lead row, which was most of the KPI row's time. IF NOT EXISTS: another migration may have made the same index.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion26(db: Database): void {
  db.exec('CREATE INDEX IF NOT EXISTS leads_history ON leads (id) WHERE is_history = 1');
}
