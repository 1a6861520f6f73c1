import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadKeysOf } from '../../../core/api/leads/lead-keys';
import { asRepId } from '../../../core/domain/ids';
import { appendAssignment } from '../../../core/store/assignments';
import { insertLead } from '../../../core/store/leads';
import { blankLead } from '../../helpers/blank-lead';
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
