// Schema version 12 (migration 0012): several public pools. The single pool becomes the default pool (open to all, the team's
// claim limit and cool-down as before), every existing claim is counted against it, and leads can carry a
// protection lock. Pooled leads need no move: a lead's pool is decided by the pools' entry rules, and the default
// pool takes every lead no other pool takes.
import type { Database } from 'better-sqlite3';

/** The default pool as the single pool was; config is validated when read, so this literal is frozen here. */
const DEFAULT_POOL_CONFIG = {
  entry: { regions: [], industries: [], grades: [], sources: [] },
  isOpenToAll: true,
  memberRepIds: [],
  adminRepIds: [],
  caps: { claimDaily: null, holding: null, byTier: {}, exemptRepIds: [] },
  locks: { maxPerRep: 5, days: 14 },
  coolDownDays: null,
  embargoMinutes: 0,
  masksContacts: true,
  recycle: {
    rules: [{ kind: 'no_follow_up', days: { A: null, B: null, C: null, D: null, ungraded: null } }],
    exemptHasOpportunity: true,
    exemptWon: true,
    exemptLocked: true,
    warnHours: 24,
  },
};

export function updateToSchemaVersion12(db: Database): void {
  db.exec(`
    CREATE TABLE pools (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      position INTEGER NOT NULL,
      is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
      config_json TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX pools_one_default ON pools (is_default) WHERE is_default = 1 AND deleted_at IS NULL;

    ALTER TABLE pool_claims ADD COLUMN pool_id TEXT NOT NULL DEFAULT 'pool_default';
    CREATE INDEX pool_claims_rep_pool ON pool_claims (rep_id, pool_id, at);

    CREATE TABLE lead_locks (
      id TEXT PRIMARY KEY,
      lead_id TEXT NOT NULL REFERENCES leads(id),
      rep_id TEXT NOT NULL,
      pool_id TEXT NOT NULL,
      locked_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      released_at INTEGER,
      changed_by TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX lead_locks_open ON lead_locks (lead_id) WHERE released_at IS NULL;
    CREATE INDEX lead_locks_rep ON lead_locks (rep_id, expires_at) WHERE released_at IS NULL;
  `);
  const now = (db.prepare('SELECT coalesce(max(updated_at), 0) AS t FROM settings').get() as { t: number }).t;
  db.prepare(
    `INSERT INTO pools (id, name, position, is_default, config_json, created_at, updated_at)
     VALUES ('pool_default', '公海', 0, 1, ?, ?, ?)`,
  ).run(JSON.stringify(DEFAULT_POOL_CONFIG), now, now);
}
