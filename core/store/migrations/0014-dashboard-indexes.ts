// Migration 0014: indexes the Dashboard's period figures read instead of rows: follow-ups per rep in a period,
// a rep's first follow-up on a lead after a hand-over, and the furthest stage a lead's history reached.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion14(db: Database): void {
  db.exec(`
    CREATE INDEX follow_ups_rep_at ON follow_ups (rep_id, at);
    CREATE INDEX follow_ups_lead_rep ON follow_ups (lead_id, rep_id, at);
    CREATE INDEX stage_history_lead_to ON stage_history (lead_id, to_stage);
  `);
}
