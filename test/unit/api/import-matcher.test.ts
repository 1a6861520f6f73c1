// The import's key matcher: matching and remembering in one pass must equal matching, then remembering.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmptyMatcher } from '../../../core/api/import-matcher';
import type { LeadKeys } from '../../../core/store/leads';

const key = fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null });
const keys: fc.Arbitrary<LeadKeys> = fc.record({
  phoneKey: key,
  emailKey: key,
  companyKey: fc.constant(null),
  companyNameKey: key,
});

describe('the import key matcher', () => {
  it('matches then remembers in one pass exactly as match followed by remember', () => {
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 30 }), (rows) => {
        const twoPass = createEmptyMatcher();
        const onePass = createEmptyMatcher();
        rows.forEach((row, index) => {
          const expected = twoPass.match(row);
          twoPass.remember(row, `row${index}`);
          expect(onePass.matchThenRemember(row, `row${index}`)).toEqual(expected);
        });
      }),
    );
  });

  it('keeps the first holder of a key as the match', () => {
    const matcher = createEmptyMatcher();
    const first: LeadKeys = {
      phoneKey: '+8613800000001',
      emailKey: null,
      companyKey: null,
      companyNameKey: null,
    };
    expect(matcher.matchThenRemember(first, 'row2')).toEqual([]);
    expect(matcher.matchThenRemember({ ...first, emailKey: 'a@b.cn' }, 'row3')).toEqual([
      { id: 'row2', by: ['phone'] },
    ]);
    expect(matcher.match({ ...first, phoneKey: null, emailKey: 'a@b.cn' })).toEqual([
      { id: 'row3', by: ['email'] },
    ]);
  });
});
