import { describe, expect, it } from 'vitest';
import en from '../../../renderer/src/i18n/en.json';
import zhCN from '../../../renderer/src/i18n/zh-CN.json';
import { detectInitialLanguage } from '../../../renderer/src/i18n';

function flattenKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    flattenKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}

function flattenEntries(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) =>
    flattenEntries(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('UI translations', () => {
  it('has exactly the same keys in Chinese and English', () => {
    expect(flattenKeys(zhCN).sort()).toEqual(flattenKeys(en).sort());
  });

  it('has no empty or non-text values in either language', () => {
    for (const [key, value] of [...flattenEntries(zhCN), ...flattenEntries(en)]) {
      expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
    }
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const english = new Map(flattenEntries(en));
    for (const [key, value] of flattenEntries(zhCN)) {
      expect(placeholders(value), key).toEqual(placeholders(english.get(key)));
    }
  });
});

describe('the first language shown', () => {
  it('is the remembered choice when there is one', () => {
    expect(detectInitialLanguage('en', ['zh-CN'])).toBe('en');
  });

  it('is Chinese for any Chinese browser locale', () => {
    expect(detectInitialLanguage(null, ['zh-TW'])).toBe('zh-CN');
    expect(detectInitialLanguage(null, ['zh'])).toBe('zh-CN');
  });

  it('is English for other browser locales', () => {
    expect(detectInitialLanguage(null, ['de-DE', 'zh-CN'])).toBe('en');
  });

  it('is Chinese when the browser names no locale', () => {
    expect(detectInitialLanguage('klingon', [])).toBe('zh-CN');
  });
});
