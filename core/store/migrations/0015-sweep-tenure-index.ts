// Migration 0015: assignments by lead, rep and time, so a lead's current owner's tenure (the latest row handing it to
// them) is one seek in the index alone; the pools' recycle sweep reads it for every owned open lead.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion15(db: Database): void {
  db.exec(`
    CREATE INDEX assignments_lead_rep ON assignments (lead_id, rep_id, at);
  `);
}
