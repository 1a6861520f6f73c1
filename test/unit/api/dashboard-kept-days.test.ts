// The Dashboard after the team's work: each day's arrivals are kept between loads (core/store/arrival-days.ts), and
// after new leads, stage moves, edits and follow-ups through the API the KPI row is what it is with nothing kept,
// and its arrivals count opens as many leads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../core/api/contract';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

describe('kept arrival days on the demo workspace', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let period: { from: string; to: string };
  let before: CallOutput<'dashboard.kpis'>;

  const keptDays = () => (t.db.prepare(`SELECT count(*) AS n FROM arrival_days`).get() as { n: number }).n;
  const liveLead = (where: string) =>
    (
      t.db
        .prepare(
          `SELECT id FROM leads WHERE is_history = 0 AND deleted_at IS NULL AND owner_id IS NOT NULL AND ${where}
           ORDER BY created_at LIMIT 1`,
        )
        .get() as { id: string } | undefined
    )?.id ?? '';

  beforeAll(async () => {
    t = createTestService(tempDir());
    await t.client.call('workspace.loadDemo', {});
    const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    period = { from: day(t.clock.now - 89 * 86_400_000), to: day(t.clock.now) };
    before = await t.client.call('dashboard.kpis', period);
  }, 120_000);
  afterAll(() => t.close());

  it('answers after the team works what it answers with nothing kept', async () => {
    expect(keptDays()).toBe(90);
    await t.client.call('leads.create', { name: '新来的客户', phone: '13700001111', source: '官网' });
    await t.client.call('funnel.move', {
      id: liveLead(`stage IN ('mql', 'sql', 'opportunity')`),
      stage: 'won',
      wonAmountYuan: 12_000,
    });
    await t.client.call('leads.update', { id: liveLead(`stage = 'raw'`), patch: { source: '展会' } });
    await t.client.call('followUps.log', {
      leadId: liveLead(`has_follow_up = 0 AND stage NOT IN ('won', 'lost')`),
      channel: 'call',
      said: '初次电话',
      noNextStep: true,
    });
    expect(keptDays()).toBeLessThan(90);
    const after = await t.client.call('dashboard.kpis', period);
    expect(after.conversion.current.arrived).toBe(before.conversion.current.arrived + 1);
    expect(after.conversion.current).not.toEqual(before.conversion.current);
    expect(keptDays()).toBe(90);
    t.db.exec('DELETE FROM arrival_days');
    expect(await t.client.call('dashboard.kpis', period)).toEqual(after);
    const opened = await t.client.call('dashboard.leads', { ...period, metric: 'arrived', limit: 1 });
    expect(opened.total).toBe(after.conversion.current.arrived);
  });
});
