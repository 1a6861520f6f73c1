// The WAL checkpointer: commits never run SQLite's auto-checkpoint, and the WAL stays bounded without idle time.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/store/open-database';
import { startWalCheckpointer } from '../../../core/store/wal-checkpoint';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

function openScratch(): { db: ReturnType<typeof openDatabase>; walPath: string } {
  const path = join(tempDir(), 'wal.sqlite');
  const db = openDatabase(path);
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
  return { db, walPath: `${path}-wal` };
}

describe('startWalCheckpointer', () => {
  it('turns off the checkpoint SQLite would run inside a commit', () => {
    const { db } = openScratch();
    const checkpointer = startWalCheckpointer(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    checkpointer.stop();
    db.close();
  });

  it('copies every committed page back to the database on checkpoint', () => {
    const { db } = openScratch();
    const checkpointer = startWalCheckpointer(db);
    db.prepare('INSERT INTO notes (body) VALUES (?)').run('hello');
    checkpointer.noteWrite();
    expect(checkpointer.checkpoint()).toBe(true);
    checkpointer.stop();
    db.close();
  });

  it('keeps the WAL near its bound when writes never leave time for the idle checkpoint', () => {
    const { db, walPath } = openScratch();
    const maxWalBytes = 256 * 1024;
    const checkpointer = startWalCheckpointer(db, { maxWalBytes });
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    for (let i = 0; i < 2_000; i += 1) {
      insert.run('x'.repeat(2_000));
      checkpointer.noteWrite();
    }
    // Between size checks a few more transactions may land: one page-sized frame or so each.
    expect(statSync(walPath).size).toBeLessThan(maxWalBytes + 64 * 1024 * 4);
    checkpointer.stop();
    db.close();
  });

  it('leaves an in-memory database alone', () => {
    const db = openDatabase(':memory:');
    startWalCheckpointer(db).noteWrite();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).not.toBe(0);
    db.close();
  });
});
