import { describe, expect, it } from 'vitest';
import { countValues } from '../../../../core/domain/history/fold';
import {
  applyOutcomeMapping,
  createOutcomeMapping,
  guessOutcomeMapping,
  listUnmappedOutcomes,
} from '../../../../core/domain/history/outcome-mapping';

const guessOf = (value: string, header?: string) => {
  const [g] = guessOutcomeMapping([{ value, count: 1 }], header === undefined ? {} : { header });
  return g === undefined ? undefined : { guess: g.guess, confidence: g.confidence };
};

describe('guessOutcomeMapping', () => {
  it.each([
    ['成交', 'won'],
    ['赢单', 'won'],
    ['签约', 'won'],
    ['已成交', 'won'],
    ['Won', 'won'],
    ['Closed Won', 'won'],
    ['closed_won', 'won'],
    ['Converted', 'won'],
    ['Closed - Converted', 'won'],
    ['输单', 'lost'],
    ['丢单', 'lost'],
    ['失败', 'lost'],
    ['无效', 'lost'],
    ['无意向', 'lost'],
    ['Closed Lost', 'lost'],
    ['Unqualified', 'lost'],
    ['Closed - Not Converted', 'lost'],
    ['跟进中', 'sql'],
    ['洽谈中', 'opportunity'],
    ['商机', 'opportunity'],
    ['培育', 'nurture'],
    ['培育中', 'nurture'],
    ['新线索', 'raw'],
    ['MQL', 'mql'],
    ['SQL', 'sql'],
  ])('maps %s to %s with high confidence', (value, stage) => {
    expect(guessOf(value)).toEqual({ guess: stage, confidence: 'high' });
  });

  it('folds case, full width and spaces before matching', () => {
    expect(guessOf('  ＣＬＯＳＥＤ　ＷＯＮ ')?.guess).toBe('won');
    expect(guessOf('成 交')?.guess).toBe('won');
  });

  it('reads a word inside a longer value with medium confidence, negations first', () => {
    expect(guessOf('已成交(老客户)')).toEqual({ guess: 'won', confidence: 'medium' });
    expect(guessOf('未成交')).toEqual({ guess: 'lost', confidence: 'medium' });
  });

  it('reads a bare 1/0 or 是/否 as won/lost with low confidence', () => {
    expect(guessOf('1')).toEqual({ guess: 'won', confidence: 'low' });
    expect(guessOf('0')).toEqual({ guess: 'lost', confidence: 'low' });
    expect(guessOf('是')).toEqual({ guess: 'won', confidence: 'low' });
    expect(guessOf('否')).toEqual({ guess: 'lost', confidence: 'low' });
  });

  it('trusts a yes/no more when the header names the outcome', () => {
    expect(guessOf('是', '是否成交')).toEqual({ guess: 'won', confidence: 'medium' });
  });

  it('reads yes in a "是否无效" column as lost and leaves no unmapped', () => {
    expect(guessOf('是', '是否无效')).toEqual({ guess: 'lost', confidence: 'medium' });
    expect(guessOf('否', '是否无效')).toEqual({ guess: null, confidence: 'none' });
  });

  it('reports unknown and blank values with their counts instead of dropping them', () => {
    const guesses = guessOutcomeMapping(countValues(['成交', '输单', '待定A', '待定A', '', ' ']));
    expect(guesses.map((g) => [g.value, g.count, g.guess])).toEqual([
      ['', 2, null],
      ['待定A', 2, null],
      ['成交', 1, 'won'],
      ['输单', 1, 'lost'],
    ]);
    const mapping = createOutcomeMapping(guesses);
    expect(listUnmappedOutcomes(guesses, mapping).map((g) => g.value)).toEqual(['', '待定A']);
  });

  it('merges spellings that fold alike and sums their rows', () => {
    const [won] = guessOutcomeMapping([
      { value: 'Won', count: 5 },
      { value: 'won ', count: 2 },
      { value: 'WON', count: 1 },
    ]);
    expect(won).toMatchObject({ value: 'Won', count: 8, variants: ['Won', 'won ', 'WON'], guess: 'won' });
  });
});

describe('applyOutcomeMapping', () => {
  const guesses = guessOutcomeMapping(countValues(['成交', '输单', '待定A', '跟进中']));

  it('gives the stage of a mapped value in any spelling', () => {
    const mapping = createOutcomeMapping(guesses);
    expect(applyOutcomeMapping(' 成交 ', mapping)).toEqual({ ok: true, stage: 'won' });
  });

  it('says unmapped for a value the mapping lacks', () => {
    const mapping = createOutcomeMapping(guesses);
    expect(applyOutcomeMapping('待定A', mapping)).toEqual({ ok: false, error: 'unmapped', value: '待定A' });
  });

  it('applies the team lead overrides over the guesses', () => {
    const mapping = createOutcomeMapping(guesses, { 待定A: 'nurture', 跟进中: 'opportunity', 输单: null });
    expect(applyOutcomeMapping('待定A', mapping)).toEqual({ ok: true, stage: 'nurture' });
    expect(applyOutcomeMapping('跟进中', mapping)).toEqual({ ok: true, stage: 'opportunity' });
    expect(applyOutcomeMapping('输单', mapping).ok).toBe(false);
  });
});
