// Schema version 3: versioned scoring models and trained conversion models.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion3(db: Database): void {
  db.exec(`
    CREATE TABLE scoring_models (
      version INTEGER PRIMARY KEY,
      model_json TEXT NOT NULL,
      actor TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE learned_models (
      id TEXT PRIMARY KEY,
      model_json TEXT NOT NULL,
      actor TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE INDEX leads_score_version ON leads (score_model_version);
  `);
}
