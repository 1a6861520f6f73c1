// The histogram of sorted values by binary search counts what the value-by-value histogram counts, edges and
// negative values included; the indexed mean sums in the same order as before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESPONSE_HISTOGRAM_EDGES } from '../../../../core/domain/kpi/response-time';
import { histogramOf, histogramOfSorted, meanOf } from '../../../../core/domain/kpi/stats';

const value = fc.oneof(
  fc.constantFrom(0, 5, 15, 30, 60, 240, 540, 4.999, 539.5),
  fc.double({ min: -10, max: 2000, noNaN: true }),
);

describe('statistics of sorted values', () => {
  it('histogramOfSorted equals histogramOf (property)', () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 80 }),
        fc.constantFrom([...RESPONSE_HISTOGRAM_EDGES], [1], []),
        (values, edges) => {
          const sorted = Float64Array.from(values).sort();
          expect(histogramOfSorted(sorted, edges)).toEqual(histogramOf(values, edges));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('meanOf adds the values in order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (values) => {
        let sum = 0;
        for (const v of values) sum += v;
        expect(meanOf(Float64Array.from(values))).toBe(sum / values.length);
      }),
    );
    expect(meanOf([])).toBeNull();
  });
});
