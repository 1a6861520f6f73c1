// Several pools through the API with a fake clock: a lead goes to the first pool whose entry rules it matches,
// members only, the daily claim cap and the holding cap per pool and tier (locked leads apart, exemptions), a
// hand-over by the team lead within the holding cap, the embargo and the cool-down, each at its exact boundary.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '../../../core/domain/clock';
import type { PoolSettings } from '../../../core/api/pool/schemas';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { assignLead, beijing, plainPolicy, repClient } from './work-fixtures';
import { findLeadById } from '../../../core/store/leads';
import { inTransaction } from '../../../core/store/sql';
import { setLeadOwnerIf } from '../../../core/store/work-leads';

async function pooledLead(t: TestService, name: string, region: string | null = null): Promise<string> {
  const lead = await t.client.call('leads.create', { name, region, phone: '13800138000' });
  const owner = findLeadById(t.service.db, lead.id)?.ownerId ?? null;
  if (owner !== null)
    inTransaction(t.service.db, () => setLeadOwnerIf(t.service.db, lead.id, owner, null, t.clock.now));
  return lead.id;
}

async function settingsOf(t: TestService, id = 'pool_default'): Promise<PoolSettings> {
  const pool = (await t.client.call('pool.pools', {})).pools.find((p) => p.id === id);
  if (!pool) throw new Error(`no pool ${id}`);
  const { id: _id, isDefault: _d, ...settings } = pool;
  return settings;
}

