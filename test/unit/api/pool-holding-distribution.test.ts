// Distribution respects the public pools' holding cap (库容) as claims do: the engine passes over a rep at the cap
// (its explanation names the cap and the pool), and the team lead's reassign to that rep is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PoolSettings } from '../../../core/api/pool/schemas';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { beijing, plainPolicy } from './work-fixtures';

async function settingsOf(t: TestService): Promise<PoolSettings> {
  const pool = (await t.client.call('pool.pools', {})).pools.find((p) => p.id === 'pool_default');
  if (!pool) throw new Error('no default pool');
  const { id: _id, isDefault: _d, ...settings } = pool;
  return settings;
}

describe('the pool holding cap binds distribution', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let wang: string;
  let li: string;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    wang = (await t.client.call('reps.create', { name: '王芳', tier: 'mid' })).id;
    li = (await t.client.call('reps.create', { name: '李强', tier: 'mid' })).id;
    const base = await settingsOf(t);
    await t.client.call('pool.savePool', {
      id: 'pool_default',
      settings: { ...base, caps: { ...base.caps, holding: 1 } },
    });
  });
  afterEach(() => t.close());

  it('passes over reps at the cap, naming the cap and the pool, and leaves the lead in the pool', async () => {
    const owners: (string | null)[] = [];
    const ids: string[] = [];
    for (const name of ['陈静', '周杰', '赵敏']) {
      const lead = await t.client.call('leads.create', { name });
      ids.push(lead.id);
      owners.push((await t.client.call('leads.get', { id: lead.id })).lead.ownerId);
    }
    expect(owners.slice(0, 2).sort()).toEqual([wang, li].sort());
    expect(owners[2]).toBeNull();
    const third = await t.client.call('leads.get', { id: ids[2] ?? '' });
    const latest = third.assignments.at(-1);
    expect(JSON.stringify(latest?.explanation)).toContain('"code":"holding-cap"');
    expect(JSON.stringify(latest?.explanation)).toContain('"cap":1');
    expect(JSON.stringify(latest?.explanation)).toContain('"pool":"');
  });

  it('refuses the team lead reassigning a lead to a rep at the cap, naming the cap', async () => {
    const first = await t.client.call('leads.create', { name: '陈静' });
    const owner = (await t.client.call('leads.get', { id: first.id })).lead.ownerId;
    const other = owner === wang ? li : wang;
    const second = await t.client.call('leads.create', { name: '周杰' });
    expect((await t.client.call('leads.get', { id: second.id })).lead.ownerId).toBe(other);
    await expect(
      t.client.call('distribution.reassign', { leadIds: [second.id], toRepId: owner, reason: '调整' }),
    ).rejects.toMatchObject({ reason: 'pool.holdingCap', details: { cap: 'holding', limit: 1, holding: 1 } });
    // Back to the pool first, then to the rep with room: allowed.
    await t.client.call('distribution.reassign', { leadIds: [first.id], toRepId: null, reason: '调整' });
    expect(
      await t.client.call('distribution.reassign', { leadIds: [second.id], toRepId: owner, reason: '调整' }),
    ).toEqual({ count: 1 });
  });
});
