// Schema version 5: Distribution rules, state and appeals (issue 5).
import type { Database } from 'better-sqlite3';

/** A lead counts towards its owner's open load while it is live, not history, and not won/lost/nurture. */
const COUNTED = (row: 'NEW' | 'OLD') =>
  `${row}.owner_id IS NOT NULL AND ${row}.deleted_at IS NULL AND ${row}.is_history = 0 ` +
  `AND ${row}.stage NOT IN ('won', 'lost', 'nurture')`;

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

    -- Daily caps count today's assignments: a range on time, not a scan of the whole history.
    CREATE INDEX assignments_at ON assignments (at);

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
