// Counted words agree with their number in English ("1 time", never "1 times"); Chinese has one form.
import { describe, expect, it } from 'vitest';
import scoringEn from '../../../renderer/src/features/scoring/i18n.en.json';
import scoringZh from '../../../renderer/src/features/scoring/i18n.zh-CN.json';
import { createI18n } from '../../../renderer/src/i18n';

describe('counted words in a score explanation', () => {
  it('says "1 time" and "3 times" in English, and 次 in Chinese', () => {
    const en = createI18n('en');
    en.addResourceBundle('en', 'translation', scoringEn, true, false);
    expect(en.t('scoring.detail.events', { count: 1 })).toBe('1 time');
    expect(en.t('scoring.detail.events', { count: 3 })).toBe('3 times');
    expect(en.t('scoring.detail.eventsCounted', { count: 1, counted: 1 })).toBe('1 time (latest 1 counted)');
    const zh = createI18n('zh-CN');
    zh.addResourceBundle('zh-CN', 'translation', scoringZh, true, false);
    expect(zh.t('scoring.detail.events', { count: 1 })).toBe('1 次');
  });
});
