// Moving a lead by hand through the API: the team lead's reassignment with a reason, and a rep's appeal of an
// assignment, accepted or rejected by the team lead.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestService, type TestService } from '../../helpers/service';
import { refusal } from '../../helpers/refusal';
import { useTempDir } from '../../helpers/temp-dir';

describe('reassignment and appeals through the API', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  async function addRep(name: string) {
    return t.client.call('reps.create', { name, tier: 'mid', joinedOn: '2024-01-01' });
  }

  /** Signs the test's client in as this rep, or back as the team lead (null). */
  async function asRep(repId: string | null): Promise<void> {
    t.client.setSessionToken(
      t.service.openTrustedSession(repId === null ? { role: 'lead' } : { role: 'rep', repId }),
    );
  }

  it('lets the team lead reassign leads with a reason, recorded and audited', async () => {
    const a = await addRep('甲');
    const b = await addRep('乙');
    const lead = await t.client.call('leads.create', { name: '转交' });
    const target = lead.ownerId === a.id ? b.id : a.id;
    const empty = await refusal(
      t.client.call('distribution.reassign', { leadIds: [lead.id], toRepId: target, reason: ' ' }),
    );
    expect(empty.field).toBe('reason');
    await t.client.call('distribution.reassign', {
      leadIds: [lead.id],
      toRepId: target,
      reason: '客户要求换人',
    });
    expect((await t.client.call('leads.get', { id: lead.id })).lead.ownerId).toBe(target);
    const history = await t.client.call('distribution.history', { leadId: lead.id });
    expect(history.assignments.at(-1)).toMatchObject({
      kind: 'manual',
      repId: target,
      reason: '客户要求换人',
      fromRepId: lead.ownerId,
    });
    const audit = await t.client.call('audit.list', { entityId: lead.id });
    expect(audit[0]).toMatchObject({
      action: 'distribution.reassign',
      detail: { reason: '客户要求换人', toRepId: target },
    });
  });

  it('refuses reassignment by a rep', async () => {
    const a = await addRep('甲');
    const lead = await t.client.call('leads.create', { name: '转交' });
    await asRep(a.id);
    const error = await refusal(
      t.client.call('distribution.reassign', { leadIds: [lead.id], toRepId: a.id, reason: '我要' }),
    );
    expect(error.code).toBe('forbidden');
  });

  describe('appeals', () => {
    async function setUp() {
      const a = await addRep('甲');
      const b = await addRep('乙');
      const lead = await t.client.call('leads.create', { name: '申诉线索' });
      const owner = lead.ownerId === a.id ? a : b;
      const other = owner.id === a.id ? b : a;
      return { lead, owner, other };
    }

    it('lets the rep who got a lead appeal, and the team lead accept by reassigning it', async () => {
      const { lead, owner, other } = await setUp();
      await asRep(owner.id);
      const appeal = await t.client.call('appeals.raise', { leadId: lead.id, message: '不是我的区域' });
      expect(appeal.state).toBe('open');
      expect((await t.client.call('appeals.count', {})).open).toBe(1);
      await asRep(null);
      expect((await t.client.call('appeals.list', { state: 'open' })).map((x) => x.id)).toEqual([appeal.id]);
      const resolved = await t.client.call('appeals.resolve', {
        id: appeal.id,
        decision: 'accept',
        toRepId: other.id,
        reply: '同意，转给乙',
      });
      expect(resolved).toMatchObject({ state: 'accepted', resolvedToRepId: other.id, reply: '同意，转给乙' });
      expect((await t.client.call('leads.get', { id: lead.id })).lead.ownerId).toBe(other.id);
      expect((await t.client.call('appeals.count', {})).open).toBe(0);
      const history = await t.client.call('distribution.history', { leadId: lead.id });
      expect(history.assignments.at(-1)).toMatchObject({ kind: 'appeal', repId: other.id });
      const actions = (await t.client.call('audit.list', { entityId: lead.id })).map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['appeal.raise', 'appeal.accept', 'distribution.appealReassign']),
      );
    });

    it('lets the team lead reject an appeal with a reply, leaving the owner as it was', async () => {
      const { lead, owner } = await setUp();
      await asRep(owner.id);
      const appeal = await t.client.call('appeals.raise', { leadId: lead.id, message: '太多了' });
      await asRep(null);
      const noReply = await refusal(t.client.call('appeals.resolve', { id: appeal.id, decision: 'reject' }));
      expect(noReply.field).toBe('reply');
      const rejected = await t.client.call('appeals.resolve', {
        id: appeal.id,
        decision: 'reject',
        reply: '按规则分配',
      });
      expect(rejected).toMatchObject({ state: 'rejected', reply: '按规则分配' });
      expect((await t.client.call('leads.get', { id: lead.id })).lead.ownerId).toBe(owner.id);
      const again = await refusal(
        t.client.call('appeals.resolve', { id: appeal.id, decision: 'reject', reply: 'x' }),
      );
      expect(again.code).toBe('conflict');
      await asRep(owner.id);
      expect((await t.client.call('appeals.list', {}))[0]).toMatchObject({
        state: 'rejected',
        reply: '按规则分配',
      });
    });

    it('lets a rep appeal only an assignment to or away from them', async () => {
      const { lead, other } = await setUp();
      await asRep(other.id);
      const error = await refusal(t.client.call('appeals.raise', { leadId: lead.id, message: '我也想要' }));
      expect(error.code).toBe('forbidden');
      await asRep(null);
      const byLead = await refusal(
        t.client.call('appeals.raise', { leadId: lead.id, message: '销售主管不申诉' }),
      );
      expect(byLead.code).toBe('forbidden');
    });

    it('says in the lead’s detail whether the rep asking may appeal it, as appeals.raise decides', async () => {
      const { lead, owner, other } = await setUp();
      const appealOf = async (id: string) => (await t.client.call('leads.get', { id })).appeal;
      expect(await appealOf(lead.id)).toBe('none');
      await asRep(owner.id);
      expect(await appealOf(lead.id)).toBe('open');
      await t.client.call('appeals.raise', { leadId: lead.id, message: '不是我的区域' });
      expect(await appealOf(lead.id)).toBe('pending');
      // Reassigned: the one who got it may appeal that hand-over.
      await asRep(null);
      await t.client.call('distribution.reassign', { leadIds: [lead.id], toRepId: other.id, reason: '平衡' });
      await asRep(other.id);
      expect(await appealOf(lead.id)).toBe('open');
      // A pool lead that was never theirs: nothing to appeal, and the hub agrees.
      await asRep(null);
      for (const rep of [owner, other])
        await t.client.call('reps.update', { id: rep.id, patch: { isOutOfOffice: true } });
      const pooled = await t.client.call('leads.create', { name: '公海线索' });
      expect(pooled.ownerId).toBeNull();
      await asRep(owner.id);
      expect(await appealOf(pooled.id)).toBe('none');
      const error = await refusal(t.client.call('appeals.raise', { leadId: pooled.id, message: '我想要' }));
      expect(error.code).toBe('forbidden');
    });

    it('lets a rep appeal a reassignment away from them', async () => {
      const { lead, owner, other } = await setUp();
      await t.client.call('distribution.reassign', {
        leadIds: [lead.id],
        toRepId: other.id,
        reason: '平衡工作量',
      });
      await asRep(owner.id);
      const appeal = await t.client.call('appeals.raise', { leadId: lead.id, message: '我已经联系过客户了' });
      expect(appeal.state).toBe('open');
      const history = await t.client.call('distribution.history', { leadId: lead.id });
      expect(history.appeals.map((a) => a.id)).toEqual([appeal.id]);
    });

    it('lets only the team lead resolve an appeal', async () => {
      const { lead, owner } = await setUp();
      await asRep(owner.id);
      const appeal = await t.client.call('appeals.raise', { leadId: lead.id, message: '不合适' });
      const error = await refusal(
        t.client.call('appeals.resolve', { id: appeal.id, decision: 'accept', toRepId: owner.id }),
      );
      expect(error.code).toBe('forbidden');
    });
  });
});
