// The pools' recycle rules through the API with a fake clock: the warning to the owner N hours before (once, as a
// notification and in the rep's warnings), the recycle at exactly N days saying why in the lead's history, a
// follow-up restarting the clock, and the exemptions (a lock in force, an opportunity); locks with their cap and
// expiry, extended or released by the team lead.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../core/domain/clock';
import type { PoolSettings } from '../../../core/api/pool/schemas';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, assignLead, beijing, plainPolicy, repClient } from './work-fixtures';

const THREE = { A: 3, B: 3, C: 3, D: 3, ungraded: 3 };

describe('pool recycle rules and locks', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let wang: string;
  let li: string;
  let lead: string;
  let start: number;

  async function configure(patch: Partial<PoolSettings>): Promise<void> {
    const pool = (await t.client.call('pool.pools', {})).pools[0]!;
    const { id: _id, isDefault: _d, ...settings } = pool;
    await t.client.call('pool.savePool', { id: 'pool_default', settings: { ...settings, ...patch } });
  }

  const owner = async (id: string) => (await t.client.call('leads.get', { id })).lead.ownerId;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    wang = (await t.client.call('reps.create', { name: '王芳', tier: 'mid' })).id;
    li = (await t.client.call('reps.create', { name: '李强', tier: 'mid' })).id;
    await configure({
      recycle: {
        rules: [{ kind: 'no_follow_up', days: THREE }],
        exemptHasOpportunity: true,
        exemptWon: true,
        exemptLocked: true,
        warnHours: 24,
      },
      locks: { maxPerRep: 1, days: 14 },
    });
    lead = await addLead(t, '陈静');
    start = t.clock.now;
    assignLead(t, lead, wang);
  });
  afterEach(() => t.close());

  it('warns the owner once from exactly 24 hours before, in their warnings and as a notification', async () => {
    const rc = repClient(t, wang);
    t.clock.now = start + 2 * DAY_MS - 1;
    expect(await t.client.call('pool.sweep', {})).toEqual({ recycled: 0, warned: 0 });
    expect((await rc.call('pool.warnings', {})).warnings).toEqual([]);
    t.clock.now = start + 2 * DAY_MS;
    expect((await rc.call('pool.warnings', {})).warnings).toEqual([
      {
        leadId: lead,
        name: '陈静',
        ownerId: wang,
        poolId: 'pool_default',
        kind: 'no_follow_up',
        days: 3,
        dueAt: start + 3 * DAY_MS,
        lockRefusal: null,
      },
    ]);
    expect((await repClient(t, li).call('pool.warnings', {})).warnings).toEqual([]);
    expect(await t.client.call('pool.sweep', {})).toEqual({ recycled: 0, warned: 1 });
    expect(await t.client.call('pool.sweep', {})).toEqual({ recycled: 0, warned: 0 });
    const notes = (await rc.call('notifications.list', {})).rows.filter(
      (n) => n.kind === 'pool_recycle_warning',
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      leadId: lead,
      detail: { leadName: '陈静', days: 3, dueAt: start + 3 * DAY_MS },
    });
  });

  it('recycles at exactly N days without a follow-up, and the lead’s history says which rule', async () => {
    t.clock.now = start + 3 * DAY_MS - 1;
    expect((await t.client.call('pool.sweep', {})).recycled).toBe(0);
    expect(await owner(lead)).toBe(wang);
    t.clock.now = start + 3 * DAY_MS;
    expect((await t.client.call('pool.sweep', {})).recycled).toBe(1);
    expect(await owner(lead)).toBeNull();
    const detail = await t.client.call('leads.get', { id: lead });
    const history = detail.assignments;
    expect(history.at(-1)).toMatchObject({ kind: 'recycle', repId: null });
    expect(history.at(-1)?.reason).toMatch(
      /Pool “公海” rule: no follow-up for 3 days \(grade ([A-D]|ungraded)\)/,
    );
    // The history shows the reader's language: the rule, its pool and its N in each.
    const grade = detail.lead.grade;
    expect(history.at(-1)?.explanation).toMatchObject({
      poolId: 'pool_default',
      rule: 'no_follow_up',
      days: 3,
      text: {
        en: `Pool “公海” rule: no follow-up for 3 days (grade ${grade ?? 'ungraded'})`,
        'zh-CN': `公海池“公海”的回收规则：未跟进满 3 天（${grade === null ? '未评级' : `${grade} 级`}）`,
      },
    });
    const log = await t.client.call('distribution.assignments', { kind: 'recycle' });
    // A recycle by the pool's rule is no rep's release.
    expect(log.rows.map((row) => row.releaseNote)).toEqual([null]);
    expect(log.rows.map((row) => row.reasonText?.['zh-CN'])).toEqual([
      `公海池“公海”的回收规则：未跟进满 3 天（${grade === null ? '未评级' : `${grade} 级`}）`,
    ]);
    // The recycle starts the previous owner's cool-down.
    await expect(repClient(t, wang).call('pool.claim', { leadId: lead })).rejects.toMatchObject({
      reason: 'pool.coolingDown',
    });
  });

  it('restarts the clock at a follow-up', async () => {
    t.clock.now = start + DAY_MS;
    await repClient(t, wang).call('followUps.log', { leadId: lead, channel: 'call', said: '约了下周' });
    t.clock.now = start + 4 * DAY_MS - 1;
    expect((await t.client.call('pool.sweep', {})).recycled).toBe(0);
    t.clock.now = start + 4 * DAY_MS;
    expect((await t.client.call('pool.sweep', {})).recycled).toBe(1);
  });

  it('spares an opportunity', async () => {
    await repClient(t, wang).call('funnel.move', { id: lead, stage: 'opportunity' });
    t.clock.now = start + 30 * DAY_MS;
    expect((await t.client.call('pool.sweep', {})).recycled).toBe(0);
    expect(await owner(lead)).toBe(wang);
  });

  it('says in a warning when a lock would be refused, as pool.lock refuses it', async () => {
    const rc = repClient(t, wang);
    const second = await addLead(t, '周杰');
    assignLead(t, second, wang);
    t.clock.now = start + 2 * DAY_MS;
    const refusalOf = async (leadId: string) =>
      (await rc.call('pool.warnings', {})).warnings.find((w) => w.leadId === leadId)?.lockRefusal;
    expect(await refusalOf(second)).toBeNull();
    // One lock each: with the first lead locked, the second's lock is refused, and its warning says so first.
    await rc.call('pool.lock', { leadId: lead });
    expect(await refusalOf(second)).toMatchObject({
      reason: 'pool.lockCap',
      details: { cap: 'lock', limit: 1, held: 1 },
    });
    await expect(rc.call('pool.lock', { leadId: second })).rejects.toMatchObject({ reason: 'pool.lockCap' });
    // A pool that allows no locks.
    await t.client.call('pool.releaseLock', { leadId: lead });
    await configure({ locks: { maxPerRep: 0, days: 14 } });
    expect(await refusalOf(second)).toMatchObject({ reason: 'pool.lockOff', details: { pool: '公海' } });
    await expect(rc.call('pool.lock', { leadId: second })).rejects.toMatchObject({ reason: 'pool.lockOff' });
  });

  it('spares a locked lead until exactly its expiry', async () => {
    const lock = await repClient(t, wang).call('pool.lock', { leadId: lead });
    expect(lock.expiresAt).toBe(start + 14 * DAY_MS);
    t.clock.now = lock.expiresAt - 1;
    expect((await t.client.call('pool.sweep', {})).recycled).toBe(0);
    t.clock.now = lock.expiresAt;
    expect((await t.client.call('pool.sweep', {})).recycled).toBe(1);
  });

  it('caps a rep’s locks, and lets only the team lead or a pool admin extend or release another’s', async () => {
    const rc = repClient(t, wang);
    const second = await addLead(t, '周杰');
    assignLead(t, second, wang);
    const theirs = await addLead(t, '赵敏');
    assignLead(t, theirs, li);
    await rc.call('pool.lock', { leadId: lead });
    await expect(rc.call('pool.lock', { leadId: second })).rejects.toMatchObject({
      reason: 'pool.lockCap',
      details: { cap: 'lock', limit: 1, held: 1 },
    });
    await expect(rc.call('pool.lock', { leadId: theirs })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rc.call('pool.extendLock', { leadId: lead, days: 7 })).rejects.toMatchObject({
      reason: 'pool.notPoolAdmin',
    });
    const extended = await t.client.call('pool.extendLock', { leadId: lead, days: 7 });
    expect(extended.expiresAt).toBe(start + 21 * DAY_MS);
    expect((await rc.call('pool.locks', {})).locks.map((l) => l.leadId)).toEqual([lead]);
    await expect(repClient(t, li).call('pool.releaseLock', { leadId: lead })).rejects.toMatchObject({
      reason: 'pool.notPoolAdmin',
    });
    await configure({ adminRepIds: [li] });
    await expect(repClient(t, li).call('pool.releaseLock', { leadId: lead })).resolves.toEqual({
      released: true,
    });
    await expect(rc.call('pool.lock', { leadId: second })).resolves.toMatchObject({ leadId: second });
    await t.client.call('pool.releaseLock', { leadId: second });
    expect((await t.client.call('pool.locks', {})).locks).toEqual([]);
  });
});
