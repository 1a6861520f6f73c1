import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlaScheduler } from '../../../core/scheduler';
import { listSlaActionsForLead } from '../../../core/store/sla-actions';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, assignLead, beijing, minutes, plainPolicy, repClient } from './work-fixtures';

describe('the SLA clock through the service with a fake clock', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let rep: string;
  let lead: string;

  beforeEach(async () => {
    // Monday 16:00 Beijing: 2 working hours left today, so the recycle falls on Tuesday morning.
    t = createTestService(tempDir(), beijing(23, 16));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    rep = await addRep(t, '王芳');
    lead = await addLead(t, '陈静');
    assignLead(t, lead, rep);
  });
  afterEach(() => t.close());

  async function tickAt(at: number) {
    t.clock.now = at;
    return t.client.call('sla.runDue', {});
  }

  /** SLA notifications only: assignment notices are not what these tests are about. */
  async function notificationsOf(repId: string | null) {
    const client = repId === null ? t.client : repClient(t, repId);
    return (await client.call('notifications.list', {})).rows.filter((n) => n.kind !== 'assigned');
  }

  it('reminds the rep exactly 30 business minutes after assignment, not a millisecond before', async () => {
    expect((await tickAt(beijing(23, 16, 30) - 1)).reminded).toBe(0);
    expect((await tickAt(beijing(23, 16, 30))).reminded).toBe(1);
    expect((await notificationsOf(rep)).map((n) => n.kind)).toEqual(['sla_remind']);
  });

  it('escalates to the team lead at 18:00, the end of the working day, and marks the lead to be recycled', async () => {
    await tickAt(beijing(23, 16, 30));
    expect((await tickAt(beijing(23, 18) - 1)).escalated).toBe(0);
    expect((await tickAt(beijing(23, 18))).escalated).toBe(1);
    expect((await notificationsOf(null)).map((n) => n.kind)).toContain('sla_escalate');
    const queue = await t.client.call('queue.list', { repId: rep });
    expect(queue.items[0]?.sla).toMatchObject({ isOverdue: true, isToBeRecycled: true });
  });

  it('does not count the night: recycles at 11:00 the next working morning, to the public pool', async () => {
    await tickAt(beijing(23, 16, 30));
    await tickAt(beijing(23, 18));
    expect((await tickAt(beijing(24, 11) - 1)).recycled).toBe(0);
    expect((await tickAt(beijing(24, 11))).recycled).toBe(1);
    const detail = await t.client.call('leads.get', { id: lead });
    expect(detail.lead.ownerId).toBeNull();
    expect(detail.assignments.at(-1)).toMatchObject({ kind: 'recycle', repId: null });
    const pool = await t.client.call('pool.list', {});
    expect(pool.rows.map((r) => r.id)).toContain(lead);
    // Why, in each UI language (2 working hours on Monday, 2 on Tuesday), in the lead's history and the team's.
    const grade = detail.lead.grade;
    const expected = {
      en: `No first contact 4 business h after assignment: recycled back to the public pool (${grade === null ? 'ungraded lead' : `grade ${grade} lead`})`,
      'zh-CN': `分配后 4 个工作小时内未首次联系，已收回公海（${grade === null ? '未评级线索' : `${grade} 级线索`}）`,
    };
    const history = await t.client.call('distribution.history', { leadId: lead });
    expect(history.assignments.at(-1)?.reasonText).toEqual(expected);
    const log = await t.client.call('distribution.assignments', { kind: 'recycle' });
    expect(log.rows.map((row) => row.reasonText)).toEqual([expected]);
  });

  it('never applies an action twice, however often the scheduler ticks', async () => {
    for (const at of [beijing(23, 16, 30), beijing(23, 16, 31), beijing(23, 17), beijing(23, 17, 59)]) {
      await tickAt(at);
    }
    expect(await notificationsOf(rep)).toHaveLength(1);
    expect(listSlaActionsForLead(t.service.db, lead).map((a) => a.kind)).toEqual(['remind']);
  });

  it('stops the first-contact clock when the rep logs a follow-up', async () => {
    t.clock.now = beijing(23, 16, 10);
    const client = repClient(t, rep);
    await client.call('followUps.log', { leadId: lead, channel: 'call', said: '介绍了产品' });
    const summary = await tickAt(beijing(25, 12));
    expect(summary).toMatchObject({ reminded: 0, escalated: 0, recycled: 0 });
    expect((await t.client.call('leads.get', { id: lead })).lead.ownerId).toBe(rep);
  });

  it('never gives a recycled lead back to the rep it was taken from: they cannot claim it during the cool-down', async () => {
    await tickAt(beijing(24, 11));
    const client = repClient(t, rep);
    await expect(client.call('pool.claim', { leadId: lead })).rejects.toMatchObject({ code: 'forbidden' });
    const other = repClient(t, await addRep(t, '李强'));
    await expect(other.call('pool.claim', { leadId: lead })).resolves.toMatchObject({ id: lead });
  });

  it('redistributes a recycled lead to another rep, never the previous owner, when the policy says so', async () => {
    await t.client.call('sla.savePolicy', { policy: plainPolicy('redistribute') });
    const others = [await addRep(t, '李强'), await addRep(t, '赵敏')];
    await tickAt(beijing(24, 11));
    const detail = await t.client.call('leads.get', { id: lead });
    expect(detail.lead.ownerId).not.toBe(rep);
    if (detail.lead.ownerId !== null) expect(others).toContain(detail.lead.ownerId);
    expect(detail.assignments.at(-1)?.kind).toBe('recycle');
  });

  it('gives history leads no clock at all', async () => {
    t.service.db.prepare('UPDATE leads SET is_history = 1 WHERE id = ?').run(lead);
    expect(await tickAt(beijing(30, 12))).toMatchObject({ reminded: 0, escalated: 0, recycled: 0 });
    expect((await t.client.call('leads.get', { id: lead })).lead.ownerId).toBe(rep);
  });

  it('catches up after a long sleep with one recycle per lead, once, and no stale reminders', async () => {
    const second = await addLead(t, '周杰');
    assignLead(t, second, rep);
    const scheduler = startSlaScheduler({ service: t.service, intervalMs: 3_600_000 });
    try {
      await scheduler.runNow();
      t.clock.now = beijing(23, 16) + 10 * 24 * 60 * 60 * 1000;
      // The second caller arrives while the first tick runs: it gets the tick queued after it, never a stale one.
      const [first, queued] = await Promise.all([scheduler.runNow(), scheduler.runNow()]);
      expect(first).toMatchObject({ recycled: 2 });
      expect(queued).toMatchObject({ reminded: 0, escalated: 0, recycled: 0 });
      const again = await scheduler.runNow();
      expect(again).toMatchObject({ reminded: 0, escalated: 0, recycled: 0 });
      for (const id of [lead, second]) {
        expect(listSlaActionsForLead(t.service.db, id).map((a) => a.kind)).toEqual(['recycle']);
      }
      expect((await notificationsOf(rep)).map((n) => n.kind)).toEqual(['sla_recycled', 'sla_recycled']);
    } finally {
      scheduler.stop();
    }
  });

  it('refuses an inconsistent policy, naming the problem', async () => {
    const policy = plainPolicy();
    const bad = {
      ...policy,
      grades: { ...policy.grades, A: { ...policy.grades.A, recycleAfterMinutes: 10 } },
    };
    await expect(t.client.call('sla.savePolicy', { policy: bad })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('recycling comes before escalation'),
    });
  });

  it('refuses to move the clock unless the hub runs with test hooks', async () => {
    await expect(t.client.call('dev.advanceClock', { minutes: 60 })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('lets only the team lead run the scheduler tick', async () => {
    const client = repClient(t, rep);
    await expect(client.call('sla.runDue', {})).rejects.toMatchObject({ code: 'forbidden' });
    expect(minutes(1)).toBe(60_000);
  });
});
