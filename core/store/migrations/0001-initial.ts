// Schema version 1: reps, leads, settings and the audit log.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion1(db: Database): void {
  db.exec(`
    CREATE TABLE reps (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      email TEXT,
      phone TEXT,
      tier TEXT NOT NULL CHECK (tier IN ('senior', 'mid', 'junior')),
      skills_json TEXT NOT NULL DEFAULT '[]',
      regions_json TEXT NOT NULL DEFAULT '[]',
      weight INTEGER NOT NULL DEFAULT 1 CHECK (weight >= 1),
      cap_open INTEGER CHECK (cap_open IS NULL OR cap_open >= 0),
      cap_daily INTEGER CHECK (cap_daily IS NULL OR cap_daily >= 0),
      is_active INTEGER NOT NULL DEFAULT 1,
      is_out_of_office INTEGER NOT NULL DEFAULT 0,
      leave_json TEXT NOT NULL DEFAULT '[]',
      joined_on TEXT NOT NULL,
      pin_hash TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE leads (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      phone TEXT,
      phone_key TEXT,
      email TEXT,
      email_key TEXT,
      wechat TEXT,
      company TEXT,
      company_key TEXT,
      company_name_key TEXT,
      title TEXT,
      industry TEXT,
      region TEXT,
      company_size INTEGER,
      product TEXT,
      source TEXT,
      campaign TEXT,
      cost_fen INTEGER NOT NULL DEFAULT 0,
      needs TEXT,
      bant_json TEXT NOT NULL DEFAULT '{}',
      custom_json TEXT NOT NULL DEFAULT '{}',
      events_json TEXT NOT NULL DEFAULT '[]',
      stage TEXT NOT NULL,
      won_amount_fen INTEGER,
      lost_reason TEXT,
      closed_at INTEGER,
      owner_id TEXT REFERENCES reps(id),
      score INTEGER,
      grade TEXT CHECK (grade IS NULL OR grade IN ('A', 'B', 'C', 'D')),
      score_model_version INTEGER,
      scored_at INTEGER,
      is_history INTEGER NOT NULL DEFAULT 0,
      import_batch_id TEXT,
      search_text TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    ) STRICT;
    CREATE INDEX leads_queue ON leads (owner_id, stage, score DESC);
    CREATE INDEX leads_phone_key ON leads (phone_key) WHERE phone_key IS NOT NULL;
    CREATE INDEX leads_email_key ON leads (email_key) WHERE email_key IS NOT NULL;
    CREATE INDEX leads_company_key ON leads (company_key) WHERE company_key IS NOT NULL;
    CREATE INDEX leads_company_name_key ON leads (company_name_key) WHERE company_name_key IS NOT NULL;
    CREATE INDEX leads_created ON leads (created_at);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      detail_json TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
  `);
}
