import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/api/errors';
import type { FairleadClient } from '../../../core/api/transport/client';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

/**
 * Rep scope of the lead, duplicate, preference, audit, workspace, dashboard, distribution and appeal calls: what a
 * rep gets back is what the contract declares (own leads and the pool; nothing of another rep's lead).
 */
describe('rep scope of the lead and distribution calls', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let rep: FairleadClient;
  let ids: { mine: string; theirs: string; pool: string; me: string };

  beforeEach(async () => {
    t = createTestService(tempDir());
    const me = await t.client.call('reps.create', { name: '王芳', tier: 'mid' });
    const other = await t.client.call('reps.create', { name: '李娜', tier: 'mid' });
    const create = (name: string, phone: string) => t.client.call('leads.create', { name, phone });
    const [mine, theirs, pool] = [
      await create('陈总', '13800000001'),
      await create('周总', '13800000002'),
      await create('吴总', '13800000003'),
    ];
    const reassign = (leadId: string, toRepId: string | null) =>
      t.client.call('distribution.reassign', { leadIds: [leadId], toRepId, reason: 'test' });
    await reassign(mine.id, me.id);
    await reassign(theirs.id, other.id);
    await reassign(pool.id, null);
    ids = { mine: mine.id, theirs: theirs.id, pool: pool.id, me: me.id };
    rep = t.asRep(me.id);
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

  it('lists only the rep’s own leads and the pool', async () => {
    const { rows } = await rep.call('leads.list', {});
    expect(rows.map((lead) => lead.id).sort()).toEqual([ids.mine, ids.pool].sort());
  });

  it('refuses another rep’s lead on get, update, history and test, by reason', async () => {
    expect((await refusal(rep.call('leads.get', { id: ids.theirs }))).reason).toBe('leads.notYours');
    expect((await refusal(rep.call('leads.update', { id: ids.theirs, patch: { name: 'x' } }))).reason).toBe(
      'leads.notYours',
    );
    expect((await refusal(rep.call('leads.update', { id: ids.pool, patch: { name: 'x' } }))).reason).toBe(
      'leads.claimFirst',
    );
    expect((await refusal(rep.call('distribution.history', { leadId: ids.theirs }))).reason).toBe(
      'distribution.notYours',
    );
    expect((await refusal(rep.call('distribution.testLead', { leadId: ids.theirs }))).reason).toBe(
      'distribution.leadNotFound',
    );
  });

  it('tells a rep only that another rep’s lead matches, with nothing about it', async () => {
    const matches = await rep.call('leads.findDuplicates', { phone: '13800000002' });
    expect(matches).toEqual([{ lead: null, isOtherRepsLead: true, by: ['phone'] }]);
    const own = await rep.call('leads.findDuplicates', { phone: '13800000001' });
    expect(own).toMatchObject([{ lead: { id: ids.mine, phone: '13800000001' }, isOtherRepsLead: false }]);
    const forLead = await t.client.call('leads.findDuplicates', { phone: '13800000002' });
    expect(forLead).toMatchObject([{ lead: { id: ids.theirs, name: '周总' }, isOtherRepsLead: false }]);
  });

  it('refuses the team lead’s calls to a rep before anything runs', async () => {
    const teamLeadOnly: [string, Promise<unknown>][] = [
      ['leads.export', rep.call('leads.export', { format: 'csv' })],
      ['duplicates.groups', rep.call('duplicates.groups', {})],
      ['duplicates.merge', rep.call('duplicates.merge', { keepId: ids.mine, mergeIds: [ids.pool] })],
      ['audit.list', rep.call('audit.list', {})],
      ['workspace.loadDemo', rep.call('workspace.loadDemo', {})],
      ['dashboard.summary', rep.call('dashboard.summary', { from: '2026-11-01', to: '2026-11-30' })],
      [
        'distribution.reassign',
        rep.call('distribution.reassign', { leadIds: [ids.pool], toRepId: ids.me, reason: 'x' }),
      ],
      ['distribution.distribute', rep.call('distribution.distribute', { pool: true })],
      ['distribution.saveSettings', rep.call('distribution.saveSettings', { seed: 3 })],
      ['appeals.resolve', rep.call('appeals.resolve', { id: 'appeal_x', decision: 'reject', reply: 'no' })],
    ];
    for (const [name, promise] of teamLeadOnly) {
      const error = await refusal(promise);
      expect([name, error.code]).toEqual([name, 'forbidden']);
    }
    const lead = await t.client.call('leads.get', { id: ids.pool });
    expect(lead.lead.ownerId).toBeNull();
  });

  it('counts and lists only the rep’s own appeals', async () => {
    await rep.call('appeals.raise', { leadId: ids.mine, message: '不是我的区域' });
    const other = t.asRep((await t.client.call('leads.get', { id: ids.theirs })).lead.ownerId ?? '');
    await other.call('appeals.raise', { leadId: ids.theirs, message: '太忙' });
    expect((await rep.call('appeals.list', {})).map((a) => a.leadId)).toEqual([ids.mine]);
    expect(await rep.call('appeals.count', {})).toEqual({ open: 1 });
    expect(await t.client.call('appeals.count', {})).toEqual({ open: 2 });
  });
});

describe('leads.update through the Won/Lost gates', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let leadId: string;

  beforeEach(async () => {
    t = createTestService(tempDir());
    leadId = (await t.client.call('leads.create', { name: '陈总' })).id;
  });
  afterEach(() => t.close());

  it('refuses Won without an amount and Lost without a listed reason, changing nothing', async () => {
    await expect(
      t.client.call('leads.update', { id: leadId, patch: { stage: 'won' } }),
    ).rejects.toMatchObject({
      reason: 'leads.wonAmountRequired',
      field: 'wonAmountYuan',
    });
    await expect(
      t.client.call('leads.update', { id: leadId, patch: { stage: 'lost' } }),
    ).rejects.toMatchObject({
      reason: 'leads.lostReasonRequired',
    });
    await expect(
      t.client.call('leads.update', { id: leadId, patch: { stage: 'lost' }, lostReason: '天气不好' }),
    ).rejects.toMatchObject({ reason: 'leads.lostReasonUnknown', details: { reason: '天气不好' } });
    await expect(
      t.client.call('leads.update', { id: leadId, patch: { name: '陈总' }, wonAmountYuan: 10 }),
    ).rejects.toMatchObject({ reason: 'leads.closingFactsWithoutClosing' });
    expect((await t.client.call('leads.get', { id: leadId })).lead).toMatchObject({
      stage: 'raw',
      closedAt: null,
    });
  });

  it('closes with the amount and time as funnel.move does, and reopening clears them', async () => {
    const won = await t.client.call('leads.update', {
      id: leadId,
      patch: { stage: 'won' },
      wonAmountYuan: 12_345.67,
    });
    expect(won).toMatchObject({
      stage: 'won',
      wonAmountFen: 1_234_567,
      closedAt: t.clock.now,
      lostReason: null,
    });
    t.clock.now += 60_000;
    const reopened = await t.client.call('leads.update', { id: leadId, patch: { stage: 'opportunity' } });
    expect(reopened).toMatchObject({ stage: 'opportunity', wonAmountFen: null, closedAt: null });
    const lost = await t.client.call('leads.update', {
      id: leadId,
      patch: { stage: 'lost' },
      lostReason: '选择了竞品',
    });
    expect(lost).toMatchObject({ stage: 'lost', lostReason: '选择了竞品', closedAt: t.clock.now });
  });
});
