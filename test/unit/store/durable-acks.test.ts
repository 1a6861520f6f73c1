// Group commit: a flush waits for a sync that began after it was asked; flushes asked together share one sync; a
// failed sync is said; a real WAL file is synced and let go safely.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createGroupCommit, countConnectionChanges, openDurableAcks } from '../../../core/store/durable-acks';
import { openDatabase } from '../../../core/store/open-database';
import { useTempDir } from '../../helpers/temp-dir';

/** A sync whose completions the test hands out one by one. */
function manualSync() {
  const waiting: ((error: Error | null) => void)[] = [];
  return {
    sync: (done: (error: Error | null) => void) => void waiting.push(done),
    get started() {
      return waiting.length;
    },
    finish(index: number, error: Error | null = null) {
      waiting[index]?.(error);
    },
  };
}

/** Whether `promise` has settled, after every pending reaction ran. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  return settled;
}

describe('group commit', () => {
  const tempDir = useTempDir();

  it('lets a flush asked while a sync runs wait for the next sync, which serves every such flush at once', async () => {
    const disk = manualSync();
    const commit = createGroupCommit(disk.sync);
    const first = commit.flush();
    expect(disk.started).toBe(1);
    const second = commit.flush();
    const third = commit.flush();
    // The running sync may have begun before their commits: it answers only the first.
    expect(disk.started).toBe(1);
    disk.finish(0);
    expect(await isSettled(first)).toBe(true);
    expect(await isSettled(second)).toBe(false);
    expect(disk.started).toBe(2);
    disk.finish(1);
    await Promise.all([second, third]);
    expect(disk.started).toBe(2);
  });

  it('says a failed sync to the flushes it served, and the next flush syncs again', async () => {
    const disk = manualSync();
    const commit = createGroupCommit(disk.sync);
    const failed = commit.flush();
    disk.finish(0, new Error('EIO: i/o error, fdatasync'));
    await expect(failed).rejects.toThrow('EIO');
    const next = commit.flush();
    expect(disk.started).toBe(2);
    disk.finish(1);
    await expect(next).resolves.toBeUndefined();
  });

  it('syncs the WAL file of a real database and lets it go even while a sync runs', async () => {
    const db = openDatabase(join(tempDir(), 'fairlead.sqlite'));
    const acks = openDurableAcks(db);
    const before = countConnectionChanges(db);
    db.exec("INSERT INTO settings (key, value_json, updated_at) VALUES ('durable.test', '1', 0)");
    expect(countConnectionChanges(db)).toBe(before + 1);
    await acks.flush();
    const inFlight = acks.flush();
    acks.close();
    await inFlight;
    await expect(acks.flush()).resolves.toBeUndefined();
    db.close();
  });
});
