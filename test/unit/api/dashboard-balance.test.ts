// The Dashboard's balance and the distribution page's fairness are one computation: on the demo workspace, the
// same period gives the same σ, Gini, rep count and new reps' share on both, the Dashboard adding intervals; and
// the fairness table's fair shares are the ledger's "expected" beside it on the Transparency page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../core/api/contract';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

describe('balance on the Dashboard and fairness on the Rules page', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let row: CallOutput<'dashboard.kpis'>;
  let fairness: CallOutput<'distribution.fairness'>;
  let ledger: CallOutput<'distribution.ledger'>;
  let rowBefore: CallOutput<'dashboard.kpis'>;
  let weekRows: CallOutput<'dashboard.kpis'>[];
  let dayRow: CallOutput<'dashboard.kpis'>;
  let dayRows: CallOutput<'dashboard.kpis'>[];
  /** The team's local date `offset` days before today. */
  let day: (offset: number) => string;

  beforeAll(async () => {
    t = createTestService(tempDir());
    await t.client.call('workspace.loadDemo', {});
    day = (offset: number) =>
      new Date(t.clock.now + 8 * 3_600_000 - offset * 86_400_000).toISOString().slice(0, 10);
    const period = { from: day(59), to: day(0) };
    row = await t.client.call('dashboard.kpis', period);
    fairness = await t.client.call('distribution.fairness', period);
    ledger = await t.client.call('distribution.ledger', period);
    rowBefore = await t.client.call('dashboard.kpis', { from: day(119), to: day(60) });
    // Each point of the trend asked for as a period of its own.
    weekRows = [];
    for (const point of row.balance.trend)
      weekRows.push(await t.client.call('dashboard.kpis', { from: point.from, to: point.to }));
    dayRow = await t.client.call('dashboard.kpis', { from: day(13), to: day(0) });
    dayRows = [];
    for (const point of dayRow.balance.trend)
      dayRows.push(await t.client.call('dashboard.kpis', { from: point.from, to: point.to }));
  }, 120_000);
  afterAll(() => t.close());

  const group = (key: string) => row.balance.groups.find((g) => g.group === key);

  it('counts the same leads over the same reps', () => {
    expect(fairness.leadCount).toBeGreaterThan(20);
    expect(group('all')?.leads).toBe(fairness.leadCount);
    expect(group('all')?.reps).toBe(fairness.repCount);
  });

  it('says the same workload σ, per grade too, and the same Gini of A/B leads', () => {
    expect(group('all')?.stdDev.value).toBeCloseTo(fairness.workloadStdDev, 9);
    for (const grade of ['A', 'B', 'C', 'D'] as const)
      expect(group(grade)?.stdDev.value ?? 0, grade).toBeCloseTo(fairness.workloadStdDevByGrade[grade], 9);
    expect(group('ab')?.gini.value ?? 0).toBeCloseTo(fairness.abGini, 9);
  });

  it('gives the new reps the same share of A/B leads, with its sample', () => {
    const ab = group('ab');
    expect(row.balance.newReps.newReps).toBe(fairness.newRepIds.length);
    if (fairness.newRepIds.length > 0 && (ab?.leads ?? 0) > 0)
      expect(row.balance.newReps.share.value ?? 0).toBeCloseTo(fairness.newRepAbShare, 9);
    expect(row.balance.newReps.share.n).toBe(ab?.leads);
  });

  it('compares with the period before as the Dashboard shows that period itself', () => {
    expect(rowBefore.period).toEqual({ ...row.previous, days: row.period.days });
    expect(row.balance.previous).toEqual(
      rowBefore.balance.groups.map(({ group, leads, stdDev, gini }) => ({
        group,
        leads,
        stdDev: stdDev.value,
        gini: gini.value,
      })),
    );
    expect(row.balance.previous.find((g) => g.group === 'all')?.leads).toBeGreaterThan(20);
  });

  it('draws its trend week by week back from the last day, each point the Gini of that week asked for alone', () => {
    // 60 days: eight whole weeks ending on the period's last day; the first four days are no whole week.
    expect(row.balance.trend.map((p) => [p.from, p.to])).toEqual(
      Array.from({ length: 8 }, (_, k) => [day(55 - 7 * k), day(49 - 7 * k)]),
    );
    expect(row.balance.trend.filter((p) => p.gini !== null).length).toBeGreaterThan(0);
    row.balance.trend.forEach((point, k) => {
      const all = weekRows[k]?.balance.groups.find((g) => g.group === 'all');
      expect(point.leads, point.from).toBe(all?.leads);
      if (all?.verdict === 'too_few') expect(point.gini, point.from).toBeNull();
      else expect(point.gini ?? Number.NaN, point.from).toBeCloseTo(all?.gini.value ?? Number.NaN, 12);
    });
  });

  it('draws a period of two weeks day by day, each point that day asked for alone', () => {
    expect(dayRow.balance.trend.map((p) => p.from)).toEqual(
      Array.from({ length: 14 }, (_, k) => day(13 - k)),
    );
    dayRow.balance.trend.forEach((point, k) => {
      const all = dayRows[k]?.balance.groups.find((g) => g.group === 'all');
      expect(point.to).toBe(point.from);
      expect(point.leads, point.from).toBe(all?.leads);
      expect(point.gini, point.from).toBe(
        all?.verdict === 'too_few' ? null : (all?.gini.value ?? Number.NaN),
      );
    });
  });

  it('puts an interval around each figure it judges', () => {
    const all = group('all');
    expect(all?.stdDev.low).not.toBeNull();
    expect(all?.stdDev.low ?? 0).toBeLessThanOrEqual(all?.stdDev.high ?? 0);
    expect(all?.verdict).not.toBe('too_few');
  });

  it('owes each rep what the ledger owes them: the fairness table and the ledger agree, reps away included', () => {
    expect(ledger.leadCount).toBe(fairness.leadCount);
    // The demo has a rep who joined within the period and one out of office on some of its days.
    expect(ledger.rows.some((r) => r.availableDays > 0 && r.availableDays < 60)).toBe(true);
    for (const row of ledger.rows) {
      const rep = fairness.perRep[row.repId];
      expect(rep?.total, row.repId).toBe(row.total.received);
      expect(rep?.availableDays, row.repId).toBe(row.availableDays);
      expect(rep?.fairShare ?? 0, row.repId).toBeCloseTo(row.total.expected, 2);
      if (row.total.expected > 0)
        expect(rep?.ratio ?? 0, row.repId).toBeCloseTo(row.total.received / (rep?.fairShare ?? 1), 9);
      for (const grade of ['A', 'B', 'C', 'D'] as const)
        expect(rep?.owedByGrade?.[grade] ?? 0, `${row.repId} ${grade}`).toBeCloseTo(
          row.byGrade[grade].expected,
          2,
        );
    }
  });
});