describe('several pools, their caps, embargo and cool-down', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let wang: string;
  let li: string;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    wang = (await t.client.call('reps.create', { name: '王芳', tier: 'junior' })).id;
    li = (await t.client.call('reps.create', { name: '李强', tier: 'senior' })).id;
  });
  afterEach(() => t.close());

  it('starts with the default pool alone, open to all, masking contacts', async () => {
    const { pools } = await t.client.call('pool.pools', {});
    expect(pools.map((p) => [p.id, p.isDefault, p.isOpenToAll, p.masksContacts])).toEqual([
      ['pool_default', true, true, true],
    ]);
  });

  it('puts a lead matching several pools in the first, and the rest in the default pool', async () => {
    const base = await settingsOf(t);
    const entry = { ...base.entry, regions: ['上海'] };
    const first = await t.client.call('pool.savePool', {
      settings: { ...base, name: '上海一', position: 1, entry },
    });
    const second = await t.client.call('pool.savePool', {
      settings: { ...base, name: '上海二', position: 2, entry },
    });
    const sh = await pooledLead(t, '陈静', '上海');
    const bj = await pooledLead(t, '周杰', '北京');
    const ids = async (poolId: string) =>
      (await t.client.call('pool.list', { poolId })).rows.map((r) => r.id);
    expect(await ids(first.id)).toEqual([sh]);
    expect(await ids(second.id)).toEqual([]);
    expect(await ids('pool_default')).toEqual([bj]);
  });

  it('lets only members and admins list or claim from a members-only pool', async () => {
    const base = await settingsOf(t);
    const vip = await t.client.call('pool.savePool', {
      settings: {
        ...base,
        name: 'VIP',
        position: 1,
        isOpenToAll: false,
        memberRepIds: [li],
        entry: { ...base.entry, regions: ['上海'] },
      },
    });
    const lead = await pooledLead(t, '陈静', '上海');
    await expect(repClient(t, wang).call('pool.list', { poolId: vip.id })).rejects.toMatchObject({
      reason: 'pool.notMember',
    });
    await expect(repClient(t, wang).call('pool.claim', { leadId: lead })).rejects.toMatchObject({
      reason: 'pool.notMember',
    });
    expect((await repClient(t, wang).call('pool.pools', {})).pools.map((p) => p.id)).toEqual([
      'pool_default',
    ]);
    await expect(repClient(t, li).call('pool.claim', { leadId: lead })).resolves.toMatchObject({
      ownerId: li,
    });
  });

  it('allows exactly the tier’s daily claims from a pool and refuses the next naming the cap', async () => {
    const base = await settingsOf(t);
    await t.client.call('pool.savePool', {
      id: 'pool_default',
      settings: { ...base, caps: { ...base.caps, claimDaily: 5, byTier: { junior: { claimDaily: 2 } } } },
    });
    const leads = [await pooledLead(t, 'A1'), await pooledLead(t, 'A2'), await pooledLead(t, 'A3')];
    const rc = repClient(t, wang);
    await rc.call('pool.claim', { leadId: leads[0]! });
    await rc.call('pool.claim', { leadId: leads[1]! });
    const refusal = rc.call('pool.claim', { leadId: leads[2]! });
    await expect(refusal).rejects.toMatchObject({
      reason: 'pool.dailyLimit',
      details: { cap: 'claimDaily', limit: 2, pool: '公海' },
    });
    await expect(refusal).rejects.toThrow(/Daily claim cap of pool “公海”/);
    expect(await rc.call('pool.list', {})).toMatchObject({ claimsToday: 2, claimDailyLimit: 2 });
    // A new local day (Beijing midnight) starts a new count.
    t.clock.now = beijing(24, 0);
    await expect(rc.call('pool.claim', { leadId: leads[2]! })).resolves.toMatchObject({ ownerId: wang });
  });

  it('refuses a claim past the holding cap, counts locked leads apart, and exempts a listed rep', async () => {
    const base = await settingsOf(t);
    await t.client.call('pool.savePool', {
      id: 'pool_default',
      settings: { ...base, caps: { ...base.caps, holding: 2 }, locks: { maxPerRep: 1, days: 14 } },
    });
    const leads = await Promise.all(['H1', 'H2', 'H3', 'H4'].map((n) => pooledLead(t, n)));
    const rc = repClient(t, wang);
    await rc.call('pool.claim', { leadId: leads[0]! });
    await rc.call('pool.claim', { leadId: leads[1]! });
    await expect(rc.call('pool.claim', { leadId: leads[2]! })).rejects.toMatchObject({
      reason: 'pool.holdingCap',
      details: { cap: 'holding', limit: 2, holding: 2 },
    });
    await rc.call('pool.lock', { leadId: leads[0]! });
    expect(await rc.call('pool.list', {})).toMatchObject({ holding: 1, holdingLimit: 2 });
    await expect(rc.call('pool.claim', { leadId: leads[2]! })).resolves.toMatchObject({ ownerId: wang });
    await t.client.call('pool.savePool', {
      id: 'pool_default',
      settings: { ...(await settingsOf(t)), caps: { ...base.caps, holding: 2, exemptRepIds: [wang] } },
    });
    await expect(rc.call('pool.claim', { leadId: leads[3]! })).resolves.toMatchObject({ ownerId: wang });
  });

  it('refuses the team lead’s hand-over that would break the rep’s holding cap, naming it', async () => {
    const base = await settingsOf(t);
    await t.client.call('pool.savePool', {
      id: 'pool_default',
      settings: { ...base, caps: { ...base.caps, holding: 1 } },
    });
    const [a, b] = [await pooledLead(t, 'M1'), await pooledLead(t, 'M2')];
    await expect(t.client.call('pool.assign', { leadId: a, repId: li })).resolves.toMatchObject({
      ownerId: li,
    });
    const refusal = t.client.call('pool.assign', { leadId: b, repId: li });
    await expect(refusal).rejects.toMatchObject({
      reason: 'pool.holdingCap',
      details: { rep: '李强', limit: 1 },
    });
    await expect(refusal).rejects.toThrow(/Holding cap of pool “公海”: 李强 already holds 1/);
  });

  it('embargoes a newly pooled lead until exactly N minutes after it arrived', async () => {
    const base = await settingsOf(t);
    await t.client.call('pool.savePool', { id: 'pool_default', settings: { ...base, embargoMinutes: 10 } });
    const lead = await pooledLead(t, '陈静');
    const arrived = t.clock.now;
    const rc = repClient(t, wang);
    t.clock.now = arrived + 10 * MINUTE_MS - 1;
    await expect(rc.call('pool.claim', { leadId: lead })).rejects.toMatchObject({
      reason: 'pool.embargo',
      details: { minutes: 10, until: arrived + 10 * MINUTE_MS },
    });
    expect((await rc.call('pool.list', {})).rows[0]?.embargoUntil).toBe(arrived + 10 * MINUTE_MS);
    t.clock.now = arrived + 10 * MINUTE_MS;
    await expect(rc.call('pool.claim', { leadId: lead })).resolves.toMatchObject({ ownerId: wang });
  });

  it('keeps a recycled lead from its previous owner until exactly N days after, not from others', async () => {
    const base = await settingsOf(t);
    await t.client.call('pool.savePool', { id: 'pool_default', settings: { ...base, coolDownDays: 3 } });
    const lead = await pooledLead(t, '陈静');
    assignLead(t, lead, wang);
    const recycledAt = t.clock.now;
    expect(await t.client.call('stale.recycle', { leadIds: [lead] })).toEqual({ recycled: 1 });
    t.clock.now = recycledAt + 3 * DAY_MS - 1;
    await expect(repClient(t, wang).call('pool.claim', { leadId: lead })).rejects.toMatchObject({
      reason: 'pool.coolingDown',
      details: { days: 3 },
    });
    t.clock.now = recycledAt + 3 * DAY_MS;
    await expect(repClient(t, wang).call('pool.claim', { leadId: lead })).resolves.toMatchObject({
      ownerId: wang,
    });
  });

  it('refuses to delete the default pool and moves a deleted pool’s leads to the next that takes them', async () => {
    const base = await settingsOf(t);
    await expect(t.client.call('pool.deletePool', { id: 'pool_default' })).rejects.toMatchObject({
      reason: 'pool.defaultPoolKept',
    });
    const sh = await t.client.call('pool.savePool', {
      settings: { ...base, name: '上海', position: 1, entry: { ...base.entry, regions: ['上海'] } },
    });
    const lead = await pooledLead(t, '陈静', '上海');
    await t.client.call('pool.deletePool', { id: sh.id });
    expect((await t.client.call('pool.list', {})).rows.map((r) => r.id)).toEqual([lead]);
  });
});
