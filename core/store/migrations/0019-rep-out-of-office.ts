// Migration 0019: the history of each rep's out-of-office switch, as spans (from, to or null while still out), so
// fairness and away loads can count the days a rep was out of office as time away like leave
// (core/domain/ledger/out-of-office.ts). reps.is_out_of_office stays the current state; a span is written in the
// same transaction as the change of the switch. At most one open span per rep. A rep out of office when this runs
// gets an open span from the last change of their row (the best the old data knows of when they went out).
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion19(db: Database): void {
  db.exec(`
    CREATE TABLE rep_out_of_office (
      rep_id TEXT NOT NULL REFERENCES reps(id),
      from_at INTEGER NOT NULL,
      to_at INTEGER,
      PRIMARY KEY (rep_id, from_at),
      CHECK (to_at IS NULL OR to_at >= from_at)
    ) STRICT;
    CREATE UNIQUE INDEX rep_out_of_office_open ON rep_out_of_office (rep_id) WHERE to_at IS NULL;
    INSERT INTO rep_out_of_office (rep_id, from_at, to_at)
      SELECT id, updated_at, NULL FROM reps WHERE is_out_of_office = 1;
  `);
}
