// Schema version 4: Import batches, mapping templates and merges (issue 3).
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion4(db: Database): void {
  db.exec(`
    CREATE TABLE import_batches (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      actor TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('running', 'committed', 'undone', 'cancelled', 'failed')),
      duplicate_action TEXT NOT NULL CHECK (duplicate_action IN ('merge', 'keepBoth', 'skip')),
      total_rows INTEGER NOT NULL DEFAULT 0,
      inserted INTEGER NOT NULL DEFAULT 0,
      merged INTEGER NOT NULL DEFAULT 0,
      flagged INTEGER NOT NULL DEFAULT 0,
      skipped INTEGER NOT NULL DEFAULT 0,
      errors INTEGER NOT NULL DEFAULT 0,
      started_at INTEGER NOT NULL,
      finished_at INTEGER,
      undone_at INTEGER,
      undone_by TEXT
    ) STRICT;
    CREATE INDEX import_batches_started ON import_batches (started_at DESC);
    CREATE INDEX leads_import_batch ON leads (import_batch_id) WHERE import_batch_id IS NOT NULL;

    -- A lead as it was before an import merged into it, so undoing the import can put it back.
    CREATE TABLE import_merge_snapshots (
      batch_id TEXT NOT NULL REFERENCES import_batches(id),
      lead_id TEXT NOT NULL REFERENCES leads(id),
      lead_json TEXT NOT NULL,
      score_model_version INTEGER,
      scored_at INTEGER,
      PRIMARY KEY (batch_id, lead_id)
    ) STRICT;

    CREATE TABLE import_templates (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      headers_key TEXT NOT NULL,
      headers_json TEXT NOT NULL,
      mapping_json TEXT NOT NULL,
      actor TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX import_templates_headers ON import_templates (headers_key);

    -- "Keep both": the new lead is kept and flagged as a possible duplicate of an existing one.
    CREATE TABLE lead_duplicate_flags (
      lead_id TEXT NOT NULL REFERENCES leads(id),
      duplicate_of TEXT NOT NULL REFERENCES leads(id),
      matched_by TEXT NOT NULL,
      batch_id TEXT,
      at INTEGER NOT NULL,
      PRIMARY KEY (lead_id, duplicate_of)
    ) STRICT;
    CREATE INDEX lead_duplicate_flags_of ON lead_duplicate_flags (duplicate_of);

    -- A lead merged away (soft-deleted) points at the lead it was merged into; its assignments stay with it.
    CREATE TABLE lead_merges (
      merged_lead_id TEXT PRIMARY KEY REFERENCES leads(id),
      kept_lead_id TEXT NOT NULL REFERENCES leads(id),
      kept_before_json TEXT NOT NULL,
      merged_json TEXT NOT NULL,
      choices_json TEXT NOT NULL DEFAULT '{}',
      moved_follow_ups INTEGER NOT NULL DEFAULT 0,
      actor TEXT NOT NULL,
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX lead_merges_kept ON lead_merges (kept_lead_id);
  `);
}
