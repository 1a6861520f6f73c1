// Schema version 9: the triggers that kept rep_open_loads and rep_day_counts go; the repositories that write leads
// and assignments keep both counters in the same transaction (store/rep-loads.ts), so the rules they apply (which
// stages are open, the workspace's UTC offset) live in tested code. The counts themselves carry over unchanged.
// The append-only guards on assignments and stage_history, and the change tokens of reps and rule sets, stay:
// they state no business rule.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion9(db: Database): void {
  db.exec(`
    DROP TRIGGER IF EXISTS leads_open_load_insert;
    DROP TRIGGER IF EXISTS leads_open_load_update;
    DROP TRIGGER IF EXISTS leads_open_load_delete;
    DROP TRIGGER IF EXISTS assignments_day_count;
  `);
}
