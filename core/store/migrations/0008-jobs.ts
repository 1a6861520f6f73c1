// Schema version 8: background jobs are rows, so a restart can resume each one or close it as failed (issue 12).
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion8(db: Database): void {
  db.exec(`
    CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      actor TEXT NOT NULL,
      state TEXT NOT NULL,
      done INTEGER NOT NULL,
      total INTEGER NOT NULL,
      message TEXT,
      params_json TEXT NOT NULL,
      result_json TEXT,
      error_json TEXT,
      started_at INTEGER NOT NULL,
      finished_at INTEGER
    ) STRICT;
    CREATE INDEX jobs_state ON jobs (state);
    CREATE INDEX jobs_started ON jobs (started_at);
  `);
}
