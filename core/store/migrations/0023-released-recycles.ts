// Migration 0023: a rep may hand an open lead of theirs back to the public pool (放回公海, pool.release). Such a
// release is recorded as a recycle from them, reason 'released', so everything that reads recycles treats it as
// one: the rep's cool-down before claiming it again, distribution keeping it from them within that cool-down, the
// lead's recycled fact, the gaming signals. SQLite cannot widen a CHECK in place: the table is rebuilt with its rows
// and index.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion23(db: Database): void {
  db.exec(`
    CREATE TABLE lead_recycles_new (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id),
      from_rep_id TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('sla', 'stale', 'nurture', 'released')),
      at INTEGER NOT NULL
    ) STRICT;
    INSERT INTO lead_recycles_new (id, lead_id, from_rep_id, reason, at)
      SELECT id, lead_id, from_rep_id, reason, at FROM lead_recycles;
    DROP TABLE lead_recycles;
    ALTER TABLE lead_recycles_new RENAME TO lead_recycles;
    CREATE INDEX lead_recycles_lead ON lead_recycles (lead_id, at);
  `);
}
