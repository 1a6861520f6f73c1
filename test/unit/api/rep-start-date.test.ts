// A rep's start date through the API: a new rep starts today on the team's clock, and gets no lead before it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Explanation } from '../../../core/domain/distribution/types';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

describe('a rep’s start date through the API', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    // Monday 2026-11-23 20:00 in UTC−5 (01:00 UTC on the 24th).
    t = createTestService(tempDir(), Date.UTC(2026, 10, 24, 1, 0, 0));
  });
  afterEach(() => t.close());

  it('starts a rep added in the evening west of UTC today on the team’s clock, so they take leads at once', async () => {
    await t.client.call('distribution.saveSettings', { utcOffsetMinutes: -300 });
    const rep = await t.client.call('reps.create', { name: '晚到', tier: 'mid' });
    expect(rep.joinedOn).toBe('2026-11-23');
    const lead = await t.client.call('leads.create', { name: '当晚线索' });
    expect(lead.ownerId).toBe(rep.id);
  });

  it('starts a rep added early in the morning east of UTC today, not on the UTC date before', async () => {
    t.clock.now = Date.UTC(2026, 10, 23, 17, 0, 0); // 01:00 on the 24th in UTC+8, the default
    const rep = await t.client.call('reps.create', { name: '早到', tier: 'mid' });
    expect(rep.joinedOn).toBe('2026-11-24');
  });

  it('gives a rep starting next Monday nothing before, saying why, and leads from that local midnight', async () => {
    await t.client.call('distribution.saveSettings', { utcOffsetMinutes: -300 });
    const old = await t.client.call('reps.create', { name: '老员工', tier: 'mid', joinedOn: '2024-01-01' });
    const hire = await t.client.call('reps.create', { name: '新人', tier: 'mid', joinedOn: '2026-11-30' });
    const before: (string | null)[] = [];
    for (let i = 0; i < 3; i += 1)
      before.push((await t.client.call('leads.create', { name: `周一前${i}` })).ownerId);
    expect(before).toEqual([old.id, old.id, old.id]);
    const history = await t.client.call('distribution.history', {
      leadId: (await t.client.call('leads.list', { limit: 1 })).rows[0]?.id ?? '',
    });
    const explanation = history.assignments[0]?.explanation as Explanation;
    expect(explanation.candidates.find((c) => c.repId === hire.id)?.exclusion).toEqual({
      code: 'not-started',
      date: '2026-11-30',
    });
    // Sunday 23:59 local, then Monday 00:00 local (05:00 UTC).
    t.clock.now = Date.UTC(2026, 10, 30, 5, 0, 0) - 60_000;
    expect((await t.client.call('leads.create', { name: '周日深夜' })).ownerId).toBe(old.id);
    t.clock.now = Date.UTC(2026, 10, 30, 5, 0, 0);
    const monday: (string | null)[] = [];
    for (let i = 0; i < 4; i += 1)
      monday.push((await t.client.call('leads.create', { name: `周一${i}` })).ownerId);
    expect(monday).toContain(hire.id);
  });

  it('a replay of those days gives the rep starting Monday nothing before it, as live did', async () => {
    await t.client.call('distribution.saveSettings', { utcOffsetMinutes: -300 });
    const old = await t.client.call('reps.create', { name: '老员工', tier: 'mid', joinedOn: '2024-01-01' });
    const hire = await t.client.call('reps.create', { name: '新人', tier: 'mid', joinedOn: '2026-11-30' });
    // Two leads a day Tuesday to Sunday (10:00 and 11:00 local), none on Monday: the hire is owed none of them.
    for (let day = 24; day <= 29; day += 1)
      for (const hour of [15, 16]) {
        t.clock.now = Date.UTC(2026, 10, day, hour, 0, 0);
        await t.client.call('leads.create', { name: `11-${day} ${hour}` });
      }
    t.clock.now = Date.UTC(2026, 11, 1, 15, 0, 0);
    const roundRobin = [
      {
        id: 'rr',
        name: '轮流',
        enabled: true,
        conditions: [],
        target: { kind: 'everyone' as const },
        method: 'round-robin' as const,
      },
    ];
    const job = await t.client.call('distribution.replay', {
      from: '2026-11-24',
      to: '2026-11-30',
      rules: roundRobin,
    });
    const done = await t.service.jobs.waitFor(job.id);
    expect(done.state).toBe('done');
    const report = done.result as { leadCount: number; a: { perRep: Record<string, { total: number }> } };
    expect(report.leadCount).toBe(12);
    expect(report.a.perRep[old.id]?.total).toBe(12);
    expect(report.a.perRep[hire.id]?.total ?? 0).toBe(0);
  });
});
