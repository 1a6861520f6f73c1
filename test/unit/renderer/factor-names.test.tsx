// The learned model's factors in words: a typed custom column reads as its column, never a raw feature name.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/src/i18n';
import { registerBundles } from '../../../renderer/src/features/jobs/i18n-bundles';
import { describeFactorName } from '../../../renderer/src/features/scoring/describe-score';
import { SCORING_BUNDLES } from '../../../renderer/src/features/scoring/i18n-bundle';

function wordsIn(language: 'en' | 'zh-CN') {
  const i18n = createI18n(language);
  registerBundles(i18n, SCORING_BUNDLES);
  return (name: string) => describeFactorName(i18n.t, { name, field: name.replace(/[:=].*$/, '') });
}

describe('factor names of typed custom columns', () => {
  it('name the column of a number, a blank, a band and a rarer value, in English', () => {
    const words = wordsIn('en');
    expect(words('custom.TotalVisits')).toBe('Custom: TotalVisits');
    expect(words('custom.TotalVisits:missing')).toBe('Custom: TotalVisits is blank');
    expect(words('custom.TotalVisits:bin2')).toBe('Custom: TotalVisits, band 2');
    expect(words('custom.Lead Origin:other')).toBe('Custom: Lead Origin: a rarer value');
    expect(words('custom.Lead Origin=api')).toBe('Custom: Lead Origin=api');
  });

  it('and in Chinese', () => {
    const words = wordsIn('zh-CN');
    expect(words('custom.访问次数')).toBe('自定义：访问次数');
    expect(words('custom.访问次数:missing')).toBe('自定义：访问次数为空');
  });
});
