// Schema version 7: who is calling — sessions, sign-in lockouts, paired devices and pairing codes (issue 13).
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion7(db: Database): void {
  db.exec(`
    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      person TEXT NOT NULL,
      device_id TEXT,
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      revoked_at INTEGER,
      revoked_reason TEXT
    ) STRICT;
    CREATE INDEX sessions_person ON sessions (person, revoked_at);
    CREATE INDEX sessions_device ON sessions (device_id);

    CREATE TABLE sign_in_failures (
      person TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      locked_until INTEGER NOT NULL,
      last_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      person TEXT NOT NULL,
      name TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER,
      last_address TEXT,
      revoked_at INTEGER
    ) STRICT;

    CREATE TABLE pairing_codes (
      code_hash TEXT PRIMARY KEY,
      person TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      used_at INTEGER,
      failures INTEGER NOT NULL DEFAULT 0
    ) STRICT;
  `);
}
