import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushedEvent } from '../../../core/api/contract';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, assignLead, beijing, minutes, plainPolicy, repClient } from './work-fixtures';

describe('working the leads through the service', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let rep: string;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    rep = await addRep(t, '王芳');
  });
  afterEach(() => t.close());

  async function ownedLead(name: string): Promise<string> {
    const id = await addLead(t, name);
    assignLead(t, id, rep);
    return id;
  }

  describe('the funnel', () => {
    it('moves a lead to another stage and records who moved it in the stage history', async () => {
      const lead = await ownedLead('陈静');
      const rc = repClient(t, rep);
      await rc.call('funnel.move', { id: lead, stage: 'mql' });
      await rc.call('funnel.move', { id: lead, stage: 'sql' });
      const detail = await t.client.call('work.leadDetail', { id: lead });
      expect(detail.stageHistory.map((s) => [s.from, s.to])).toEqual([
        ['mql', 'sql'],
        ['raw', 'mql'],
      ]);
      expect(detail.stageHistory[0]?.actor).toBe(`rep:${rep}`);
    });

    it('asks for the amount when a lead is won and stores it in fen with the closing time', async () => {
      const lead = await ownedLead('陈静');
      await expect(t.client.call('funnel.move', { id: lead, stage: 'won' })).rejects.toMatchObject({
        field: 'wonAmountYuan',
      });
      t.clock.now += minutes(5);
      await t.client.call('funnel.move', { id: lead, stage: 'won', wonAmountYuan: 12_345.67 });
      const { lead: won } = await t.client.call('leads.get', { id: lead });
      expect(won).toMatchObject({ stage: 'won', wonAmountFen: 1_234_567, closedAt: t.clock.now });
    });

    it('asks why a lead was lost, from the configured list only', async () => {
      const lead = await ownedLead('陈静');
      await expect(t.client.call('funnel.move', { id: lead, stage: 'lost' })).rejects.toMatchObject({
        field: 'lostReason',
      });
      await expect(
        t.client.call('funnel.move', { id: lead, stage: 'lost', lostReason: '天气不好' }),
      ).rejects.toMatchObject({ field: 'lostReason' });
      await t.client.call('funnel.move', { id: lead, stage: 'lost', lostReason: '选择了竞品' });
      expect((await t.client.call('leads.get', { id: lead })).lead.lostReason).toBe('选择了竞品');
    });

    it("refuses to let a rep move another rep's lead", async () => {
      const lead = await ownedLead('陈静');
      const other = repClient(t, await addRep(t, '李强'));
      await expect(other.call('funnel.move', { id: lead, stage: 'mql' })).rejects.toMatchObject({
        code: 'forbidden',
      });
    });

    it('shows a rep only their own leads on the board, and the team lead everything', async () => {
      await ownedLead('陈静');
      const other = await addRep(t, '李强');
      const theirs = await addLead(t, '周杰');
      assignLead(t, theirs, other);
      const total = (cols: { total: number }[]) => cols.reduce((sum, c) => sum + c.total, 0);
      const rc = repClient(t, rep);
      expect(total((await rc.call('funnel.board', {})).columns)).toBe(1);
      expect(total((await t.client.call('funnel.board', {})).columns)).toBe(2);
    });

    it('pages a column by score and keeps counts per stage', async () => {
      for (let i = 0; i < 7; i += 1) await ownedLead(`线索${i}`);
      const board = await t.client.call('funnel.board', { window: 3 });
      const raw = board.columns.find((c) => c.stage === 'raw');
      expect(raw).toMatchObject({ total: 7 });
      expect(raw?.cards).toHaveLength(3);
      const rest = await t.client.call('funnel.cards', { stage: 'raw', offset: 3, limit: 10 });
      expect(rest.cards).toHaveLength(4);
      const ids = [...(raw?.cards ?? []), ...rest.cards].map((c) => c.id);
      expect(new Set(ids).size).toBe(7);
    });

    it('filters the board to overdue leads', async () => {
      await ownedLead('陈静');
      t.clock.now = beijing(23, 11);
      await ownedLead('周杰');
      t.clock.now = beijing(23, 11, 15);
      const board = await t.client.call('funnel.board', { filter: { overdueOnly: true } });
      const cards = board.columns.flatMap((c) => c.cards);
      expect(cards.map((c) => c.name)).toEqual(['陈静']);
      expect(cards[0]?.sla?.isOverdue).toBe(true);
    });

    it('parks a lead in nurture and wakes it up on the date, back to the pool for distribution', async () => {
      const lead = await ownedLead('陈静');
      await t.client.call('funnel.move', { id: lead, stage: 'mql' });
      await t.client.call('funnel.move', { id: lead, stage: 'nurture', wakeOn: '2026-12-01' });
      expect((await t.client.call('work.leadDetail', { id: lead })).nurtureWakeAt).toBe(beijing(31, 9) + 0);
      t.clock.now = beijing(30, 12);
      expect((await t.client.call('sla.runDue', {})).nurtureWoken).toBe(0);
      t.clock.now = beijing(31, 9);
      expect((await t.client.call('sla.runDue', {})).nurtureWoken).toBe(1);
      const { lead: woken } = await t.client.call('leads.get', { id: lead });
      expect(woken).toMatchObject({ stage: 'mql', ownerId: null });
    });
  });

  describe('the queue and follow-ups', () => {
    it("orders a rep's queue by what to do next: overdue first, then the soonest due", async () => {
      const early = await ownedLead('早');
      t.clock.now = beijing(23, 10, 20);
      const late = await ownedLead('晚');
      t.clock.now = beijing(23, 10, 35);
      const rc = repClient(t, rep);
      await rc.call('followUps.log', {
        leadId: late,
        channel: 'wechat',
        said: '发了资料',
        nextStep: '回访',
        nextAt: beijing(23, 10, 40),
      });
      const fresh = await ownedLead('新');
      const queue = await rc.call('queue.list', {});
      expect(queue.items.map((i) => i.id)).toEqual([early, late, fresh]);
      expect(queue.items[0]?.sla?.isOverdue).toBe(true);
      expect(queue.items[1]).toMatchObject({ nextStep: '回访', nextAt: beijing(23, 10, 40) });
    });

    it('turns the next step of a follow-up into a reminder for the rep when its time comes', async () => {
      const lead = await ownedLead('陈静');
      const rc = repClient(t, rep);
      await rc.call('followUps.log', {
        leadId: lead,
        channel: 'call',
        said: '客户有兴趣',
        reaction: '积极',
        nextStep: '发报价',
        nextAt: beijing(23, 15),
      });
      t.clock.now = beijing(23, 15);
      expect((await t.client.call('sla.runDue', {})).nextStepReminders).toBe(1);
      expect((await t.client.call('sla.runDue', {})).nextStepReminders).toBe(0);
      const { rows } = await rc.call('notifications.list', {});
      expect(rows.filter((n) => n.kind !== 'assigned').map((n) => n.kind)).toEqual(['next_step_due']);
    });

    it('refuses a follow-up with nothing said or a next step in the past', async () => {
      const lead = await ownedLead('陈静');
      await expect(
        t.client.call('followUps.log', { leadId: lead, channel: 'call', said: '  ' }),
      ).rejects.toMatchObject({ field: 'said' });
      await expect(
        t.client.call('followUps.log', { leadId: lead, channel: 'call', said: '好', nextAt: beijing(23, 9) }),
      ).rejects.toMatchObject({ field: 'nextAt' });
    });

    it('never loses a follow-up: stage moves, recycles and reassignments keep the whole timeline', async () => {
      const lead = await ownedLead('陈静');
      const rc = repClient(t, rep);
      await rc.call('followUps.log', { leadId: lead, channel: 'call', said: '第一次' });
      await rc.call('funnel.move', { id: lead, stage: 'mql' });
      t.clock.now += minutes(1);
      await rc.call('followUps.log', { leadId: lead, channel: 'wechat', said: '第二次' });
      await t.client.call('stale.recycle', { leadIds: [lead] });
      const other = await addRep(t, '李强');
      const oc = repClient(t, other);
      t.clock.now += minutes(1);
      await oc.call('pool.claim', { leadId: lead });
      await oc.call('followUps.log', { leadId: lead, channel: 'visit', said: '第三次' });
      await oc.call('funnel.move', { id: lead, stage: 'sql' });
      const third = await addRep(t, '赵敏');
      assignLead(t, lead, third);
      const detail = await t.client.call('leads.get', { id: lead });
      expect(detail.followUps.map((f) => f.said).sort()).toEqual(['第一次', '第三次', '第二次']);
      expect(detail.followUps.map((f) => f.repId).sort()).toEqual([other, rep, rep].sort());
    });
  });

  describe('the public pool', () => {
    it('lets a rep claim a pool lead, first come first served', async () => {
      const lead = await addLead(t, '陈静');
      const rc = repClient(t, rep);
      const card = await rc.call('pool.claim', { leadId: lead });
      expect(card).toMatchObject({ id: lead, ownerId: rep });
      const other = repClient(t, await addRep(t, '李强'));
      await expect(other.call('pool.claim', { leadId: lead })).rejects.toMatchObject({ code: 'conflict' });
    });

    it('stops a rep at the daily claim limit and lets them claim again the next day', async () => {
      const { funnel } = await t.client.call('work.settings', {});
      await t.client.call('funnel.saveSettings', { ...funnel, claimDailyLimit: 2 });
      const leads = [await addLead(t, 'a'), await addLead(t, 'b'), await addLead(t, 'c')];
      const rc = repClient(t, rep);
      await rc.call('pool.claim', { leadId: leads[0] ?? '' });
      await rc.call('pool.claim', { leadId: leads[1] ?? '' });
      await expect(rc.call('pool.claim', { leadId: leads[2] ?? '' })).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('limit'),
      });
      expect(await rc.call('pool.list', {})).toMatchObject({ claimsToday: 2, claimDailyLimit: 2 });
      t.clock.now = beijing(24, 9);
      await expect(rc.call('pool.claim', { leadId: leads[2] ?? '' })).resolves.toMatchObject({
        ownerId: rep,
      });
    });

    it('lets the previous owner re-claim a recycled lead only after the cool-down', async () => {
      const lead = await ownedLead('陈静');
      await t.client.call('stale.recycle', { leadIds: [lead] });
      const rc = repClient(t, rep);
      const page = await rc.call('pool.list', { recycledOnly: true });
      expect(page.rows[0]).toMatchObject({ id: lead, coolDownUntil: beijing(30, 10) });
      await expect(rc.call('pool.claim', { leadId: lead })).rejects.toMatchObject({ code: 'forbidden' });
      t.clock.now = beijing(30, 10);
      await expect(rc.call('pool.claim', { leadId: lead })).resolves.toMatchObject({ ownerId: rep });
    });

    it('does not let the team lead claim: they assign', async () => {
      const lead = await addLead(t, '陈静');
      await expect(t.client.call('pool.claim', { leadId: lead })).rejects.toMatchObject({
        code: 'forbidden',
      });
    });
  });

  describe('stale leads', () => {
    it('lists open leads with no progress for N days, oldest first, and recycles them in bulk', async () => {
      const old = await ownedLead('老');
      t.clock.now = beijing(26, 10);
      const recent = await ownedLead('新');
      t.clock.now = beijing(23, 10) + 15 * 24 * 3_600_000;
      const stale = await t.client.call('stale.list', { days: 14 });
      expect(stale.rows.map((r) => r.leadId)).toEqual([old]);
      expect(stale.rows[0]).toMatchObject({ idleDays: 15, ownerName: '王芳' });
      expect(await t.client.call('stale.recycle', { leadIds: [old] })).toEqual({ recycled: 1 });
      expect((await t.client.call('leads.get', { id: old })).lead.ownerId).toBeNull();
      expect((await t.client.call('leads.get', { id: recent })).lead.ownerId).toBe(rep);
    });
  });

  describe('notifications', () => {
    it('tells a rep about a new assignment, pushed as an event and kept unread until read', async () => {
      const events: PushedEvent[] = [];
      t.client.subscribe((e) => events.push(e));
      const lead = await ownedLead('陈静');
      await t.client.call('sla.runDue', {});
      const rc = repClient(t, rep);
      const list = await rc.call('notifications.list', {});
      expect(list).toMatchObject({ unread: 1, rows: [{ kind: 'assigned', leadId: lead }] });
      expect(events.some((e) => e.event === 'notifications.new')).toBe(true);
      expect(await rc.call('notifications.markRead', { all: true })).toEqual({ unread: 0 });
      expect((await t.client.call('notifications.list', {})).rows).toEqual([]);
    });

    it("never shows a rep another recipient's notifications, nor lets them mark them read", async () => {
      await ownedLead('陈静');
      await t.client.call('sla.runDue', {});
      const other = repClient(t, await addRep(t, '李强'));
      expect((await other.call('notifications.list', {})).rows).toEqual([]);
      const rc = repClient(t, rep);
      const [notice] = (await rc.call('notifications.list', {})).rows;
      await other.call('notifications.markRead', { ids: [notice?.id ?? ''] });
      expect((await rc.call('notifications.list', {})).unread).toBe(1);
    });
  });
});
