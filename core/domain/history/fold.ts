// Folding and counting shared by the history import helpers: one key per value, whatever its width, case or spacing.

/** A distinct value of a column and how many rows hold it. */
export interface ValueCount {
  readonly value: string;
  readonly count: number;
}

/** ASCII letters and digits and CJK ideographs, which NFKC leaves as they are. */
const PLAIN_VALUE = /^[0-9A-Za-z\u4E00-\u9FFF]*$/;

/**
 * The matching key of a cell: NFKC (full-width → half-width), lower-case, without white space, punctuation,
 * symbols or underscores. `Closed - Won`, `closed_won` and `ＣＬＯＳＥＤ\u3000ＷＯＮ` share the key `closedwon`.
 */
export function foldValue(value: string): string {
  // Most cells (numbers, codes, Chinese text) are letters and digits only: nothing to normalize or strip.
  if (PLAIN_VALUE.test(value)) return value.toLowerCase();
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}_\u200B-\u200D\u2060\uFEFF]+/gu, '');
}

/**
 * Distinct raw values with their row counts, most frequent first, then by value (code-point order) so the
 * order never depends on row order. Blank cells count as the value ''.
 */
export function countValues(values: readonly string[]): ValueCount[] {
  const counts = new Map<string, number>();
  for (const raw of values) {
    const value = raw.trim() === '' ? '' : raw;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || compareText(a.value, b.value));
}

/** Code-point order, independent of locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Merges values that fold to the same key; the most frequent raw form represents the group. */
export function groupByKey(
  values: readonly ValueCount[],
  keyOf: (value: string) => string,
): { key: string; value: string; count: number; variants: string[] }[] {
  const groups = new Map<
    string,
    { key: string; value: string; best: number; count: number; variants: string[] }
  >();
  // Ties go to the shorter spelling: `赵敏` represents `赵 敏` and `赵敏`.
  const sorted = [...values].sort(
    (a, b) => b.count - a.count || a.value.length - b.value.length || compareText(a.value, b.value),
  );
  for (const { value, count } of sorted) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) {
      group.count += count;
      group.variants.push(value);
    } else groups.set(key, { key, value, best: count, count, variants: [value] });
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || compareText(a.key, b.key))
    .map(({ key, value, count, variants }) => ({ key, value, count, variants }));
}

/** Every run of up to four consecutive English words of a header, joined: `Lost Reason` → lost, reason, lostreason. */
export function englishPhrases(header: string): Set<string> {
  const words = header
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w !== '');
  const out = new Set<string>();
  for (let i = 0; i < words.length; i += 1) {
    let phrase = '';
    for (let j = i; j < Math.min(words.length, i + 4); j += 1) {
      phrase += words[j] ?? '';
      out.add(phrase);
    }
  }
  return out;
}

/**
 * The first of `words` a header holds: Chinese words as substrings of the folded header, English words only as
 * whole words or runs of words (`won` is in `Closed Won` and `WonDate`, not in `Wonderful`).
 */
export function findHeaderWord(header: string, words: readonly string[]): string | null {
  const folded = foldValue(header);
  let phrases: Set<string> | null = null;
  for (const word of words) {
    if (/^[a-z]+$/.test(word)) {
      phrases ??= englishPhrases(header);
      if (phrases.has(word)) return word;
    } else if (folded.includes(word)) return word;
  }
  return null;
}
