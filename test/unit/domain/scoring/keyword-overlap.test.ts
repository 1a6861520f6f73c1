import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScoringModel } from '../../../../core/domain/scoring/default-model';
import { scoreLead } from '../../../../core/domain/scoring/engine';
import { dropOverlappedKeywordHits } from '../../../../core/domain/scoring/keyword-overlap';
import { makeLead, NOW } from './lead-fixtures';

const titleParts = (title: string) =>
  scoreLead(makeLead({ title }), defaultScoringModel(), NOW)
    .parts.filter((p) => p.field === 'title')
    .map((p) => p.criterionId);

describe('overlapping title criteria', () => {
  it('scores 总经理 once, as a decision-maker, not also as a manager', () => {
    expect(titleParts('总经理')).toEqual(['fit.title.decision_maker']);
  });

  it('scores a plain manager as a manager', () => {
    expect(titleParts('采购经理')).toEqual(['fit.title.manager']);
    expect(titleParts('Sales Manager')).toEqual(['fit.title.manager']);
  });

  it('still counts keywords found in different places of the title', () => {
    expect(titleParts('销售总监兼项目经理')).toEqual(['fit.title.decision_maker', 'fit.title.manager']);
  });

  it('keeps the score equal to the sum of its parts', () => {
    const result = scoreLead(makeLead({ title: '总经理', industry: '制造' }), defaultScoringModel(), NOW);
    expect(result.parts.reduce((s, p) => s + p.points, 0)).toBe(result.score);
  });
});

describe('dropOverlappedKeywordHits', () => {
  it('drops a hit covered by a longer keyword of another criterion and keeps the rest', () => {
    const hits = Uint8Array.from([1, 1, 1]);
    dropOverlappedKeywordHits('总经理', [['总经理'], ['经理'], null], hits);
    expect([...hits]).toEqual([1, 0, 1]);
  });

  it('keeps both when two keywords of the same length overlap', () => {
    const hits = Uint8Array.from([1, 1]);
    dropOverlappedKeywordHits('abc', [['ab'], ['bc']], hits);
    expect([...hits]).toEqual([1, 1]);
  });

  it('drops exactly what the rule says on random values and keyword lists (plain loops, same answer)', () => {
    // The rule, written as directly as it reads: a firing list is dropped when every one of its matches (overlapping
    // ones too) lies inside a strictly longer match of another firing list.
    const spansOf = (text: string, list: readonly string[]) =>
      list.flatMap((k) =>
        [...text.matchAll(new RegExp(`(?=${k})`, 'g'))].map((m): [number, number] => [
          m.index,
          m.index + k.length,
        ]),
      );
    const text = fc.stringMatching(/^[abc]{0,8}$/);
    const list = fc.option(fc.array(fc.stringMatching(/^[abc]{1,3}$/), { minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(text, fc.array(list, { minLength: 1, maxLength: 4 }), (value, lists) => {
        const hits = Uint8Array.from(lists, (l) => (l !== null && l.some((k) => value.includes(k)) ? 1 : 0));
        const firing = lists.map((l, i) => (l !== null && hits[i] === 1 ? spansOf(value, l) : null));
        const expected = firing.map((own, i) => {
          if (own === null) return hits[i];
          const isCovered = own.every(([s, e]) =>
            firing.some(
              (other, j) => j !== i && other?.some(([os, oe]) => os <= s && e <= oe && oe - os > e - s),
            ),
          );
          return firing.filter((f) => f !== null).length >= 2 && own.length > 0 && isCovered ? 0 : 1;
        });
        dropOverlappedKeywordHits(value, lists, hits);
        expect([...hits]).toEqual(expected);
      }),
    );
  });
});
