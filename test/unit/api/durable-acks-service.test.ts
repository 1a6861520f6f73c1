// The service answers a call that wrote only once its commit is confirmed on disk (and pushes its events only then);
// a call that wrote nothing answers at once; a commit the disk did not confirm is said, never shown as a success.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PushedEvent } from '../../../core/api/contract';
import { createService, type Service } from '../../../core/api/service';
import { openDatabase } from '../../../core/store/open-database';
import { useTempDir } from '../../helpers/temp-dir';

/** A disk whose confirmations the test gives one by one. */
function manualDisk() {
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  return {
    flush: () => new Promise<void>((resolve, reject) => void pending.push({ resolve, reject })),
    get asked() {
      return pending.length;
    },
    confirm: () => pending.shift()?.resolve(),
    fail: (error: Error) => pending.shift()?.reject(error),
  };
}

async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('durable acknowledgements in the service', () => {
  const tempDir = useTempDir();
  let service: Service | null = null;
  afterEach(() => service?.db.close());

  function start() {
    const disk = manualDisk();
    const db = openDatabase(join(tempDir(), 'fairlead.sqlite'));
    service = createService({ db, clock: () => Date.UTC(2026, 10, 23, 2), durableAcks: disk });
    const token = service.openTrustedSession({ role: 'lead' });
    const events: PushedEvent[] = [];
    service.subscribe((event) => events.push(event), { role: 'lead' });
    return { service, disk, token, events };
  }

  it('holds the answer and the pushed events of a write until the disk confirms it', async () => {
    const { service, disk, token, events } = start();
    const answer = service.dispatch('reps.create', { name: '王芳', tier: 'mid' }, { token });
    expect(await isSettled(answer)).toBe(false);
    expect(disk.asked).toBe(1);
    expect(events).toEqual([]);
    // Committed already: another reader sees the rep while the answer waits.
    expect(service.db.prepare('SELECT count(*) FROM reps').pluck().get()).toBe(1);
    disk.confirm();
    const result = await answer;
    expect(result.ok).toBe(true);
    expect(events.map((e) => e.event)).toContain('reps.changed');
  });

  it('answers a call that wrote nothing without asking the disk', async () => {
    const { service, disk, token } = start();
    const result = await service.dispatch('reps.list', {}, { token });
    expect(result.ok).toBe(true);
    expect(disk.asked).toBe(0);
  });

  it('says when the disk did not confirm a write, in both languages, and keeps what was committed', async () => {
    const { service, disk, token } = start();
    const answer = service.dispatch('reps.create', { name: '李强', tier: 'mid' }, { token });
    await isSettled(answer);
    disk.fail(new Error('EIO: i/o error, fdatasync'));
    const result = await answer;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.reason).toBe('common.notOnDisk');
    expect(result.error.message).toContain('EIO');
    expect(service.db.prepare('SELECT count(*) FROM reps').pluck().get()).toBe(1);
  });
});
