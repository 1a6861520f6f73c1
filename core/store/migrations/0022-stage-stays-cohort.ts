// Migration 0022: each stage move keeps its lead's creation time (lead_created_at, immutable on the lead), so the
// Dashboard's days per stage read the period's arrivals' moves as one range per stage from stage_history_cohort
// (stage first: each stage's range is summed with no sort), not by looking up every period lead's moves (100k
// lookups). Deleted and history leads are left out by lookups in the small partial indexes leads_deleted and
// leads_history (made here; the Dashboard's hand-over reads use it too). Kept by core/store/stage-history.ts where
// moves are written; backfilled here from the leads.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion22(db: Database): void {
  db.exec(`
    ALTER TABLE stage_history ADD COLUMN lead_created_at INTEGER;
    UPDATE stage_history SET lead_created_at = (SELECT leads.created_at FROM leads WHERE leads.id = stage_history.lead_id);
    CREATE INDEX stage_history_cohort ON stage_history (from_stage, lead_created_at, at, prev_at, lead_id);
    CREATE INDEX leads_history ON leads (id) WHERE is_history = 1;
  `);
}
