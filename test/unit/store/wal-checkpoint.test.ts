// The WAL checkpointer: commits never run SQLite's auto-checkpoint, checkpoints copy the WAL back on another thread,
// and the WAL stays bounded without idle time.
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/store/open-database';
import { startWalCheckpointer } from '../../../core/store/wal-checkpoint';
import { checkpointUntilSettled } from '../../../core/store/wal-checkpoint-worker';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

function openScratch(): { db: ReturnType<typeof openDatabase>; path: string; walPath: string } {
  const path = join(tempDir(), 'wal.sqlite');
  const db = openDatabase(path);
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
  return { db, path, walPath: `${path}-wal` };
}

/**
 * The note bodies the main database file holds on its own: a copy of that file alone, with no -wal beside it, is
 * opened in another folder, so only pages a checkpoint has copied back are read. Taken while `path` is still open
 * (closing the last connection would checkpoint by itself).
 */
function notesInMainFileAlone(path: string): string[] {
  const copy = join(tempDir(), 'main-file-only.sqlite');
  copyFileSync(path, copy);
  expect(existsSync(`${copy}-wal`)).toBe(false);
  const db = new BetterSqlite3(copy, { fileMustExist: true });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notes'").get();
    if (hasTable === undefined) return [];
    return db
      .prepare('SELECT body FROM notes ORDER BY id')
      .pluck()
      .all()
      .map((body) => String(body));
  } finally {
    db.close();
  }
}

/** Counts the checkpoints run on `db`'s own connection from now on. */
function countCheckpointsOf(db: ReturnType<typeof openDatabase>): () => number {
  let count = 0;
  const pragma = db.pragma.bind(db);
  db.pragma = ((source: string, options?: { simple?: boolean }) => {
    if (source.startsWith('wal_checkpoint')) count += 1;
    return pragma(source, options);
  }) as typeof db.pragma;
  return () => count;
}

describe('checkpointUntilSettled', () => {
  /** A connection whose checkpoints answer these rows in turn. */
  const answering = (rows: readonly { busy: number; log: number; checkpointed: number }[]) => {
    let pass = 0;
    return { pragma: () => [rows[pass++]], passes: () => pass };
  };

  it('settles once a pass finds nothing committed since the pass before it began', () => {
    const db = answering([
      { busy: 0, log: 900, checkpointed: 900 },
      { busy: 0, log: 930, checkpointed: 930 },
      { busy: 0, log: 930, checkpointed: 930 },
    ]);
    expect(checkpointUntilSettled(db as never)).toEqual({
      busy: 0,
      log: 930,
      checkpointed: 930,
      isSettled: true,
    });
    expect(db.passes()).toBe(3);
  });

  it('stops unsettled when a pass cannot copy everything (a reader holds old frames)', () => {
    const db = answering([
      { busy: 0, log: 900, checkpointed: 900 },
      { busy: 0, log: 930, checkpointed: 910 },
    ]);
    expect(checkpointUntilSettled(db as never)).toMatchObject({ isSettled: false, checkpointed: 910 });
    expect(db.passes()).toBe(2);
  });

  it('gives up after a few passes when every pass meets new commits', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ busy: 0, log: 900 + i, checkpointed: 900 + i }));
    const db = answering(rows);
    expect(checkpointUntilSettled(db as never)).toMatchObject({ isSettled: false });
    expect(db.passes()).toBeLessThan(20);
  });
});

