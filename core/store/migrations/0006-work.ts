// Schema version 6: Working the leads: SLA, notifications, stage history (issue 6).
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion6(db: Database): void {
  db.exec(`
    CREATE TABLE stage_history (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id),
      from_stage TEXT NOT NULL,
      to_stage TEXT NOT NULL,
      actor TEXT NOT NULL,
      note TEXT,
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX stage_history_lead ON stage_history (lead_id, at);
    CREATE TRIGGER stage_history_no_update BEFORE UPDATE ON stage_history
      BEGIN SELECT RAISE(ABORT, 'stage history is append-only'); END;

    CREATE TABLE sla_actions (
      lead_id TEXT NOT NULL REFERENCES leads(id),
      kind TEXT NOT NULL CHECK (kind IN ('remind', 'escalate', 'recycle')),
      trigger TEXT NOT NULL CHECK (trigger IN ('first_contact', 'follow_up')),
      clock_start INTEGER NOT NULL,
      rep_id TEXT,
      due_at INTEGER NOT NULL,
      applied_at INTEGER NOT NULL,
      PRIMARY KEY (lead_id, kind, trigger, clock_start)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE notifications (
      id TEXT PRIMARY KEY,
      recipient TEXT NOT NULL,
      kind TEXT NOT NULL,
      lead_id TEXT,
      detail_json TEXT NOT NULL DEFAULT '{}',
      dedupe_key TEXT UNIQUE,
      created_at INTEGER NOT NULL,
      read_at INTEGER
    ) STRICT;
    CREATE INDEX notifications_recipient ON notifications (recipient, created_at);

    CREATE TABLE pool_claims (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id),
      rep_id TEXT NOT NULL REFERENCES reps(id),
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX pool_claims_rep ON pool_claims (rep_id, at);

    CREATE TABLE lead_recycles (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id),
      from_rep_id TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('sla', 'stale', 'nurture')),
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX lead_recycles_lead ON lead_recycles (lead_id, at);

    CREATE TABLE nurture_wakeups (
      lead_id TEXT PRIMARY KEY REFERENCES leads(id),
      wake_at INTEGER NOT NULL,
      return_stage TEXT NOT NULL,
      parked_by TEXT NOT NULL,
      parked_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX nurture_wakeups_due ON nurture_wakeups (wake_at);

    CREATE INDEX leads_board ON leads (stage, score DESC, id) WHERE deleted_at IS NULL;
    CREATE INDEX follow_ups_next ON follow_ups (next_at) WHERE next_at IS NOT NULL;

    -- Assignments already made before this version are not news: notify only those that come after.
    INSERT INTO settings (key, value_json, updated_at)
      SELECT 'work.assignmentCursor', CAST(coalesce(max(rowid), 0) AS TEXT), 0 FROM assignments
      WHERE 1 ON CONFLICT (key) DO NOTHING;
  `);
}
