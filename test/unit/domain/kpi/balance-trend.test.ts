import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../core/domain/clock';
import { computePeriodFairness, type Receipt } from '../../../../core/domain/distribution/fair-shares';
import type { Grade } from '../../../../core/domain/funnel';
import { asRepId } from '../../../../core/domain/ids';
import { balanceFromFairness } from '../../../../core/domain/kpi/balance';
import { balanceWindows, computeBalanceTrend } from '../../../../core/domain/kpi/balance-trend';
import { makeRep } from '../distribution/fixtures';

const NOW = Date.UTC(2026, 6, 1);

function dates(from: string, count: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

function receipt(repId: string, day: string, count: number, kind: Receipt['kind'] = 'distributed'): Receipt {
  return { repId: asRepId(repId), kind, grade: 'C', day, count };
}

describe('the balance trend', () => {
  it('has a point per day up to two weeks, else whole weeks back from the last day', () => {
    expect(balanceWindows(dates('2026-06-01', 14))).toEqual(
      dates('2026-06-01', 14).map((day) => ({ from: day, to: day })),
    );
    // 15 days: two whole weeks end on the 15th; the 1st is no whole week and has no point.
    expect(balanceWindows(dates('2026-06-01', 15))).toEqual([
      { from: '2026-06-02', to: '2026-06-08' },
      { from: '2026-06-09', to: '2026-06-15' },
    ]);
    const quarter = balanceWindows(dates('2026-06-01', 90));
    expect(quarter).toHaveLength(12);
    expect(quarter.at(-1)).toEqual({ from: '2026-08-23', to: '2026-08-29' });
    expect(quarter[0]).toEqual({ from: '2026-06-07', to: '2026-06-13' });
    expect(balanceWindows([])).toEqual([]);
  });

  it("gives each week's Gini of all leads, none for a week with too few", () => {
    const reps = [makeRep('full'), makeRep('steady'), makeRep('leaver', { isActive: false })];
    const trend = computeBalanceTrend({
      reps,
      receipts: [
        // Week 2–8 June: 15 and 5 leads over 7 days each. Per day 15/7 and 5/7: Gini = 2·(5/7 + 2·15/7) / (2·20/7)
        // − 3/2 = 35/20 − 1.5 = 0.25. A claim is not a lead given by distribution and does not count.
        receipt('full', '2026-06-03', 15),
        receipt('steady', '2026-06-08', 5),
        receipt('full', '2026-06-04', 50, 'claim'),
        // Week 9–15 June: 19 leads, one fewer than a verdict needs.
        receipt('full', '2026-06-09', 10),
        receipt('steady', '2026-06-15', 9),
        // 1 June is in no whole week.
        receipt('full', '2026-06-01', 100),
      ],
      dates: dates('2026-06-01', 15),
      now: NOW,
      options: { minSample: 20 },
    });
    expect(trend).toHaveLength(2);
    expect(trend[0]).toMatchObject({ from: '2026-06-02', to: '2026-06-08', leads: 20 });
    expect(trend[0]?.gini).toBeCloseTo(0.25, 12);
    expect(trend[1]).toEqual({ from: '2026-06-09', to: '2026-06-15', leads: 19, gini: null });
  });

  it('gives each point the Gini the balance card gives for that window as its period, tier and time away too', () => {
    const reps = [
      makeRep('full'),
      makeRep('steady'),
      makeRep('leave', { leave: [{ from: '2026-06-08', to: '2026-06-21' }] }),
      makeRep('joiner', { joinedOn: '2026-06-16' }),
      makeRep('leaver', { isActive: false }),
    ];
    const rng = createRng(7);
    const period = dates('2026-06-01', 40);
    const grades: (Grade | null)[] = ['A', 'B', 'C', 'D', null];
    const kinds: Receipt['kind'][] = ['distributed', 'distributed', 'distributed', 'claim', 'manual'];
    const receipts: Receipt[] = [];
    for (const day of period)
      for (const rep of reps)
        if (rng() < 0.7)
          receipts.push({
            repId: rep.id,
            kind: kinds[Math.floor(rng() * kinds.length)] ?? 'distributed',
            grade: grades[Math.floor(rng() * grades.length)] ?? null,
            day,
            count: 1 + Math.floor(rng() * 4),
          });
    for (const isIncluded of [undefined, (repId: string) => repId !== 'steady']) {
      const trend = computeBalanceTrend({
        reps,
        receipts,
        dates: period,
        now: NOW,
        options: { minSample: 20 },
        ...(isIncluded === undefined ? {} : { isIncluded }),
      });
      expect(trend).toHaveLength(5);
      expect(trend.filter((point) => point.gini !== null).length).toBeGreaterThan(2);
      for (const point of trend) {
        const fairness = computePeriodFairness({ reps, receipts, from: point.from, to: point.to, now: NOW });
        const all = balanceFromFairness(fairness, createRng(1), undefined, isIncluded).groups.find(
          (g) => g.group === 'all',
        );
        expect(point.leads, point.from).toBe(all?.leads);
        if (all?.verdict === 'too_few') expect(point.gini, point.from).toBeNull();
        else expect(point.gini, point.from).toBe(all?.gini.value);
      }
    }
  });
});