describe('startWalCheckpointer', () => {
  it('turns off the checkpoint SQLite would run inside a commit', () => {
    const { db } = openScratch();
    const checkpointer = startWalCheckpointer(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    checkpointer.stop();
    db.close();
  });

  it('copies every committed row back into the main database file on checkpoint', () => {
    const { db, path } = openScratch();
    const checkpointer = startWalCheckpointer(db);
    db.prepare('INSERT INTO notes (body) VALUES (?)').run('hello');
    checkpointer.noteWrite();
    // Committed, but so far only in the WAL: the main file alone does not have it.
    expect(notesInMainFileAlone(path)).toEqual([]);
    expect(checkpointer.checkpoint()).toBe(true);
    expect(notesInMainFileAlone(path)).toEqual(['hello']);
    checkpointer.stop();
    db.close();
  });

  it('keeps the WAL near its bound when writes never leave time for the idle checkpoint', () => {
    const { db, walPath } = openScratch();
    const maxWalBytes = 256 * 1024;
    const checkpointer = startWalCheckpointer(db, { maxWalBytes, inBackground: false });
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

  it('keeps the WAL within twice its bound when writes never yield to the background checkpoint', () => {
    const { db, walPath } = openScratch();
    const maxWalBytes = 256 * 1024;
    const checkpointer = startWalCheckpointer(db, { maxWalBytes });
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    for (let i = 0; i < 2_000; i += 1) {
      insert.run('x'.repeat(2_000));
      checkpointer.noteWrite();
    }
    // The thread copies while this one writes, but only this one can finish between writes: it does so at twice
    // the bound.
    expect(statSync(walPath).size).toBeLessThan(2 * maxWalBytes + 64 * 1024 * 4);
    checkpointer.stop();
    db.close();
  });

  it('past its bound, copies the WAL back on another thread while this one goes on', async () => {
    const { db, path, walPath } = openScratch();
    const maxWalBytes = 256 * 1024;
    const checkpointer = startWalCheckpointer(db, { maxWalBytes });
    expect(checkpointer.checkpoint()).toBe(true);
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    let written = 0;
    // The first write starts the WAL over, cut back to the bound; stop at the first size check past it.
    do {
      insert.run(`note ${written}`.padEnd(2_000, '.'));
      written += 1;
      checkpointer.noteWrite();
    } while (statSync(walPath).size <= maxWalBytes || written % 16 !== 0);
    // The 16th write's size check started the checkpoint and answered at once: the rows are not copied yet.
    expect(notesInMainFileAlone(path)).toEqual([]);
    const sizeBefore = statSync(path).size;
    // This thread never yields from here until the database file has grown: another thread copies the pages.
    const deadline = performance.now() + 20_000;
    while (statSync(path).size === sizeBefore && performance.now() < deadline);
    expect(statSync(path).size).toBeGreaterThan(sizeBefore);
    await checkpointer.whenIdle();
    expect(notesInMainFileAlone(path)).toHaveLength(written);
    checkpointer.stop();
    db.close();
  });

  it('starts the WAL over while writes keep coming, with no checkpoint on the writing thread', async () => {
    const { db, walPath } = openScratch();
    const maxWalBytes = 256 * 1024;
    const checkpointer = startWalCheckpointer(db, { maxWalBytes });
    expect(checkpointer.checkpoint()).toBe(true);
    const onThisThread = countCheckpointsOf(db);
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    let written = 0;
    const write = () => {
      insert.run(`note ${written}`.padEnd(2_000, '.'));
      written += 1;
      checkpointer.noteWrite();
    };
    do write();
    while (statSync(walPath).size <= maxWalBytes || written % 16 !== 0);
    // A busy hub's pace, a write every few ms, until one finds the WAL started over (cut back to the bound).
    const deadline = performance.now() + 20_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 5));
      write();
    } while (statSync(walPath).size > maxWalBytes && performance.now() < deadline);
    expect(statSync(walPath).size).toBeLessThanOrEqual(maxWalBytes);
    expect(onThisThread()).toBe(0);
    checkpointer.stop();
    db.close();
  });

  it('without the background thread, past its bound checkpoints right after the call instead of inside it', async () => {
    const { db, path, walPath } = openScratch();
    const maxWalBytes = 256 * 1024;
    const checkpointer = startWalCheckpointer(db, { maxWalBytes, inBackground: false });
    // The migrations left a WAL of their own: start from an empty one.
    expect(checkpointer.checkpoint()).toBe(true);
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    let written = 0;
    // Stop writing just before the first size check past the bound (checks come every 16 writes).
    while (statSync(walPath).size <= maxWalBytes || written % 16 !== 15) {
      insert.run(`note ${written}`.padEnd(2_000, '.'));
      written += 1;
      checkpointer.noteWrite();
      if (written % 16 === 0) expect(notesInMainFileAlone(path)).toEqual([]);
    }
    insert.run('last');
    checkpointer.noteWrite();
    // The write that noticed answered without copying anything back.
    expect(notesInMainFileAlone(path)).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(notesInMainFileAlone(path)).toHaveLength(written + 1);
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
