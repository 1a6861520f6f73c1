// Custom column encoders are fitted from each column's tally of distinct cells: the same numbers as fitting the
// cells one by one (the rule written out below), whatever repeats, blanks, units, case or missing keys hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberCell, profileColumn } from '../../../../core/domain/scoring/column-profile';
import { fitCustomEncoders, profileCustomFields } from '../../../../core/domain/scoring/custom-encoding';
import type { CustomEncoder } from '../../../../core/domain/scoring/custom-encoding';
import { makeLead } from './lead-fixtures';

const NUMBER_CELLS = [
  '',
  ' ',
  '3',
  '3',
  '12',
  ' 12 ',
  '¥30',
  '7元',
  '-0',
  '0',
  '1,200',
  '3.5',
  'n/a',
  '1e3',
  '250',
];
const CATEGORY_CELLS = ['', 'Foo', 'foo', ' FOO', 'bar', 'Bar ', 'baz', '是', '  '];

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (pos - lo);
}

/** The numeric fit, cell by cell (what the encoder must equal). */
function numericByCell(key: string, cells: string[], bins: number): CustomEncoder {
  const decimal = profileColumn(cells).decimal ?? 'dot';
  const xs = Float64Array.from(
    cells
      .map((c) => parseNumberCell(c, decimal))
      .filter((x): x is number => x !== null && Number.isFinite(x)),
  ).sort();
  let mean = 0;
  for (const x of xs) mean += x / xs.length;
  let m2 = 0;
  let m3 = 0;
  for (const x of xs) {
    m2 += (x - mean) ** 2 / xs.length;
    m3 += (x - mean) ** 3 / xs.length;
  }
  const skew = xs.length < 3 || m2 === 0 ? 0 : m3 / m2 ** 1.5;
  const isLog = (xs[0] ?? 0) >= 0 && skew > 1;
  const ts = isLog ? xs.map(Math.log1p) : xs;
  const center = quantile(ts, 0.5);
  let scale = quantile(ts, 0.75) - quantile(ts, 0.25);
  if (!(scale > 0)) {
    let mad = 0;
    for (const t of ts) mad += Math.abs(t - center) / Math.max(1, ts.length);
    scale = mad > 0 ? mad : 1;
  }
  const cuts: number[] = [];
  for (let i = 1; i < bins; i++) {
    const cut = quantile(ts, i / bins);
    if (cuts.length === 0 || cut > (cuts[cuts.length - 1] ?? 0)) cuts.push(cut);
  }
  return { key, kind: 'numeric', decimal, isLog, center, scale, cuts: bins >= 2 ? cuts : [] };
}

/** The categorical fit, cell by cell: values trimmed and lower-cased, kept by count then text. */
function categoricalByCell(key: string, cells: string[], minSupport: number): CustomEncoder {
  const counts = new Map<string, number>();
  for (const c of cells) {
    const k = c.trim().toLowerCase();
    if (k !== '') counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const values = [...counts.entries()]
    .filter(([, n]) => n >= minSupport)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, 20)
    .map(([v]) => v);
  return { key, kind: 'categorical', values };
}

/** Cells per lead, or null where the lead has no such key (it reads blank). */
const column = (pool: string[]) =>
  fc.array(fc.option(fc.constantFrom(...pool), { nil: null, freq: 8 }), { minLength: 1, maxLength: 120 });

describe('custom column encoders fitted from the tally of their cells', () => {
  it('equal the fit over the cells one by one, and profiles equal profiling the cells', () => {
    fc.assert(
      fc.property(
        column(NUMBER_CELLS),
        column(CATEGORY_CELLS),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (numbers, categories, bins, minSupport) => {
          const n = Math.max(numbers.length, categories.length);
          const leads = Array.from({ length: n }, (_, i) => {
            const customFields: Record<string, string> = {};
            const x = numbers[i];
            const c = categories[i];
            if (x !== null && x !== undefined) customFields.amount = x;
            if (c !== null && c !== undefined) customFields.segment = c;
            return makeLead({ customFields });
          });
          const cellsOf = (key: string) => leads.map((l) => l.customFields[key] ?? '');
          const kinds = { amount: 'numeric', segment: 'categorical' } as const;
          const fitted = fitCustomEncoders(leads, { columnKinds: kinds, quantileBins: bins, minSupport });
          const expected = [
            ...(numbers.some((x) => x !== null) ? [numericByCell('amount', cellsOf('amount'), bins)] : []),
            ...(categories.some((c) => c !== null)
              ? [categoricalByCell('segment', cellsOf('segment'), minSupport)]
              : []),
          ];
          expect(fitted).toEqual(expected);
          // The scoring page's profiles read the same tally: as profiling each column's cells in lead order.
          for (const { key, profile } of profileCustomFields(leads)) {
            expect(profile).toEqual(profileColumn(cellsOf(key)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
