import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../core/domain/clock';
import type { BalanceCount } from '../../../../core/domain/kpi/balance';
import { balanceFromFairness, computeBalance } from '../../../../core/domain/kpi/balance';
import { computeFairness } from '../../../../core/domain/distribution/fairness';
import { asRepId } from '../../../../core/domain/ids';

const REPS = [
  { id: 'r1', isNew: false },
  { id: 'r2', isNew: false },
  { id: 'r3', isNew: false },
  { id: 'r4', isNew: true },
];

function many(repId: string, grade: BalanceCount['grade'], count: number): BalanceCount[] {
  return [{ repId, grade, count }];
}

describe('distribution balance', () => {
  it('gives σ and Gini of leads per rep with an interval around them', () => {
    // C leads per rep 12, 6, 6, 0: mean 6, σ = √((36 + 0 + 0 + 36) / 4) = √18;
    // Gini = 2 Σ i·x(i) / (n Σx) − (n + 1) / n = 2·78 / (4·24) − 5/4 = 0.375.
    const assignments = [...many('r1', 'C', 12), ...many('r2', 'C', 6), ...many('r3', 'C', 6)];
    const c = computeBalance(REPS, assignments, createRng(42)).groups.find((g) => g.group === 'C')!;
    expect(c.leads).toBe(24);
    expect(c.reps).toBe(4);
    expect(c.stdDev.value).toBeCloseTo(Math.sqrt(18), 12);
    expect(c.gini.value).toBeCloseTo(0.375, 12);
    expect(c.gini.n).toBe(24);
    expect(c.gini.low!).toBeLessThan(0.375);
    expect(c.gini.high!).toBeGreaterThan(0.375);
    expect(c.stdDev.low!).toBeLessThan(Math.sqrt(18));
    expect(c.verdict).toBe('even');
  });

  it('raises the alarm only when even the interval says uneven', () => {
    // 200, 20, 20, 0: Gini = 2·900 / (4·240) − 5/4 = 0.625, a sample of 240.
    const assignments = [...many('r1', 'B', 200), ...many('r2', 'B', 20), ...many('r3', 'B', 20)];
    const b = computeBalance(REPS, assignments, createRng(42)).groups.find((g) => g.group === 'B')!;
    expect(b.gini.value).toBeCloseTo(0.625, 12);
    expect(b.gini.low!).toBeGreaterThan(0.4);
    expect(b.verdict).toBe('uneven');
  });

  it('judges nothing from 3 A/B leads: too few, even when all went to one rep', () => {
    const report = computeBalance(REPS, many('r4', 'A', 3), createRng(42));
    const ab = report.groups.find((g) => g.group === 'ab')!;
    expect(ab.gini.value).toBeCloseTo(0.75, 12);
    expect(ab.verdict).toBe('too_few');
    expect(report.newReps.share).toMatchObject({ value: 1, n: 3 });
    expect(report.newReps.verdict).toBe('too_few');
  });

  it('says new reps are below the floor only when the whole interval is', () => {
    // Floor = 0.5 × 1 new rep / 4 reps = 0.125; 0 of 40 has Wilson high z²/(40 + z²) ≈ 0.088.
    const starved = computeBalance(REPS, [...many('r1', 'A', 20), ...many('r2', 'B', 20)], createRng(1));
    expect(starved.newReps.floor).toBe(0.125);
    expect(starved.newReps.share.high!).toBeLessThan(0.125);
    expect(starved.newReps.verdict).toBe('below_floor');
    // 2 of 20 (0.1) is under the floor, but the interval reaches above it: no alarm, and never "not below".
    const chance = computeBalance(REPS, [...many('r1', 'A', 18), ...many('r4', 'A', 2)], createRng(1));
    expect(chance.newReps.share.value).toBe(0.1);
    expect(chance.newReps.share.high!).toBeGreaterThan(0.125);
    expect(chance.newReps.verdict).toBe('below_floor_by_chance');
    // 3 of 20 (0.15) is at or above it.
    const fine = computeBalance(REPS, [...many('r1', 'A', 17), ...many('r4', 'A', 3)], createRng(1));
    expect(fine.newReps.share.value).toBe(0.15);
    expect(fine.newReps.verdict).toBe('at_or_above_floor');
  });

  it('gives the same figures whatever order the assignments come in', () => {
    const assignments = [
      ...many('r1', 'C', 5),
      ...many('r2', 'D', 7),
      ...many('r3', 'C', 9),
      ...many('r4', 'D', 2),
    ];
    const reversed = [...assignments].reverse();
    expect(computeBalance(REPS, reversed, createRng(9))).toEqual(
      computeBalance(REPS, assignments, createRng(9)),
    );
    expect(computeBalance([...REPS].reverse(), assignments, createRng(9))).toEqual(
      computeBalance(REPS, assignments, createRng(9)),
    );
  });

  it('per available day, says the σ and Gini the distribution page says, with intervals', () => {
    // r1 worked 20 days and got 20 C leads, r2 worked 10 days (leave) and got 10, r3 worked 10 and got 0.
    // Fair shares of 30 leads over 40 days: 15, 7.5, 7.5; deviations 5, 2.5, −7.5: σ = √((25 + 6.25 + 56.25) / 3).
    // Per day 1, 1, 0: Gini = 2·(2·1 + 3·1) / (3·2) − 4/3 = 1/3.
    const reps = ['r1', 'r2', 'r3'].map((id) => ({ id: asRepId(id), joinedOn: '2025-01-01' }));
    const assignments = [
      ...Array.from({ length: 20 }, () => ({ repId: asRepId('r1'), grade: 'C' as const })),
      ...Array.from({ length: 10 }, () => ({ repId: asRepId('r2'), grade: 'C' as const })),
    ];
    const fairness = computeFairness({
      reps,
      assignments,
      now: Date.UTC(2026, 10, 30),
      availableDays: { r1: 20, r2: 10, r3: 10 },
    });
    const report = balanceFromFairness(fairness, createRng(3));
    const all = report.groups.find((g) => g.group === 'all')!;
    expect(all.stdDev.value).toBeCloseTo(Math.sqrt(87.5 / 3), 12);
    expect(all.stdDev.value).toBeCloseTo(fairness.workloadStdDev, 12);
    const c = report.groups.find((g) => g.group === 'C')!;
    expect(c.gini.value).toBeCloseTo(1 / 3, 12);
    expect(c.stdDev.value).toBeCloseTo(fairness.workloadStdDevByGrade.C, 12);
    expect(all).toMatchObject({ leads: 30, reps: 3, verdict: 'even' });
    expect(all.stdDev.low!).toBeLessThan(all.stdDev.high!);
    // No A/B lead at all: nothing to judge, said so.
    expect(report.groups.find((g) => g.group === 'ab')).toMatchObject({ leads: 0, verdict: 'too_few' });
  });
});
