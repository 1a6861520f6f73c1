// Every translation bundle (the shared one in renderer/src/i18n and each feature's i18n.<language>.json) exists in
// every UI language with the same keys, non-empty texts and the same {{placeholders}}; and how the first language
// is chosen.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ISSUE_MESSAGES_ZH } from '../../../core/import/row-issue-words';
import { ISSUE_MESSAGES } from '../../../core/import/types';
import { detectInitialLanguage, LANGUAGES } from '../../../renderer/src/i18n';

const rendererSrc = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'renderer', 'src');
/** `en.json` (in an i18n folder) or `i18n.en.json` (in a feature): a bundle's group and its language. */
const BUNDLE_NAME = /^(?:(.+)\.)?([a-z]{2}(?:-[A-Z]{2})?)\.json$/;

interface BundleFile {
  /** Folder and name prefix shared by the languages of one bundle, relative to renderer/src. */
  readonly group: string;
  readonly language: string;
  readonly path: string;
}

function findBundleFiles(dir: string): BundleFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findBundleFiles(path);
    const match = BUNDLE_NAME.exec(entry.name);
    const isBundle =
      match !== null && (match[1] === 'i18n' || (match[1] === undefined && dir.endsWith('i18n')));
    if (!isBundle) return [];
    return [{ group: join(relative(rendererSrc, dir), match[1] ?? ''), language: match[2] ?? '', path }];
  });
}

function flattenEntries(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) =>
    flattenEntries(child, prefix ? `${prefix}.${key}` : key),
  );
}

/** Placeholder names, each once and sorted: `{{count}}` and `{{count, number}}` both name `count`. */
function placeholders(text: unknown): string[] {
  return [...new Set([...String(text).matchAll(/{{\s*([\w.]+)[^}]*}}/g)].map((m) => m[1] ?? ''))].sort();
}

const bundleFiles = findBundleFiles(rendererSrc);
const groups = [...new Set(bundleFiles.map((file) => file.group))].sort();
const textsOf = (group: string, language: string): Map<string, unknown> => {
  const file = bundleFiles.find((f) => f.group === group && f.language === language);
  return new Map(file ? flattenEntries(JSON.parse(readFileSync(file.path, 'utf8'))) : []);
};

describe('UI translations', () => {
  it('finds the shared bundle and the feature bundles', () => {
    expect(groups).toContain('i18n');
    expect(groups.filter((group) => group.startsWith('features/')).length).toBeGreaterThan(5);
  });

  it.each(groups)('%s has a file for every UI language and none for another', (group) => {
    const languages = bundleFiles.filter((file) => file.group === group).map((file) => file.language);
    expect(languages.sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(groups)('%s has the same keys in every language', (group) => {
    const [first, ...others] = LANGUAGES;
    const keys = [...textsOf(group, first).keys()].sort();
    for (const language of others)
      expect([...textsOf(group, language).keys()].sort(), language).toEqual(keys);
  });

  it.each(groups)('%s has no empty or non-text values', (group) => {
    for (const language of LANGUAGES) {
      for (const [key, value] of textsOf(group, language)) {
        expect(typeof value === 'string' && value.trim().length > 0, `${language} ${key}`).toBe(true);
      }
    }
  });

  it.each(groups)('%s uses the same {{placeholders}} in every language', (group) => {
    const [first, ...others] = LANGUAGES;
    const reference = textsOf(group, first);
    for (const language of others) {
      for (const [key, value] of textsOf(group, language)) {
        expect(placeholders(value), `${language} ${key}`).toEqual(placeholders(reference.get(key)));
      }
    }
  });

  it.each(groups)(
    '%s reads as English in English: no Chinese characters or full-width punctuation',
    (group) => {
      // The language switch names Chinese in Chinese, as every language switch does.
      const allowed = new Set(['language.zh-CN']);
      for (const [key, value] of textsOf(group, 'en')) {
        if (allowed.has(key)) continue;
        expect(String(value), `en ${key}`).not.toMatch(CJK);
      }
    },
  );

  it.each(LANGUAGES)('names each rep tier one way in %s, on every page', (language) => {
    // The Team page called a junior rep 新人 and the Dashboard's capacity 初级, while 新人 on the Dashboard means a
    // rep who joined lately, of any tier.
    const names = new Map<string, Set<string>>();
    for (const group of groups)
      for (const [key, value] of textsOf(group, language)) {
        const tier = /\.(senior|mid|junior)$/.exec(key)?.[1];
        if (tier !== undefined)
          names.set(tier, new Set([...(names.get(tier) ?? []), String(value).toLowerCase()]));
      }
    expect([...names.keys()].sort()).toEqual(['junior', 'mid', 'senior']);
    for (const [tier, texts] of names) expect([...texts], `${language} ${tier}`).toHaveLength(1);
  });
});

/** Han characters, CJK punctuation (、。「」) and full-width forms (：，（）). */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('UI code', () => {
  it('writes no Chinese punctuation into text every language sees (lists use formatList or the bundle)', () => {
    const offenders = sourceFiles(rendererSrc).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(rendererSrc, path)}:${i + 1}` }))
        .filter(({ line }) => /join\(\s*'[、，]'\s*\)|`[^`]*[（）：][^`]*`/.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
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

describe("the import's row problems", () => {
  it('read the same in the Chinese error file (core) as on the import screen (the bundle)', () => {
    const bundle = JSON.parse(
      readFileSync(join(rendererSrc, 'features', 'import', 'i18n.zh-CN.json'), 'utf8'),
    ) as { import: { reasons: Record<string, string> } };
    expect(ISSUE_MESSAGES_ZH).toEqual(bundle.import.reasons);
    expect(Object.keys(ISSUE_MESSAGES_ZH).sort()).toEqual(Object.keys(ISSUE_MESSAGES).sort());
  });
});
