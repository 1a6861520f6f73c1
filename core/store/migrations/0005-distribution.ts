// Schema version 5: Distribution rules, state and appeals (issue 5).
import type { Database } from 'better-sqlite3';

/** A lead counts towards its owner's open load while it is live, not history, and not won/lost/nurture. */
const COUNTED = (row: 'NEW' | 'OLD') =>
  `${row}.owner_id IS NOT NULL AND ${row}.deleted_at IS NULL AND ${row}.is_history = 0 ` +
  `AND ${row}.stage NOT IN ('won', 'lost', 'nurture')`;

/** The workspace's UTC offset in ms, read from the distribution settings when a row is counted. */
const OFFSET_MS =
  "(coalesce((SELECT json_extract(value_json, '$.utcOffsetMinutes') FROM settings WHERE key = 'distribution.settings'), 480) * 60000)";

export function updateToSchemaVersion5(db: Database): void {
  db.exec(`
    CREATE TABLE distribution_rule_sets (
      version INTEGER PRIMARY KEY,
      rules_json TEXT NOT NULL,
      actor TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE distribution_rule_state (
      rule_id TEXT PRIMARY KEY,
      pointer TEXT,
      credits_json TEXT NOT NULL DEFAULT '{}',
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE rep_open_loads (
      rep_id TEXT PRIMARY KEY,
      open_count INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    INSERT INTO rep_open_loads (rep_id, open_count)
      SELECT owner_id, count(*) FROM leads AS NEW WHERE ${COUNTED('NEW')} GROUP BY owner_id;

    CREATE TRIGGER leads_open_load_insert AFTER INSERT ON leads WHEN ${COUNTED('NEW')}
    BEGIN
      INSERT INTO rep_open_loads (rep_id, open_count) VALUES (NEW.owner_id, 1)
        ON CONFLICT (rep_id) DO UPDATE SET open_count = open_count + 1;
    END;

    CREATE TRIGGER leads_open_load_update AFTER UPDATE OF owner_id, stage, deleted_at, is_history ON leads
    BEGIN
      UPDATE rep_open_loads SET open_count = max(0, open_count - 1)
        WHERE rep_id = OLD.owner_id AND (${COUNTED('OLD')});
      INSERT INTO rep_open_loads (rep_id, open_count) SELECT NEW.owner_id, 1 WHERE ${COUNTED('NEW')}
        ON CONFLICT (rep_id) DO UPDATE SET open_count = open_count + 1;
    END;

    CREATE TRIGGER leads_open_load_delete AFTER DELETE ON leads WHEN ${COUNTED('OLD')}
    BEGIN
      UPDATE rep_open_loads SET open_count = max(0, open_count - 1) WHERE rep_id = OLD.owner_id;
    END;

    -- Daily caps read leads per rep per local day, counted as assignments are appended. The day is local to
    -- the workspace's UTC offset (distribution settings, default UTC+8): floor((at + offset) / 1 day).
    CREATE TABLE rep_day_counts (
      rep_id TEXT NOT NULL,
      day INTEGER NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (rep_id, day)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO rep_day_counts (rep_id, day, n)
      SELECT rep_id, (at + ${OFFSET_MS}) / 86400000, count(*) FROM assignments WHERE rep_id IS NOT NULL GROUP BY 1, 2;
    CREATE TRIGGER assignments_day_count AFTER INSERT ON assignments WHEN NEW.rep_id IS NOT NULL
    BEGIN
      INSERT INTO rep_day_counts (rep_id, day, n) VALUES (NEW.rep_id, (NEW.at + ${OFFSET_MS}) / 86400000, 1)
        ON CONFLICT (rep_id, day) DO UPDATE SET n = n + 1;
    END;
    CREATE INDEX assignments_at ON assignments (at, rep_id);

    -- A token that changes whenever reps or rule sets change, so a single new lead need not reread and reparse
    -- them. random(), not a counter: a rolled-back change must never leave a token that a later change repeats.
    CREATE TABLE distribution_versions (
      key TEXT PRIMARY KEY,
      token INTEGER NOT NULL
    ) STRICT;
    INSERT INTO distribution_versions (key, token) VALUES ('reps', random()), ('rules', random());
    CREATE TRIGGER reps_token_insert AFTER INSERT ON reps
      BEGIN UPDATE distribution_versions SET token = random() WHERE key = 'reps'; END;
    CREATE TRIGGER reps_token_update AFTER UPDATE ON reps
      BEGIN UPDATE distribution_versions SET token = random() WHERE key = 'reps'; END;
    CREATE TRIGGER reps_token_delete AFTER DELETE ON reps
      BEGIN UPDATE distribution_versions SET token = random() WHERE key = 'reps'; END;
    CREATE TRIGGER rules_token_insert AFTER INSERT ON distribution_rule_sets
      BEGIN UPDATE distribution_versions SET token = random() WHERE key = 'rules'; END;

    CREATE TABLE appeals (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id),
      assignment_id TEXT NOT NULL REFERENCES assignments(id),
      rep_id TEXT NOT NULL REFERENCES reps(id),
      message TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('open', 'accepted', 'rejected')),
      reply TEXT,
      resolved_to_rep_id TEXT REFERENCES reps(id),
      resolved_by TEXT,
      created_at INTEGER NOT NULL,
      resolved_at INTEGER
    ) STRICT;
    CREATE INDEX appeals_state ON appeals (state, created_at);
    CREATE INDEX appeals_lead ON appeals (lead_id, created_at);
    CREATE INDEX appeals_rep ON appeals (rep_id, created_at);
  `);
}
