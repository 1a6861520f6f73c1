import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionLargestRemainder } from '../../../../core/domain/scoring/apportion';

describe('largest-remainder rounding', () => {
  it('gives the extra point to the largest remainder, and ties to the earlier part', () => {
    expect(apportionLargestRemainder([1.2, 1.7, 1.1], 4)).toEqual([1, 2, 1]);
    expect(apportionLargestRemainder([0.5, 0.5], 1)).toEqual([1, 0]);
  });

  it('sums to the rounded total and moves each part by less than one, negatives included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (parts) => {
          const total = Math.round(parts.reduce((s, x) => s + x, 0)) || 0;
          const out = apportionLargestRemainder(parts, total);
          expect(out.reduce((s, x) => s + x, 0)).toBe(total);
          out.forEach((x, i) => expect(Math.abs(x - (parts[i] ?? 0))).toBeLessThan(1));
        },
      ),
    );
  });

  it('still sums to a total clamped far from the parts', () => {
    expect(apportionLargestRemainder([0.4, 0.4], 5).reduce((s, x) => s + x, 0)).toBe(5);
    expect(apportionLargestRemainder([3.6, 3.6], 0).reduce((s, x) => s + x, 0)).toBe(0);
  });
});
