// The bootstrap's two statistics in reused buffers give, bit for bit, what computeStdDev and computeGini give over
// the mapped values (leads less the fair share, leads per available day), with and without available days.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGini, computeStdDev } from '../../../../core/domain/distribution/fairness';
import { balanceStatistics } from '../../../../core/domain/kpi/balance';

const team = fc
  .array(fc.record({ leads: fc.nat(400), days: fc.integer({ min: 1, max: 31 }) }), { maxLength: 12 })
  .map((reps) => ({ values: reps.map((r) => r.leads), days: reps.map((r) => r.days) }));

describe('balance statistics', () => {
  it('equal computeStdDev and computeGini of the mapped values, bit for bit (property)', () => {
    fc.assert(
      fc.property(team, fc.boolean(), ({ values, days }, isAdjusted) => {
        const totalDays = days.reduce((a, b) => a + b, 0);
        const { stdDevOf, giniOf } = balanceStatistics(days, isAdjusted && totalDays > 0 ? totalDays : null);
        const sum = values.reduce((a, b) => a + b, 0);
        const expectedStdDev =
          isAdjusted && totalDays > 0
            ? computeStdDev(values.map((v, k) => v - (sum * (days[k] ?? 0)) / totalDays))
            : computeStdDev(values);
        const expectedGini = computeGini(
          isAdjusted && totalDays > 0 ? values.map((v, k) => v / (days[k] ?? 1)) : values,
        );
        // Twice: the second call reuses the buffers the first filled.
        for (let i = 0; i < 2; i += 1) {
          expect(Object.is(stdDevOf(values), expectedStdDev)).toBe(true);
          expect(Object.is(giniOf(values), expectedGini)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
