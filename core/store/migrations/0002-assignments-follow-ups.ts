// Schema version 2: append-only assignment history with explanations, and the follow-up log.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion2(db: Database): void {
  db.exec(`
    CREATE TABLE assignments (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id),
      rep_id TEXT REFERENCES reps(id),
      kind TEXT NOT NULL,
      rule_id TEXT,
      reason TEXT NOT NULL DEFAULT '',
      explanation_json TEXT NOT NULL DEFAULT '{}',
      actor TEXT NOT NULL,
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX assignments_lead ON assignments (lead_id, at);
    CREATE INDEX assignments_rep ON assignments (rep_id, at);
    CREATE TRIGGER assignments_no_update BEFORE UPDATE ON assignments
      BEGIN SELECT RAISE(ABORT, 'assignment history is append-only'); END;
    CREATE TRIGGER assignments_no_delete BEFORE DELETE ON assignments
      BEGIN SELECT RAISE(ABORT, 'assignment history is append-only'); END;

    CREATE TABLE follow_ups (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id),
      rep_id TEXT REFERENCES reps(id),
      channel TEXT NOT NULL CHECK (channel IN ('call', 'wechat', 'visit', 'email', 'other')),
      said TEXT NOT NULL,
      reaction TEXT,
      next_step TEXT,
      next_at INTEGER,
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX follow_ups_lead ON follow_ups (lead_id, at);
  `);
}
