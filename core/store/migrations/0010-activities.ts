// Schema version 10: scheduled activities (the next call, visit, meeting, WeChat or email a rep promised), the
// agenda's rows. A lead has at most one open activity; completing, rescheduling or "no next step" closes it.
// The latest follow-up of each lead that named a next step becomes its open activity, so no promise is lost.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion10(db: Database): void {
  db.exec(`
    CREATE TABLE activities (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id),
      rep_id TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'meeting', 'wechat', 'email')),
      title TEXT,
      due_at INTEGER,
      follow_up_id TEXT,
      created_at INTEGER NOT NULL,
      done_at INTEGER,
      cancelled_at INTEGER
    ) STRICT;
    CREATE INDEX activities_open_rep ON activities (rep_id, due_at)
      WHERE done_at IS NULL AND cancelled_at IS NULL;
    CREATE INDEX activities_open_due ON activities (due_at)
      WHERE done_at IS NULL AND cancelled_at IS NULL;
    CREATE UNIQUE INDEX activities_open_lead ON activities (lead_id)
      WHERE done_at IS NULL AND cancelled_at IS NULL;

    INSERT INTO activities (id, lead_id, rep_id, kind, title, due_at, follow_up_id, created_at)
      SELECT 'act_' || f.id, f.lead_id, f.rep_id, 'call', f.next_step, f.next_at, f.id, f.at
      FROM follow_ups AS f
      WHERE (f.next_at IS NOT NULL OR f.next_step IS NOT NULL)
        AND NOT EXISTS (
          SELECT 1 FROM follow_ups AS later
          WHERE later.lead_id = f.lead_id AND (later.at > f.at OR (later.at = f.at AND later.id > f.id))
        );
  `);
}
