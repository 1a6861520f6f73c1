import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DistributionHost } from '../../../core/api/distribution/distribute-new-leads';
import { recycleLead } from '../../../core/api/sla/recycle';
import { readSlaPolicy } from '../../../core/api/sla/settings';
import { DAY_MS } from '../../../core/domain/clock';
import type { Explanation } from '../../../core/domain/distribution/types';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

describe('recycled leads through the API', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let ids = 0;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  const host = (): DistributionHost => ({
    db: t.service.db,
    actor: { role: 'lead' },
    now: t.clock.now,
    newId: (p) => `${p}_rc${String((ids += 1)).padStart(4, '0')}`,
    emit: () => {},
  });

  function recycle(leadId: string, fromRepId: string, target: 'pool' | 'redistribute') {
    return t.service.db
      .transaction(() =>
        recycleLead(host(), { leadId, fromRepId, reason: 'sla', text: 'no follow-up', target }),
      )
      .immediate();
  }

  async function ownerOf(leadId: string): Promise<string | null> {
    return (await t.client.call('leads.get', { id: leadId })).lead.ownerId;
  }

  async function lastExplanation(leadId: string): Promise<Explanation> {
    const history = await t.client.call('distribution.history', { leadId });
    return history.assignments.at(-1)?.explanation as Explanation;
  }

  it('redistributing twice on a two-rep team never hands the lead back to its first owner within the cool-down', async () => {
    await t.client.call('reps.create', { name: '六', tier: 'mid', joinedOn: '2024-01-01' });
    await t.client.call('reps.create', { name: '七', tier: 'mid', joinedOn: '2024-01-01' });
    const lead = await t.client.call('leads.create', { name: '回收两次' });
    const first = lead.ownerId ?? '';
    const second = recycle(lead.id, first, 'redistribute').toRepId ?? '';
    expect(second).not.toBe(first);
    expect(second).not.toBe('');
    t.clock.now += DAY_MS;
    const third = recycle(lead.id, second, 'redistribute');
    expect(third.toRepId).toBeNull();
    expect(await ownerOf(lead.id)).toBeNull();
    const explanation = await lastExplanation(lead.id);
    expect(explanation.outcome).toBe('pool');
    expect(explanation.exclusionCounts).toEqual({ 'recycled-from': 2 });
    expect(explanation.previousOwners?.map((p) => p.repId)).toEqual([first, second]);
  });

  it('"distribute now" on the pool skips the rep a lead was recycled from, and says so', async () => {
    const a = await t.client.call('reps.create', { name: '甲', tier: 'mid', joinedOn: '2024-01-01' });
    const b = await t.client.call('reps.create', { name: '乙', tier: 'mid', joinedOn: '2024-01-01' });
    const leads = [];
    for (let i = 0; i < 4; i += 1) leads.push(await t.client.call('leads.create', { name: `线索${i}` }));
    for (const lead of leads) recycle(lead.id, lead.ownerId ?? '', 'pool');
    t.clock.now += 60_000;
    const result = await t.client.call('distribution.distribute', { pool: true });
    expect(result.assigned).toBe(4);
    for (const lead of leads) {
      const now = await ownerOf(lead.id);
      expect(now).not.toBe(lead.ownerId);
      expect([a.id, b.id]).toContain(now);
      const explanation = await lastExplanation(lead.id);
      expect(explanation.candidates.find((c) => c.repId === lead.ownerId)?.exclusion).toMatchObject({
        code: 'recycled-from',
        until:
          explanation.previousOwners?.[0]?.at === undefined
            ? -1
            : explanation.previousOwners[0].at + 7 * DAY_MS,
      });
    }
  });

  it('lets the previous owner have the lead again once the team’s cool-down is over', async () => {
    const only = await t.client.call('reps.create', { name: '独', tier: 'mid', joinedOn: '2024-01-01' });
    const lead = await t.client.call('leads.create', { name: '冷却' });
    expect(lead.ownerId).toBe(only.id);
    recycle(lead.id, only.id, 'pool');
    t.clock.now += 6 * DAY_MS;
    // "Test a lead" says the same as distribution would.
    const tested = await t.client.call('distribution.testLead', { leadId: lead.id });
    expect(tested).toMatchObject({ outcome: 'pool', repId: null });
    expect(tested.explanation.exclusionCounts).toEqual({ 'recycled-from': 1 });
    expect((await t.client.call('distribution.distribute', { pool: true })).pooled).toBe(1);
    expect(await ownerOf(lead.id)).toBeNull();
    t.clock.now += 2 * DAY_MS;
    expect((await t.client.call('distribution.distribute', { pool: true })).assigned).toBe(1);
    expect(await ownerOf(lead.id)).toBe(only.id);
  });

  it("counts a replay's recycles, and those the team's policy gives to another rep, in the job's report", async () => {
    await t.client.call('reps.create', { name: '甲', tier: 'mid', joinedOn: '2024-01-01' });
    await t.client.call('reps.create', { name: '乙', tier: 'mid', joinedOn: '2024-01-01' });
    const lead = await t.client.call('leads.create', { name: '回收后重放' });
    t.clock.now += 60 * 60_000;
    recycle(lead.id, lead.ownerId ?? '', 'pool');
    const day = new Date(t.clock.now).toISOString().slice(0, 10);
    const replay = async () => {
      const job = await t.client.call('distribution.replay', { from: day, to: day });
      const done = await t.service.jobs.waitFor(job.id);
      expect(done.state).toBe('done');
      return (done.result as { a: { recycled: number; redistributed: number } }).a;
    };
    expect(await replay()).toMatchObject({ recycled: 1, redistributed: 0 });
    const policy = readSlaPolicy(t.service.db);
    await t.client.call('sla.savePolicy', { policy: { ...policy, recycleTarget: 'redistribute' } });
    expect(await replay()).toMatchObject({ recycled: 1, redistributed: 1 });
  });
});
