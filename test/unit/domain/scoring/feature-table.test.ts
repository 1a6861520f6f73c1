import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomEncoder } from '../../../../core/domain/scoring/custom-encoding';
import { encodeCustomFields } from '../../../../core/domain/scoring/custom-encoding';
import {
  countSupport,
  createFeatureTable,
  internExamples,
  toRows,
} from '../../../../core/domain/scoring/feature-table';
import { extractFeatures } from '../../../../core/domain/scoring/features';
import { leadArb, makeLead, NOW } from './lead-fixtures';

const BINNED: CustomEncoder = {
  key: 'visits',
  kind: 'numeric',
  decimal: 'dot',
  isLog: false,
  center: 10,
  scale: 5,
  cuts: [5, 10, 20],
};

function encode(cell: string, encoders: readonly CustomEncoder[] = [BINNED]): string[] {
  const names: string[] = [];
  encodeCustomFields({ visits: cell }, encoders, (name) => names.push(name));
  return names;
}

describe('training rows from interned features', () => {
  it('hold each lead’s features as extractFeatures lists them, by column, with the intercept first', () => {
    fc.assert(
      fc.property(fc.array(leadArb, { minLength: 1, maxLength: 30 }), (leads) => {
        const table = createFeatureTable();
        const examples = internExamples([{ leads, y: 1 }], () => NOW, {}, table);
        const support = countSupport(examples, table.names.length);
        // Every other feature name gets a column, so some are left out.
        const columnOf = Int32Array.from(table.names, (_, id) =>
          id % 2 === 0 ? table.names.length - id : 0,
        );
        const rows = toRows(examples, columnOf);
        leads.forEach((lead, i) => {
          const expected = extractFeatures(lead, NOW)
            .map((f) => [columnOf[table.ids.get(f.name) ?? -1] ?? 0, f.value] as const)
            .filter(([c]) => c > 0)
            .sort((a, b) => a[0] - b[0]);
          const got: (readonly [number, number])[] = [];
          for (let k = rows.rowPtr[i] ?? 0; k < (rows.rowPtr[i + 1] ?? 0); k++) {
            got.push([rows.cols[k] ?? -1, rows.vals[k] ?? Number.NaN]);
          }
          expect(got).toEqual([[0, 1], ...expected]);
        });
        const counted = new Map<string, number>();
        for (const lead of leads) {
          for (const f of extractFeatures(lead, NOW)) counted.set(f.name, (counted.get(f.name) ?? 0) + 1);
        }
        expect(table.names.map((name, id) => [name, support[id]])).toEqual([...counted]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('number columns encoded', () => {
  it('put a value in the bin whose cut it reaches, and none below the first cut', () => {
    expect(encode('4')).toEqual(['custom.visits']);
    expect(encode('5')).toEqual(['custom.visits', 'custom.visits:bin1']);
    expect(encode('19.5')).toEqual(['custom.visits', 'custom.visits:bin2']);
    expect(encode('20')).toEqual(['custom.visits', 'custom.visits:bin3']);
    expect(encode('')).toEqual(['custom.visits:missing']);
  });

  it('read a cell the same however many other cells were read before it', () => {
    const fresh = (cell: string) => encode(cell, [{ ...BINNED }]);
    const shared = [{ ...BINNED }];
    for (let i = 0; i < 5000; i++) encode(String(i), shared);
    for (const cell of ['7', '12', '4999', '7000', 'abc', '']) {
      const values: number[] = [];
      const again: number[] = [];
      encodeCustomFields({ visits: cell }, shared, (_n, _f, v) => values.push(v));
      encodeCustomFields({ visits: cell }, [{ ...BINNED }], (_n, _f, v) => again.push(v));
      expect([encode(cell, shared), values]).toEqual([fresh(cell), again]);
    }
  });

  it('leave a lead without the column missing', () => {
    const names = extractFeatures(makeLead(), NOW, { customEncoders: [BINNED] }).map((f) => f.name);
    expect(names).toContain('custom.visits:missing');
  });
});
