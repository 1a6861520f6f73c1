import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, assignLead, beijing, plainPolicy, repClient } from './work-fixtures';

describe('the Dashboard summary', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let wang: string;
  let li: string;

  /** Monday 23 November 2026 (Beijing) back to the Tuesday before: a 7-day period. */
  const WEEK = { from: '2026-11-17', to: '2026-11-23' } as const;

  beforeEach(async () => {
    // A lead created 40 days ago: outside the period.
    t = createTestService(tempDir(), beijing(23, 9) - 40 * 86_400_000);
    await addLead(t, '旧客户');
    t.clock.now = beijing(21, 10); // Saturday
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
    wang = await addRep(t, '王芳');
    li = await addRep(t, '李强');

    // Won and lost in the period, each by one rep.
    const won = await addLead(t, '赢单客户');
    assignLead(t, won, wang);
    await t.client.call('funnel.move', { id: won, stage: 'won', wonAmountYuan: 5000 });
    const lost = await addLead(t, '输单客户');
    assignLead(t, lost, li);
    await t.client.call('funnel.move', { id: lost, stage: 'lost', lostReason: '价格太高' });

    // Monday 16:00: one lead handed to 王芳 and not contacted (first contact due 16:30), one to 李强 and called.
    t.clock.now = beijing(23, 16);
    const overdue = await addLead(t, '陈静');
    assignLead(t, overdue, wang);
    const called = await addLead(t, '刘婷');
    assignLead(t, called, li);
    await (
      await repClient(t, li)
    ).call('followUps.log', { leadId: called, channel: 'call', said: '介绍了产品' });

    // A history lead won in the period: counts in won, not in new leads; a deleted lead counts nowhere.
    const history = await addLead(t, '历史客户');
    const deleted = await addLead(t, '删除客户');
    const db = t.service.db;
    db.prepare(
      `UPDATE leads SET is_history = 1, stage = 'won', won_amount_fen = 100000, closed_at = ?, owner_id = ? WHERE id = ?`,
    ).run(beijing(18, 12), wang, history);
    db.prepare(
      `UPDATE leads SET deleted_at = ?, stage = 'won', won_amount_fen = 999900, closed_at = ? WHERE id = ?`,
    ).run(beijing(23, 16), beijing(23, 16), deleted);
    db.prepare(
      `INSERT INTO lead_recycles (id, lead_id, from_rep_id, reason, at) VALUES (?, ?, ?, 'sla', ?)`,
    ).run('rec_1', overdue, li, beijing(22, 11));
    t.clock.now = beijing(23, 17);
  });
  afterEach(() => t.close());

  it('counts the funnel now and the period’s new, won and lost leads, history in won but not in new', async () => {
    const summary = await t.client.call('dashboard.summary', WEEK);
    expect(summary.stageCounts).toEqual({ raw: 3, won: 1, lost: 1 });
    expect(summary.newLeads).toBe(4);
    expect(summary).toMatchObject({ won: 2, lost: 1, wonAmountFen: 600_000 });
    expect(summary.conversionRate).toBeCloseTo(2 / 3);
  });

  it('counts new leads per local day, zeros included', async () => {
    const summary = await t.client.call('dashboard.summary', WEEK);
    expect(summary.newLeadsByDay.map((d) => d.date)).toEqual([
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);
    expect(summary.newLeadsByDay.map((d) => d.count)).toEqual([0, 0, 0, 0, 2, 0, 2]);
  });

  it('reports the uncontacted lead overdue for first contact, and the recycle in the period', async () => {
    const summary = await t.client.call('dashboard.summary', WEEK);
    expect(summary).toMatchObject({ overdueFirstContact: 1, overdueFollowUp: 0, recycled: 1 });
    const before = await t.client.call('dashboard.summary', { from: '2026-11-23', to: '2026-11-23' });
    expect(before.recycled).toBe(0);
  });

  it('gives each rep their open load and leads won in the period', async () => {
    const summary = await t.client.call('dashboard.summary', WEEK);
    const byName = Object.fromEntries(summary.reps.map((r) => [r.name, r]));
    expect(byName['王芳']).toMatchObject({ repId: wang, won: 2 });
    expect(byName['李强']).toMatchObject({ repId: li, won: 0 });
    expect(byName['王芳']?.openLoad).toBeGreaterThanOrEqual(1);
  });

  it('leaves out leads closed before the period', async () => {
    const summary = await t.client.call('dashboard.summary', { from: '2026-11-22', to: '2026-11-23' });
    expect(summary).toMatchObject({ won: 0, lost: 0, wonAmountFen: 0, conversionRate: null, newLeads: 2 });
  });

  it('answers only the team lead, and refuses a backwards or unknown-keyed range', async () => {
    await expect((await repClient(t, wang)).call('dashboard.summary', WEEK)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      t.client.call('dashboard.summary', { from: '2026-11-23', to: '2026-11-17' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      t.client.call('dashboard.summary', { ...WEEK, extra: 1 } as unknown as typeof WEEK),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
