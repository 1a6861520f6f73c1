import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadKeysOf } from '../../../core/api/leads/lead-keys';
import { asRepId } from '../../../core/domain/ids';
import { appendAssignment } from '../../../core/store/assignments';
import { insertLead } from '../../../core/store/leads';
import { blankLead } from '../../helpers/blank-lead';
import { monthShares, runLoadBalancedJune } from '../../helpers/month-of-leads';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

/** Noon in China (UTC+8, the default offset) on a June 2026 day. */
const juneNoon = (day: number) => Date.UTC(2026, 5, day, 4, 0, 0);

describe('distribution.fairness counts a month right', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let serial = 0;
  beforeEach(() => {
    t = createTestService(tempDir(), Date.UTC(2026, 6, 1, 2, 0, 0));
  });
  afterEach(() => t.close());

  function give(
    repId: string,
    day: number,
    kind: 'auto' | 'claim' | 'manual' | 'recycle',
    grade: 'A' | 'C',
  ): string {
    const id = `f-${(serial += 1)}`;
    const lead = blankLead(id, {
      name: id,
      grade,
      ownerId: asRepId(repId),
      createdAt: juneNoon(day),
      updatedAt: juneNoon(day),
    });
    insertLead(t.service.db, lead, leadKeysOf(lead), {
      importBatchId: null,
      scoreModelVersion: null,
      scoredAt: null,
    });
    appendAssignment(t.service.db, {
      id: `asg-${id}`,
      leadId: id,
      repId,
      kind,
      ruleId: null,
      reason: 'test',
      explanation: kind === 'auto' ? { grade } : { kind },
      actor: 'test',
      at: juneNoon(day),
    });
    return id;
  }

  it('reads a rep on two weeks’ leave, a mid-month joiner and a rep who left as fair when each got the same per available day', async () => {
    const create = (name: string, extra: object = {}) =>
      t.client.call('reps.create', { name, tier: 'mid', joinedOn: '2024-01-01', ...extra });
    const full = await create('全勤');
    const leave = await create('休假', { leave: [{ from: '2026-06-08', to: '2026-06-21' }] });
    const joiner = await create('新人', { joinedOn: '2026-06-16' });
    const leaver = await create('离职');
    const regraded: string[] = [];
    for (let day = 1; day <= 30; day += 1) {
      regraded.push(give(full.id, day, 'auto', day % 2 ? 'A' : 'C'));
      if (day < 8 || day > 21) give(leave.id, day, 'auto', day % 2 ? 'A' : 'C');
      if (day >= 16) give(joiner.id, day, 'auto', day % 2 ? 'A' : 'C');
      if (day <= 10) give(leaver.id, day, 'auto', day % 2 ? 'A' : 'C');
    }
    // Shown apart, never "received": a claim, a manual move and a redistribution after a recycle.
    give(full.id, 3, 'claim', 'A');
    give(full.id, 4, 'manual', 'A');
    give(full.id, 5, 'recycle', 'A');
    // Left the team at mid-month (deactivated in the store: where its open leads went is another story).
    t.service.db.prepare('UPDATE reps SET is_active = 0 WHERE id = ?').run(leaver.id);
    // Re-grading a lead later does not change the grade it was counted at.
    t.service.db
      .prepare("UPDATE leads SET grade = 'A' WHERE id IN (" + regraded.map(() => '?').join(',') + ')')
      .run(...regraded);

    const figures = await t.client.call('distribution.fairness', { from: '2026-06-01', to: '2026-06-30' });
    expect(figures).toMatchObject({
      from: '2026-06-01',
      to: '2026-06-30',
      availabilityAdjusted: true,
      repCount: 4,
    });
    expect(figures.perRep[full.id]).toMatchObject({
      total: 30,
      availableDays: 30,
      ratio: 1,
      byGrade: { A: 15, C: 15 },
    });
    expect(figures.perRep[leave.id]).toMatchObject({ total: 16, availableDays: 16, ratio: 1 });
    expect(figures.perRep[joiner.id]).toMatchObject({ total: 15, availableDays: 15, ratio: 1 });
    expect(figures.perRep[leaver.id]).toMatchObject({ total: 10, availableDays: 10, ratio: 1 });
    expect(figures.apart[full.id]).toEqual({ claims: 1, manual: 1, recycles: 1 });
    expect(figures.workloadStdDev).toBeCloseTo(0, 9);
    // The joiner's 15 days hold 7 odd (A) days against 8 even: a hair less than half, as given.
    expect(figures.abGini).toBeGreaterThan(0);
    expect(figures.abGini).toBeLessThan(0.02);
  });
});

describe('live distribution is vacation-neutral for load-based rules', () => {
  const tempDir = useTempDir();
  let t: TestService;
  /** 09:00 in China (UTC+8, the default offset) on a June 2026 day. */
  const juneMorning = (day: number) => Date.UTC(2026, 5, day, 1, 0, 0);
  beforeEach(() => {
    t = createTestService(tempDir(), juneMorning(1));
  });
  afterEach(() => t.close());

  it('a rep back from two weeks of leave takes the same share per day as the others: no flood, no drought (June, lead by lead)', async () => {
    const ids: Record<string, string> = {};
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      const leave = name === 'c' ? [{ from: '2026-06-08', to: '2026-06-21' }] : [];
      ids[name] = (
        await t.client.call('reps.create', { name, tier: 'mid', joinedOn: '2024-01-01', leave })
      ).id;
    }
    const tally = await runLoadBalancedJune(t);
    const { sum, peerMean, near } = monthShares(tally, ids, ['a', 'b', 'd', 'e']);
    expect(sum('c', 7, 21)).toBe(0);
    near(sum('c', 21, 24), peerMean(21, 24), 'first three days back');
    near(sum('c', 21, 28), peerMean(21, 28), 'first week back');
    near(sum('c', 21, 28), sum('c', 0, 7), 'the week back against the week before');
    // The ledger on the Transparency page owes c what the engine gave: its 16 available days' share.
    const ledger = await t.client.call('distribution.ledger', { from: '2026-06-01', to: '2026-06-30' });
    const row = ledger.rows.find((r) => r.repId === ids['c']);
    expect(row?.availableDays).toBe(16);
    near(row?.total.received ?? 0, row?.total.expected ?? 0, 'c received against the ledger');
  });

  it('a new rep with a smaller cap takes leads at their cap’s pace from the day they join: not starved (June, lead by lead)', async () => {
    // Load-based rules fill reps in proportion to their caps: the four peers (cap 40) hold twice what a junior
    // with cap 20 holds. A junior joining mid-month is charged, for the days before, what a cap-20 rep would
    // hold, not a cap-40 rep's equal share: with that, they got 5 leads in their first week against 9.9.
    const ids: Record<string, string> = {};
    for (const name of ['a', 'b', 'd', 'e', 'n'])
      ids[name] = (
        await t.client.call('reps.create', {
          name,
          tier: name === 'n' ? 'junior' : 'mid',
          joinedOn: name === 'n' ? '2026-06-16' : '2024-01-01',
          capOpen: name === 'n' ? 20 : 40,
        })
      ).id;
    const tally = await runLoadBalancedJune(t);
    const { sum, peerMean, near } = monthShares(tally, ids, ['a', 'b', 'd', 'e']);
    expect(sum('n', 0, 15)).toBe(0);
    near(sum('n', 15, 22), peerMean(15, 22) / 2, 'first week, half a peer’s');
    near(sum('n', 15, 30), peerMean(15, 30) / 2, 'the weeks after joining, half a peer’s');
  });
});
