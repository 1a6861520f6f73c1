// Company names: the original is kept for display; `companyKey` folds legal suffixes, width and punctuation for matching.
import { cleanText, foldWidth, stripControlChars } from './text';

// Longest first, so `股份有限公司` is removed whole rather than leaving `股份`.
const CN_SUFFIXES = ['股份有限公司', '有限责任公司', '有限責任公司', '有限公司', '集团', '集團', '公司'];
const EN_SUFFIXES = new Set([
  'co',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'llc',
  'corp',
  'corporation',
  'company',
  'plc',
  'gmbh',
]);

const PLAIN_NAME = /^[0-9A-Za-z\u4E00-\u9FFF]+$/;

/** The display form of a company name: width folded, control characters gone, spaces collapsed. */
export function normalizeCompanyName(raw: string): string {
  return cleanText(raw);
}

/**
 * The matching key of a company name. Invariants: the key never contains spaces or punctuation, is lower-case,
 * and is non-empty for any name that has a letter or digit (a name that is only a suffix keeps it: `公司` → `公司`).
 * `北京字节跳动科技有限公司`, `北京字节跳动科技` and `北京 字节跳动科技（有限公司）` share one key.
 */
export function companyKey(raw: string): string {
  let key: string;
  if (PLAIN_NAME.test(raw)) {
    // One word of ASCII letters and digits or CJK ideographs (most names in an import): NFKC and width folding
    // leave it as it is, and there is nothing to split off.
    key = raw.toLowerCase();
  } else {
    const words = stripControlChars(foldWidth(raw))
      .normalize('NFKC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '');
    while (words.length > 1 && EN_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
    key = words.join('');
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of CN_SUFFIXES) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return key;
}
