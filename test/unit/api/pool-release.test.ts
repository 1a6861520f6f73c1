// A rep puts an open lead of theirs back in the public pool (pool.release) through the API with a fake clock: it
// goes to the pool with the reason in its history and audit, other reps may claim it, its releaser only after the
// pool's cool-down (at the exact boundary), "distribute now" skips its releaser, the team lead is notified, their
// lock on it ends; another rep's lead, a closed lead and the team lead are refused, and nothing changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../core/domain/clock';
import { findLeadById } from '../../../core/store/leads';
import { findOpenLock } from '../../../core/store/pools-locks';
import { listRecyclesForLead } from '../../../core/store/pool-claims';
import { inTransaction } from '../../../core/store/sql';
import { setLeadOwnerIf } from '../../../core/store/work-leads';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { assignLead, beijing, plainPolicy, repClient } from './work-fixtures';

describe('a rep puts a lead back in the public pool', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let wang: string;
  let li: string;
  let lead: string;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    wang = (await t.client.call('reps.create', { name: '王芳', tier: 'junior' })).id;
    li = (await t.client.call('reps.create', { name: '李强', tier: 'senior' })).id;
    const pool = (await t.client.call('pool.pools', {})).pools.find((p) => p.id === 'pool_default');
    if (!pool) throw new Error('no default pool');
    const { id: _id, isDefault: _d, ...settings } = pool;
    await t.client.call('pool.savePool', {
      id: 'pool_default',
      settings: { ...settings, coolDownDays: 3, embargoMinutes: 0 },
    });
    lead = (await t.client.call('leads.create', { name: '陈静', phone: '13800138000' })).id;
    assignLead(t, lead, wang);
  });
  afterEach(() => t.close());

  it('releases it to the pool with the reason, for others to claim and its releaser after the cool-down', async () => {
    t.clock.now += 60 * 60_000;
    const releasedAt = t.clock.now;
    await expect(
      repClient(t, wang).call('pool.release', { leadId: lead, reason: '  客户明确没有需求  ' }),
    ).resolves.toEqual({ leadId: lead, poolId: 'pool_default' });
    expect(findLeadById(t.service.db, lead)?.ownerId).toBeNull();
    expect(listRecyclesForLead(t.service.db, lead)).toMatchObject([
      { fromRepId: wang, reason: 'released', at: releasedAt },
    ]);
    // The pool says who released it; the history keeps the reason in both languages.
    const row = (await repClient(t, li).call('pool.list', {})).rows.find((r) => r.id === lead);
    expect(row).toMatchObject({ poolReason: 'released', fromRepName: '王芳', arrivedAt: releasedAt });
    // "Recycled only" keeps to the rows the pool calls recycled: a release is not one.
    expect((await repClient(t, li).call('pool.list', { recycledOnly: true })).rows).toEqual([]);
    // The transparency log, as a rep reads it too: the step to the pool, with the reason in both languages.
    const log = await repClient(t, li).call('distribution.assignments', { kind: 'recycle' });
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]).toMatchObject({ leadId: lead, kind: 'recycle', repId: null, fromRepId: wang });
    expect(log.rows[0]?.reasonText).toEqual({
      en: 'Released to the public pool by the rep: 客户明确没有需求',
      'zh-CN': '销售放回公海：客户明确没有需求',
    });
    // Told apart from a recycle by the SLA: the rep's own words, in the log and in the lead's history.
    expect(log.rows[0]?.releaseNote).toBe('客户明确没有需求');
    const history = await t.client.call('distribution.history', { leadId: lead });
    expect(history.assignments.at(-1)).toMatchObject({ kind: 'recycle', releaseNote: '客户明确没有需求' });
    expect(history.assignments.slice(0, -1).every((a) => a.releaseNote === null)).toBe(true);
    // The team lead is told, with who, which lead and why; the releaser is not.
    const told = (await t.client.call('notifications.list', {})).rows.filter(
      (n) => n.kind === 'pool_released',
    );
    expect(told).toMatchObject([
      { leadId: lead, detail: { repName: '王芳', leadName: '陈静', reason: '客户明确没有需求' } },
    ]);
    const repTold = (await repClient(t, wang).call('notifications.list', {})).rows;
    expect(repTold.filter((n) => n.kind === 'pool_released')).toEqual([]);
    const audit = t.service.db
      .prepare(`SELECT action, actor FROM audit_log WHERE entity_id = ? AND action = 'pool.release'`)
      .all(lead);
    expect(audit).toHaveLength(1);

    // Its releaser waits the cool-down out, to the millisecond; meanwhile another rep may claim it.
    // The drawer asks first (pool.claimCheck) and hears what the claim would: the same refusal, then none.
    t.clock.now = releasedAt + 3 * DAY_MS - 1;
    await expect(repClient(t, wang).call('pool.claimCheck', { leadId: lead })).resolves.toMatchObject({
      refusal: { reason: 'pool.coolingDown', details: { days: 3, until: releasedAt + 3 * DAY_MS } },
    });
    await expect(repClient(t, li).call('pool.claimCheck', { leadId: lead })).resolves.toEqual({
      refusal: null,
    });
    await expect(repClient(t, wang).call('pool.claim', { leadId: lead })).rejects.toMatchObject({
      reason: 'pool.coolingDown',
      details: { days: 3 },
    });
    t.clock.now = releasedAt + 3 * DAY_MS;
    await expect(repClient(t, wang).call('pool.claimCheck', { leadId: lead })).resolves.toEqual({
      refusal: null,
    });
    await expect(repClient(t, wang).call('pool.claim', { leadId: lead })).resolves.toMatchObject({
      ownerId: wang,
    });
  });

  it('keeps "distribute now" from handing it back to its releaser within the cool-down', async () => {
    await repClient(t, wang).call('pool.release', { leadId: lead, reason: '不跟了' });
    t.clock.now += 60_000;
    expect(await t.client.call('distribution.distribute', { pool: true })).toMatchObject({ assigned: 1 });
    expect(findLeadById(t.service.db, lead)?.ownerId).toBe(li);
    const { assignments } = await t.client.call('distribution.history', { leadId: lead });
    const candidates = (
      assignments.at(-1)?.explanation as { candidates: { repId: string; exclusion?: unknown }[] }
    ).candidates;
    expect(candidates.find((c) => c.repId === wang)?.exclusion).toMatchObject({ code: 'recycled-from' });
  });

  it('leaves its releaser nothing to appeal: they gave it up themselves', async () => {
    const asWang = repClient(t, wang);
    expect((await asWang.call('leads.get', { id: lead })).appeal).toBe('open');
    t.clock.now += 60 * 60_000;
    await asWang.call('pool.release', { leadId: lead, reason: '客户明确没有需求' });
    expect((await asWang.call('leads.get', { id: lead })).appeal).toBe('none');
    await expect(asWang.call('appeals.raise', { leadId: lead, message: '我要回来' })).rejects.toMatchObject({
      reason: 'appeals.notYourAssignment',
    });
  });

  it('lets another rep claim it at once', async () => {
    await repClient(t, wang).call('pool.release', { leadId: lead, reason: '号码无效' });
    await expect(repClient(t, li).call('pool.claim', { leadId: lead })).resolves.toMatchObject({
      ownerId: li,
    });
  });

  it('says in each UI language that the lead was claimed from the pool, or handed out of it by the team lead', async () => {
    const poolName = (await t.client.call('pool.pools', {})).pools.find((p) => p.id === 'pool_default')?.name;
    expect(poolName).toBeTruthy();
    await repClient(t, wang).call('pool.release', { leadId: lead, reason: '号码无效' });
    await repClient(t, li).call('pool.claim', { leadId: lead });
    const claimed = await t.client.call('distribution.history', { leadId: lead });
    expect(claimed.assignments.at(-1)?.reasonText).toEqual({
      en: `Claimed from the public pool “${poolName}”`,
      'zh-CN': `从“${poolName}”领取`,
    });
    await repClient(t, li).call('pool.release', { leadId: lead, reason: '不在我负责的区域' });
    await t.client.call('pool.assign', { leadId: lead, repId: wang });
    const handed = await t.client.call('distribution.history', { leadId: lead });
    expect(handed.assignments.at(-1)?.reasonText).toEqual({
      en: `Handed from the public pool “${poolName}” by the team lead`,
      'zh-CN': `主管从“${poolName}”指派`,
    });
  });

  it('ends the releaser’s lock on it', async () => {
    await repClient(t, wang).call('pool.lock', { leadId: lead });
    expect(findOpenLock(t.service.db, lead)).not.toBeNull();
    await repClient(t, wang).call('pool.release', { leadId: lead, reason: '不再跟进' });
    expect(findOpenLock(t.service.db, lead)).toBeNull();
  });

  it('refuses another rep’s lead, a closed lead, a blank reason and the team lead, changing nothing', async () => {
    await expect(
      repClient(t, li).call('pool.release', { leadId: lead, reason: '抢不到' }),
    ).rejects.toMatchObject({ reason: 'pool.releaseNotYours' });
    await expect(
      repClient(t, wang).call('pool.release', { leadId: lead, reason: '   ' }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'reason' });
    await expect(t.client.call('pool.release', { leadId: lead, reason: '主管操作' })).rejects.toMatchObject({
      reason: 'pool.releaseRepsOnly',
    });
    await repClient(t, wang).call('funnel.move', { id: lead, stage: 'lost', lostReason: '价格太高' });
    await expect(
      repClient(t, wang).call('pool.release', { leadId: lead, reason: '已输单' }),
    ).rejects.toMatchObject({ reason: 'pool.releaseNotOpen' });
    expect(findLeadById(t.service.db, lead)?.ownerId).toBe(wang);
    expect(listRecyclesForLead(t.service.db, lead)).toEqual([]);
  });

  it('refuses a lead that is not the rep’s any more (taken back in between)', async () => {
    inTransaction(t.service.db, () => setLeadOwnerIf(t.service.db, lead, wang, li, t.clock.now));
    await expect(
      repClient(t, wang).call('pool.release', { leadId: lead, reason: '不跟了' }),
    ).rejects.toMatchObject({ reason: 'pool.releaseNotYours' });
  });
});
