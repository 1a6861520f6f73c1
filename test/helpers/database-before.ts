// A database file at the schema version just before one migration: the rows a migration's backfill is tested on.
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'vitest';
import { MIGRATIONS } from '../../core/store/migrations/index';

/** Opens `path` migrated up to, not including, `migration` (an entry of MIGRATIONS). */
export function openDatabaseBefore(
  path: string,
  migration: (typeof MIGRATIONS)[number],
): BetterSqlite3.Database {
  const before = MIGRATIONS.indexOf(migration);
  expect(before).toBeGreaterThan(0);
  const db = new BetterSqlite3(path);
  for (let v = 0; v < before; v += 1) {
    MIGRATIONS[v]?.(db);
    db.pragma(`user_version = ${v + 1}`);
  }
  return db;
}
