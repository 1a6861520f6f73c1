import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../core/store/migrations/index';
import { DBVersionFromFutureError, openDatabase, readSchemaVersion } from '../../../core/store/open-database';
import { useTempDir } from '../../helpers/temp-dir';

describe('migrations', () => {
  const tempDir = useTempDir();

  /** Builds a file at exactly `version` by applying the first `version` migrations, as an older app would have. */
  function databaseAtVersion(path: string, version: number): void {
    const db = new BetterSqlite3(path);
    for (let v = 0; v < version; v += 1) {
      MIGRATIONS[v]?.(db);
      db.pragma(`user_version = ${v + 1}`);
    }
    db.close();
  }

  it('creates a new database at the latest schema version in WAL mode', () => {
    const db = openDatabase(join(tempDir(), 'new.sqlite'));
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // NORMAL (1) for the hub and the desktop alike: openDatabase takes no other (open-database.ts says why).
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.close();
  });

  it.each(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, v) => v))(
    'upgrades a database made at schema version %i to the latest, keeping its rows',
    (version) => {
      const path = join(tempDir(), `v${version}.sqlite`);
      databaseAtVersion(path, version);
      if (version >= 1) {
        const old = new BetterSqlite3(path);
        old
          .prepare(
            "INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES ('rep_old', '老员工', 'mid', '2020-01-01', 1, 1)",
          )
          .run();
        old.close();
      }
      const db = openDatabase(path);
      expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      if (version >= 1)
        expect(db.prepare("SELECT name FROM reps WHERE id = 'rep_old'").get()).toEqual({ name: '老员工' });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    },
  );

  it('refuses a database from a newer Fairlead and leaves the file byte-for-byte untouched', () => {
    const path = join(tempDir(), 'future.sqlite');
    const future = new BetterSqlite3(path);
    future.exec('CREATE TABLE t (x INTEGER)');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    future.close();
    const before = readFileSync(path);

    expect(() => openDatabase(path)).toThrow(DBVersionFromFutureError);
    expect(() => openDatabase(path)).toThrow(/newer than this Fairlead understands/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('keeps assignment history append-only', () => {
    const db = openDatabase(join(tempDir(), 'append.sqlite'));
    db.exec(`
      INSERT INTO leads (id, name, stage, created_at, updated_at) VALUES ('lead_1', 'x', 'raw', 1, 1);
      INSERT INTO assignments (id, lead_id, kind, actor, at) VALUES ('a1', 'lead_1', 'manual', 'team-lead', 1);
    `);
    expect(() => db.exec("UPDATE assignments SET reason = 'changed' WHERE id = 'a1'")).toThrow(/append-only/);
    expect(() => db.exec("DELETE FROM assignments WHERE id = 'a1'")).toThrow(/append-only/);
    db.close();
  });
});
