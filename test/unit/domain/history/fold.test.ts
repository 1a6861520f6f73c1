// The folding key of a history cell: width, case, spacing and punctuation never tell two values apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldValue } from '../../../../core/domain/history/fold';

describe('foldValue', () => {
  it.each([
    ['Closed - Won', 'closedwon'],
    ['closed_won', 'closedwon'],
    ['ＣＬＯＳＥＤ\u3000ＷＯＮ', 'closedwon'],
    ['已成交', '已成交'],
    ['  已 成交！', '已成交'],
    ['ABC123', 'abc123'],
    ['', ''],
  ])('folds %j to %j', (raw, key) => {
    expect(foldValue(raw)).toBe(key);
  });

  it('gives a plain value (letters, digits, Chinese) the key it gets with spaces, punctuation or full width', () => {
    const plain = fc
      .array(fc.constantFrom('A', 'b', 'Z', '0', '9', '赢', '单', '丢', '失'), { maxLength: 10 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(plain, (value) => {
        const key = foldValue(value);
        expect(foldValue(` ${value} —`)).toBe(key);
        const wide = value.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(foldValue(wide)).toBe(key);
      }),
    );
  });
});
