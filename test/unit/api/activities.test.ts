// Scheduling the next activity from a follow-up, the reminders at its due time, and a rep's agenda.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FairleadClient } from '../../../core/api/transport/client';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, assignLead, beijing, plainPolicy, repClient } from './work-fixtures';

describe('activities and the agenda', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let rep: string;
  let other: string;
  let lead: string;
  let rc: FairleadClient;

  beforeEach(async () => {
    // Tuesday 24 November 2026, 10:00 Beijing.
    t = createTestService(tempDir(), beijing(24, 10));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    rep = await addRep(t, '王芳');
    other = await addRep(t, '李强');
    lead = await addLead(t, '陈静');
    assignLead(t, lead, rep);
    rc = repClient(t, rep);
  });
  afterEach(() => t.close());

  async function cardOf(id: string) {
    const queue = await rc.call('queue.list', {});
    const card = queue.items.find((item) => item.id === id);
    if (!card) throw new Error(`no card ${id}`);
    return card;
  }

  async function nextStepNotices(repId: string) {
    return (await repClient(t, repId).call('notifications.list', {})).rows.filter(
      (n) => n.kind === 'next_step_due',
    );
  }

  it('schedules "tomorrow morning" at the next working day’s opening, shown on the card and the queue row', async () => {
    const logged = await rc.call('followUps.log', {
      leadId: lead,
      channel: 'call',
      said: '客户要看方案',
      nextStep: '发方案并电话确认',
      nextKind: 'meeting',
      nextPick: 'tomorrow_morning',
    });
    expect(logged.nextActivity).toMatchObject({ kind: 'meeting', dueAt: beijing(25, 9) });
    const card = await cardOf(lead);
    expect(card).toMatchObject({ nextKind: 'meeting', nextStep: '发方案并电话确认', nextAt: beijing(25, 9) });
    expect(card.sla).toMatchObject({ trigger: 'next_activity', dueAt: beijing(25, 9), isOverdue: false });
  });

  it('keeps "tomorrow morning" picked on a Friday in the agenda: Monday, under later, and no further', async () => {
    // Friday 27 November 2026, 17:00 Beijing: the week ends on Sunday, the next working morning is Monday 30th.
    t.clock.now = beijing(27, 17);
    await rc.call('followUps.log', {
      leadId: lead,
      channel: 'call',
      said: '周一再谈',
      nextStep: '周一上午电话',
      nextPick: 'tomorrow_morning',
    });
    const agenda = await rc.call('followUps.agenda', {});
    expect(agenda.items.map((item) => [item.dueAt, item.section])).toEqual([[beijing(30, 9), 'later']]);
    // A step after that working day is not listed.
    await rc.call('followUps.log', { leadId: lead, channel: 'call', said: '改期', nextAt: beijing(31, 9) });
    expect((await rc.call('followUps.agenda', {})).items).toEqual([]);
  });

  it('keeps a next step written without a time, replacing the old one, and lets the follow-up gap run', async () => {
    await rc.call('followUps.log', {
      leadId: lead,
      channel: 'call',
      said: 'a',
      nextStep: '约决策人会面',
      nextAt: beijing(25, 15),
    });
    await rc.call('followUps.log', { leadId: lead, channel: 'wechat', said: 'b', nextStep: '周五再电话' });
    const card = await cardOf(lead);
    expect(card).toMatchObject({ nextStep: '周五再电话', nextAt: null });
    expect(card.sla?.trigger).toBe('follow_up');
  });

  it('clears the old next step on "no next step", and refuses a next step together with it', async () => {
    await rc.call('followUps.log', {
      leadId: lead,
      channel: 'call',
      said: 'a',
      nextStep: '约决策人会面',
      nextAt: beijing(25, 15),
    });
    await expect(
      rc.call('followUps.log', { leadId: lead, channel: 'call', said: 'b', nextStep: 'x', noNextStep: true }),
    ).rejects.toMatchObject({ reason: 'followUps.nextConflict' });
    await rc.call('followUps.log', { leadId: lead, channel: 'call', said: 'c', noNextStep: true });
    const card = await cardOf(lead);
    expect(card).toMatchObject({ nextStep: null, nextAt: null, nextActivityId: null });
    expect(card.sla?.trigger).toBe('follow_up');
    expect((await rc.call('followUps.agenda', {})).items).toEqual([]);
  });

  it('reminds the rep at the due time, not a millisecond before, and once', async () => {
    await rc.call('followUps.log', {
      leadId: lead,
      channel: 'call',
      said: 'a',
      nextStep: '回电',
      nextPick: 'in_2_hours',
    });
    t.clock.now = beijing(24, 12) - 1;
    expect((await t.client.call('sla.runDue', {})).nextStepReminders).toBe(0);
    t.clock.now = beijing(24, 12);
    expect((await t.client.call('sla.runDue', {})).nextStepReminders).toBe(1);
    t.clock.now = beijing(24, 12, 5);
    expect((await t.client.call('sla.runDue', {})).nextStepReminders).toBe(0);
    const notices = await nextStepNotices(rep);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.detail).toMatchObject({ leadName: '陈静', nextStep: '回电', nextAt: beijing(24, 12) });
  });

  it('lists today and this week with overdue first, completes with one call, and reschedules (reminding again)', async () => {
    const second = await addLead(t, '周杰');
    const third = await addLead(t, '赵敏');
    assignLead(t, second, rep);
    assignLead(t, third, rep);
    await rc.call('followUps.log', {
      leadId: lead,
      channel: 'call',
      said: 'a',
      nextStep: '今天下午',
      nextAt: beijing(24, 15),
    });
    await rc.call('followUps.log', {
      leadId: second,
      channel: 'call',
      said: 'b',
      nextStep: '周四拜访',
      nextKind: 'visit',
      nextAt: beijing(26, 10),
    });
    await rc.call('followUps.log', {
      leadId: third,
      channel: 'call',
      said: 'c',
      nextStep: '下周',
      nextPick: 'next_monday',
    });
    t.clock.now = beijing(24, 16);
    const agenda = await rc.call('followUps.agenda', {});
    expect(agenda.items.map((item) => [item.leadName, item.section])).toEqual([
      ['陈静', 'overdue'],
      ['周杰', 'week'],
    ]);
    expect(agenda.quickPicks.tomorrow_morning).toBe(beijing(25, 9));

    const overdue = agenda.items[0]!;
    await t.client.call('sla.runDue', {});
    const moved = await rc.call('followUps.rescheduleActivity', {
      id: overdue.id,
      nextPick: 'tomorrow_morning',
    });
    expect(moved.dueAt).toBe(beijing(25, 9));
    t.clock.now = beijing(25, 9);
    await t.client.call('sla.runDue', {});
    expect(await nextStepNotices(rep)).toHaveLength(2);

    await rc.call('followUps.completeActivity', { id: moved.id });
    const after = await rc.call('followUps.agenda', {});
    expect(after.items.map((item) => item.leadName)).toEqual(['周杰']);
    await expect(rc.call('followUps.completeActivity', { id: moved.id })).rejects.toMatchObject({
      reason: 'followUps.activityNotFound',
    });
  });

  it('keeps another rep out of a rep’s activities and agenda', async () => {
    const logged = await rc.call('followUps.log', {
      leadId: lead,
      channel: 'call',
      said: 'a',
      nextAt: beijing(24, 15),
    });
    const theirs = repClient(t, other);
    expect((await theirs.call('followUps.agenda', { repId: rep })).items).toEqual([]);
    await expect(
      theirs.call('followUps.completeActivity', { id: logged.nextActivity?.id ?? '' }),
    ).rejects.toMatchObject({ reason: 'work.notYourLead' });
    expect((await t.client.call('followUps.agenda', { repId: rep })).items).toHaveLength(1);
  });

  it('drops a rep’s activity from the agenda and the card once the lead is won', async () => {
    await rc.call('followUps.log', { leadId: lead, channel: 'call', said: 'a', nextAt: beijing(24, 15) });
    await rc.call('funnel.move', { id: lead, stage: 'won', wonAmountYuan: 1000 });
    t.clock.now = beijing(30, 10);
    expect((await rc.call('followUps.agenda', {})).items).toEqual([]);
    const board = await rc.call('funnel.board', {});
    const won = board.columns.find((column) => column.stage === 'won')?.cards[0];
    expect(won?.sla).toBeNull();
  });
});
