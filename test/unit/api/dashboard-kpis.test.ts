import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, assignLead, beijing, plainPolicy, repClient } from './work-fixtures';

/** The week of Tuesday 17 – Monday 23 November 2026 (Beijing); the week before is 10 – 16 November. */
const WEEK = { from: '2026-11-17', to: '2026-11-23' } as const;

describe('the Dashboard KPI row', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let wang: string;
  let li: string;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(12, 9));
    // First contact within 30 business minutes for every grade, Mon–Fri 9:00–18:00.
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    wang = await addRep(t, '王芳');
    li = await addRep(t, '李强');
    // Out of office, so distribution leaves new leads in the pool: the week holds exactly the hand-overs below.
    for (const id of [wang, li]) await t.client.call('reps.update', { id, patch: { isOutOfOffice: true } });
    const asWang = repClient(t, wang);
    const asLi = repClient(t, li);
    const db = t.service.db;

    // The week before: handed to 李强 Thursday 12th 10:00, called 10:10.
    t.clock.now = beijing(12, 10);
    const before = await addLead(t, '上周客户');
    assignLead(t, before, li);
    t.clock.now = beijing(12, 10, 10);
    await asLi.call('followUps.log', { leadId: before, channel: 'call', said: '初次联系' });

    // Friday 20th 17:50 to 王芳, called Monday 09:10: 10 + 10 = 20 business minutes.
    t.clock.now = beijing(20, 17, 50);
    const friday = await addLead(t, '周五客户');
    assignLead(t, friday, wang);
    t.clock.now = beijing(23, 9, 10);
    await asWang.call('followUps.log', { leadId: friday, channel: 'call', said: '周一回电' });

    // Monday 10:00 to 李强, called 10:45 (45 minutes, over the 30) and won at noon.
    t.clock.now = beijing(23, 10);
    const won = await addLead(t, '赢单客户');
    assignLead(t, won, li);
    t.clock.now = beijing(23, 10, 45);
    await asLi.call('followUps.log', { leadId: won, channel: 'call', said: '谈妥了' });
    t.clock.now = beijing(23, 12);
    await t.client.call('funnel.move', { id: won, stage: 'won', wonAmountYuan: 5000 });

    // Monday 11:00 to 王芳, never contacted.
    t.clock.now = beijing(23, 11);
    const silent = await addLead(t, '没人理');
    assignLead(t, silent, wang);

    db.prepare(`UPDATE leads SET source = '百度推广', cost_fen = 10000 WHERE id = ?`).run(friday);
    db.prepare(`UPDATE leads SET source = '转介绍', cost_fen = 0 WHERE id = ?`).run(won);
    t.clock.now = beijing(23, 17);
  });
  afterEach(() => t.close());

  it('measures response time in business minutes, with the week before and a daily sparkline', async () => {
    const row = await t.client.call('dashboard.kpis', WEEK);
    expect(row.period).toEqual({ from: '2026-11-17', to: '2026-11-23', days: 7 });
    expect(row.previous).toEqual({ from: '2026-11-10', to: '2026-11-16' });
    expect(row.response.current).toMatchObject({ assigned: 3, contacted: 2, notContacted: 1 });
    expect(row.response.current.medianMinutes).toBe((20 + 45) / 2);
    expect(row.response.current.p90Minutes).toBe(45);
    // Within 30: the Friday lead; over: the 45-minute one and the silent one (300 business minutes by now).
    expect(row.response.current.withinTarget).toMatchObject({ value: 1 / 3, n: 3 });
    expect(row.response.previous).toMatchObject({ contacted: 1, medianMinutes: 10 });
    expect(row.seriesDates).toHaveLength(7);
    expect(row.response.series).toEqual([null, null, null, 20, null, null, 45]);
    expect(row.targets.responseMinutes.A).toBe(30);
  });

  it('gives conversion and loss over the week’s arrivals, apart from the week before', async () => {
    const row = await t.client.call('dashboard.kpis', WEEK);
    expect(row.conversion.current.wonOfArrived).toMatchObject({ value: 1 / 3, n: 3 });
    expect(row.conversion.current.wonOfClosed).toMatchObject({ value: 1, n: 1 });
    expect(row.conversion.previous.wonOfArrived).toMatchObject({ value: 0, n: 1 });
    expect(row.loss.current.neverContacted).toMatchObject({ value: 1 / 3, n: 3 });
    expect(row.loss.current.any.value).toBe(1 / 3);
    expect(row.arrivalsSeries).toEqual([0, 0, 0, 1, 0, 0, 2]);
  });

  it('compares with the week before: its arrivals’ conversion and loss as they stand, its own closures', async () => {
    // Two more arrivals of the week before: one won that week, one lost this week and never contacted.
    t.clock.now = beijing(13, 10);
    const wonBefore = await addLead(t, '上周赢单');
    t.clock.now = beijing(14, 10);
    await t.client.call('funnel.move', { id: wonBefore, stage: 'won', wonAmountYuan: 1000 });
    t.clock.now = beijing(15, 10);
    const lostLater = await addLead(t, '本周丢单');
    t.clock.now = beijing(21, 10);
    await t.client.call('funnel.move', { id: lostLater, stage: 'lost', lostReason: '价格太高' });
    t.clock.now = beijing(23, 17);
    const row = await t.client.call('dashboard.kpis', WEEK);
    // The week before: 上周客户 (contacted), 上周赢单 (won) and 本周丢单 arrived; 上周赢单 closed then.
    expect(row.conversion.previous).toMatchObject({
      arrived: 3,
      wonOfArrived: { value: 1 / 3, n: 3 },
      closed: 1,
      wonOfClosed: { value: 1, n: 1 },
    });
    expect(row.loss.previous.lost).toMatchObject({ value: 1 / 3, n: 3 });
    expect(row.loss.previous.neverContacted).toMatchObject({ value: 1 / 3, n: 3 });
    expect(row.loss.previous.recycled).toMatchObject({ value: 0, n: 3 });
    expect(row.loss.previous.any).toMatchObject({ value: 1 / 3, n: 3 });
    // This week's arrivals are this week's alone; its closures take in the lead lost this week.
    expect(row.conversion.current).toMatchObject({
      arrived: 3,
      closed: 2,
      wonOfClosed: { value: 1 / 2, n: 2 },
    });
    expect(row.loss.current.lost).toMatchObject({ value: 0, n: 3 });
  });

  it('counts manual hand-overs apart from distribution, as the Rules page does, and judges nothing', async () => {
    const row = await t.client.call('dashboard.kpis', WEEK);
    const all = row.balance.groups.find((g) => g.group === 'all');
    const fairness = await t.client.call('distribution.fairness', WEEK);
    expect(fairness.leadCount).toBe(0);
    expect(all).toMatchObject({ leads: 0, reps: fairness.repCount, verdict: 'too_few' });
  });

  it('narrows every figure to one rep', async () => {
    const row = await t.client.call('dashboard.kpis', { ...WEEK, repId: li });
    expect(row.response.current).toMatchObject({ assigned: 1, contacted: 1, medianMinutes: 45 });
    expect(row.conversion.current.wonOfArrived).toMatchObject({ value: 1, n: 1 });
  });

  it('lists sources with cost per lead and ROI, a free source without one', async () => {
    const { channels } = await t.client.call('dashboard.kpis', WEEK);
    const bySource = Object.fromEntries(channels.map((c) => [c.source ?? '', c]));
    expect(bySource['百度推广']).toMatchObject({
      leads: 1,
      costFen: 10_000,
      costPerLeadFen: 10_000,
      roi: -1,
    });
    expect(bySource['转介绍']).toMatchObject({
      leads: 1,
      revenueFen: 500_000,
      roi: null,
      roiKind: 'no_cost',
    });
  });

  it('gives each rep leads, follow-ups, response time and conversion', async () => {
    const { reps } = await t.client.call('dashboard.kpis', WEEK);
    const byName = Object.fromEntries(reps.map((r) => [r.name, r]));
    expect(byName['王芳']).toMatchObject({ leads: 2, followUps: 1, responseMedianMinutes: 20, closed: 0 });
    expect(byName['李强']).toMatchObject({
      leads: 1,
      followUps: 1,
      won: 1,
      conversion: 1,
      revenueFen: 500_000,
    });
  });

  it('shows open leads and capacity now, whatever the period', async () => {
    const now = await t.client.call('dashboard.now', {});
    expect(now.openByStage).toEqual({ raw: 3 });
    expect(now.capacity.reps.map((r) => r.name).sort()).toEqual(['李强', '王芳']);
    // Nobody has a cap: the room is unbounded, no days-to-fill.
    expect(now.capacity.daysToFill).toBeNull();
  });

  it('shows a rep their own figures against the team median, and no one else’s', async () => {
    const mine = await repClient(t, li).call('dashboard.mine', WEEK);
    expect(mine.responseMedianMinutes).toEqual({ mine: 45, teamMedian: (20 + 45) / 2 });
    expect(mine.conversion.mine).toMatchObject({ value: 1, n: 1 });
    expect(JSON.stringify(mine)).not.toContain('王芳');
    expect(JSON.stringify(mine)).not.toContain(wang);
    await expect(t.client.call('dashboard.mine', WEEK)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(repClient(t, li).call('dashboard.kpis', WEEK)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('takes targets from settings', async () => {
    const targets = await t.client.call('dashboard.targets', {});
    await t.client.call('dashboard.saveTargets', {
      targets: { ...targets, responseMinutes: { ...targets.responseMinutes, A: 5 }, conversion: 0.2 },
    });
    const row = await t.client.call('dashboard.kpis', WEEK);
    expect(row.targets).toMatchObject({ conversion: 0.2, responseMinutes: { A: 5, B: 30 } });
  });
});

describe('the satisfaction pulse', () => {
  const tempDir = useTempDir();
  let t: TestService;

  beforeEach(() => {
    t = createTestService(tempDir(), beijing(23, 10));
  });
  afterEach(() => t.close());

  it('counts answers and averages them, naming only the rep who signed', async () => {
    const wang = await addRep(t, '王芳');
    const li = await addRep(t, '李强');
    await repClient(t, li).call('dashboard.answerPulse', { score: 5, comment: '挺公平' });
    // Answering again this month replaces the answer.
    await repClient(t, li).call('dashboard.answerPulse', { score: 4, comment: '还行' });
    await repClient(t, wang).call('dashboard.answerPulse', {
      score: 2,
      comment: 'A 类线索太少',
      isSigned: true,
    });
    const pulse = await t.client.call('dashboard.pulse', {});
    expect(pulse.month).toBe('2026-11');
    expect(pulse.summary.latest).toMatchObject({ month: '2026-11', value: 3, n: 2 });
    expect(pulse.comments.map((c) => [c.comment, c.signedBy]).sort()).toEqual([
      ['A 类线索太少', '王芳'],
      ['还行', null],
    ]);
    expect(JSON.stringify(pulse)).not.toContain(li);
    expect(JSON.stringify(pulse)).not.toContain('李强');
    expect(await repClient(t, li).call('dashboard.myPulse', {})).toEqual({
      month: '2026-11',
      answer: { score: 4, comment: '还行', isSigned: false },
    });
  });

  it('shows the trend by month and the pulse in the KPI row', async () => {
    const li = await addRep(t, '李强');
    t.clock.now = beijing(23, 10) - 30 * 86_400_000;
    await repClient(t, li).call('dashboard.answerPulse', { score: 3 });
    t.clock.now = beijing(23, 10);
    await repClient(t, li).call('dashboard.answerPulse', { score: 5 });
    const row = await t.client.call('dashboard.kpis', WEEK);
    expect(row.satisfaction.trend).toEqual([
      { month: '2026-10', count: 1, average: 3 },
      { month: '2026-11', count: 1, average: 5 },
    ]);
    expect(row.satisfaction.change).toBe(2);
  });

  it('refuses the team lead an answer and a score outside 1–5', async () => {
    await expect(t.client.call('dashboard.answerPulse', { score: 4 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const li = await addRep(t, '李强');
    await expect(repClient(t, li).call('dashboard.answerPulse', { score: 6 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(repClient(t, li).call('dashboard.pulse', {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
