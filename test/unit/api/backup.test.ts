// Backups through the API: back up now, list, restore (with a copy of the current file first), retention, scheduler.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsDirOf, checkFileIntegrity } from '../../../core/api/backups/backup-files';
import { planBackupRetention, type BackupStamp } from '../../../core/api/backups/backup-retention';
import { startBackupScheduler } from '../../../core/api/backups/backup-scheduler';
import { ApiError } from '../../../core/api/errors';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { seedLead } from './import-helpers';

const DAY = 86_400_000;

describe('backups', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  async function refusal(promise: Promise<unknown>): Promise<ApiError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }

  it('backs up now into a verified copy beside the database and lists it', async () => {
    seedLead(t.service, { name: '张伟' });
    const backup = await t.client.call('backups.create', {});
    expect(backup).toMatchObject({ kind: 'manual', at: t.clock.now });
    const path = join(backupsDirOf(t.service.db), backup.id);
    expect(checkFileIntegrity(path).isOk).toBe(true);
    const list = await t.client.call('backups.list', {});
    expect(list.map((b) => b.id)).toEqual([backup.id]);
    expect(list[0]?.sizeBytes).toBeGreaterThan(0);
  });

  it('restores a backup into the live database after copying the current one', async () => {
    seedLead(t.service, { name: '备份前' });
    const backup = await t.client.call('backups.create', {});
    seedLead(t.service, { name: '备份后' });
    t.clock.now += 60_000;
    const restored = await t.client.call('backups.restore', { id: backup.id });
    expect(restored.restoredFrom).toBe(backup.id);
    expect((await t.client.call('leads.list', {})).rows.map((l) => l.name)).toEqual(['备份前']);
    const list = await t.client.call('backups.list', {});
    const safety = list.find((b) => b.id === restored.preRestoreBackup);
    expect(safety?.kind).toBe('pre-restore');
    // The copy taken before restoring holds what was there: restoring it brings 备份后 back.
    t.clock.now += 60_000;
    await t.client.call('backups.restore', { id: restored.preRestoreBackup });
    const names = (await t.client.call('leads.list', { sort: 'name' })).rows.map((l) => l.name).sort();
    expect(names).toEqual(['备份前', '备份后'].sort());
    expect(t.service.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.service.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('keeps working normally after a restore (writes go to the restored database)', async () => {
    const backup = await t.client.call('backups.create', {});
    await t.client.call('backups.restore', { id: backup.id });
    const rep = await t.client.call('reps.create', { name: '恢复后', tier: 'mid' });
    expect((await t.client.call('reps.list', {})).map((r) => r.id)).toEqual([rep.id]);
  });

  it('refuses a damaged backup and leaves the database alone', async () => {
    seedLead(t.service, { name: '张伟' });
    const backup = await t.client.call('backups.create', {});
    writeFileSync(join(backupsDirOf(t.service.db), backup.id), Buffer.alloc(8192, 7));
    const error = await refusal(t.client.call('backups.restore', { id: backup.id }));
    expect(error.field).toBe('id');
    expect((await t.client.call('leads.list', {})).total).toBe(1);
  });

  it.each([
    ['a path', { id: '../fairlead.sqlite' }, 'id', 'invalid_input'],
    ['an unknown backup', { id: 'fairlead-manual-20260101-000000.sqlite' }, 'id', 'not_found'],
    ['no id', {}, 'id', 'invalid_input'],
  ])('refuses to restore %s, naming the field', async (_label, input, field, code) => {
    const error = await refusal(t.client.call('backups.restore', input as never));
    expect(error).toMatchObject({ code, field });
  });

  it('takes one automatic backup a day', async () => {
    const scheduler = startBackupScheduler({
      db: t.service.db,
      clock: () => t.clock.now,
      firstDelayMs: 1e9,
      intervalMs: 1e9,
    });
    try {
      expect(await scheduler.runOnce()).toMatch(/^fairlead-daily-/);
      expect(await scheduler.runOnce()).toBeNull();
      t.clock.now += DAY;
      expect(await scheduler.runOnce()).toMatch(/^fairlead-daily-/);
      const list = await t.client.call('backups.list', {});
      expect(list.filter((b) => b.kind === 'daily')).toHaveLength(2);
      for (const b of list) expect(existsSync(join(backupsDirOf(t.service.db), b.id))).toBe(true);
    } finally {
      scheduler.stop();
    }
  });
});

describe('backup retention', () => {
  const start = Date.UTC(2026, 0, 5, 4, 0, 0); // a Monday, noon in China
  const daily = (days: number): BackupStamp[] =>
    Array.from({ length: days }, (_, i) => ({ id: `d${i}`, kind: 'daily' as const, at: start + i * DAY }));

  it('keeps the last 7 daily and 4 weekly backups and nothing else', () => {
    const plan = planBackupRetention(daily(60), 480);
    const kept = [...plan].filter(([, why]) => why !== null);
    const dailyKept = kept.filter(([, why]) => why === 'daily' || why === 'daily+weekly').map(([id]) => id);
    expect(dailyKept).toEqual(['d59', 'd58', 'd57', 'd56', 'd55', 'd54', 'd53']);
    const weeklyKept = kept.filter(([, why]) => why === 'weekly' || why === 'daily+weekly').map(([id]) => id);
    expect(weeklyKept).toHaveLength(4);
    expect(kept.length).toBeLessThanOrEqual(11);
  });

  it('does not depend on the order backups are listed in', () => {
    const stamps = daily(40);
    const forward = planBackupRetention(stamps, 480);
    const backward = planBackupRetention([...stamps].reverse(), 480);
    expect([...backward].sort()).toEqual([...forward].sort());
  });

  it('keeps the newest manual copies by count', () => {
    const manual = Array.from({ length: 12 }, (_, i) => ({
      id: `m${i}`,
      kind: 'manual' as const,
      at: start + i,
    }));
    const plan = planBackupRetention(manual, 480);
    expect([...plan].filter(([, why]) => why === null).map(([id]) => id)).toEqual(['m1', 'm0']);
  });
});
