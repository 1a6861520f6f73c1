import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../core/domain/clock';
import {
  bootstrapCountsEstimates,
  bootstrapEstimate,
  histogramOf,
  medianOf,
  proportionEstimate,
  quantileOf,
} from '../../../../core/domain/kpi/stats';

describe('kpi statistics', () => {
  it('takes the median of an even sample as the mean of the middle two', () => {
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(medianOf([5, 1, 3])).toBe(3);
    expect(medianOf([])).toBeNull();
  });

  it('takes p90 by nearest rank', () => {
    expect(quantileOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantileOf([7], 0.9)).toBe(7);
  });

  it('gives a Wilson interval that stays honest at 0 of 3', () => {
    // Upper bound of 0/n is z² / (n + z²): 3.8415 / 6.8415.
    const z2 = 1.959963984540054 ** 2;
    const estimate = proportionEstimate(0, 3);
    expect(estimate.value).toBe(0);
    expect(estimate.low).toBe(0);
    expect(estimate.high).toBeCloseTo(z2 / (3 + z2), 12);
    expect(proportionEstimate(0, 0)).toEqual({ value: null, n: 0, low: null, high: null });
  });

  it('bootstraps the same interval for the same seed and a narrower one for a larger sample', () => {
    const mean = (s: readonly number[]) => s.reduce((a, b) => a + b, 0) / s.length;
    const small = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const a = bootstrapEstimate(small, mean, createRng(7));
    const b = bootstrapEstimate(small, mean, createRng(7));
    expect(a).toEqual(b);
    expect(a.value).toBe(5.5);
    expect(a.low!).toBeLessThan(5.5);
    expect(a.high!).toBeGreaterThan(5.5);
    const large = bootstrapEstimate(
      Array.from({ length: 400 }, (_, i) => (i % 10) + 1),
      mean,
      createRng(7),
    );
    expect(large.high! - large.low!).toBeLessThan(a.high! - a.low!);
  });

  it('resamples counts per category keeping the total, exactly below 64 trials and approximately above', () => {
    const total = (c: readonly number[]) => c.reduce((a, b) => a + b, 0);
    expect(bootstrapCountsEstimates([3, 5, 200], [total], createRng(3))[0]).toEqual({
      value: 208,
      n: 208,
      low: 208,
      high: 208,
    });
    const first = (c: readonly number[]) => c[0] ?? 0;
    const small = bootstrapCountsEstimates([10, 10], [first], createRng(3))[0]!;
    const large = bootstrapCountsEstimates([1000, 1000], [first], createRng(3))[0]!;
    expect(small.low!).toBeLessThan(10);
    expect(small.high!).toBeGreaterThan(10);
    // Relative width shrinks as √n grows: 20 → 2000 items is 10× narrower.
    expect((large.high! - large.low!) / 1000).toBeLessThan((small.high! - small.low!) / 10 / 3);
  });

  it('gives each statistic of a paired bootstrap the interval a bootstrap of it alone gives, same seed', () => {
    const first = (c: readonly number[]) => c[0] ?? 0;
    const spread = (c: readonly number[]) => Math.max(...c) - Math.min(...c);
    const counts = [40, 3, 17, 90, 0, 12];
    const [a, b] = bootstrapCountsEstimates(counts, [first, spread], createRng(5));
    expect(a).toEqual(bootstrapCountsEstimates(counts, [first], createRng(5))[0]);
    expect(b).toEqual(bootstrapCountsEstimates(counts, [spread], createRng(5))[0]);
    expect(b!.low!).toBeLessThan(b!.high!);
  });

  it('puts each value in one bucket of a histogram', () => {
    expect(histogramOf([0, 4.9, 5, 100], [5, 60]).map((b) => b.count)).toEqual([2, 1, 1]);
  });
});
