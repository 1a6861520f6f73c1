// What kind of data a custom column holds (number, category, yes/no, free text, date), read from its values.
import { foldWidth } from '../normalize/text';

export type ColumnKind = 'numeric' | 'categorical' | 'boolean' | 'text' | 'date' | 'empty';

/** How a column writes decimals: `1,234.5` (dot) or `1.234,5` (comma). */
export type DecimalStyle = 'dot' | 'comma';

export interface ColumnProfile {
  readonly kind: ColumnKind;
  /** Non-blank cells. */
  readonly filled: number;
  readonly rows: number;
  /** Distinct non-blank values (compared trimmed and lower-cased). */
  readonly distinct: number;
  /** Share of filled cells that read as the kind (numbers for numeric, dates for date…); 1 for categories. */
  readonly parseRate: number;
  /** For numeric columns: how decimals are written. */
  readonly decimal?: DecimalStyle;
  /** Up to five of the most frequent values, as written. */
  readonly examples: readonly string[];
}

const TRUE_WORDS = ['yes', 'y', 'true', 't', '1', '是', '有', '对', 'checked', 'on'];
const FALSE_WORDS = ['no', 'n', 'false', 'f', '0', '否', '无', '没有', '不是', 'unchecked', 'off'];
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ...TRUE_WORDS.map((w) => [w, true] as const),
  ...FALSE_WORDS.map((w) => [w, false] as const),
]);

/** The yes/no a cell says, or null when it says neither (blank or another word). */
export function readBoolean(raw: string): boolean | null {
  return BOOLEAN_WORDS.get(foldWidth(raw).trim().toLowerCase()) ?? null;
}

const DOT_NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[-+]?\.\d+$/;
const COMMA_NUMBER = /^[-+]?(?:\d{1,3}(?:[.\s]\d{3})+|\d+)(?:,\d+)?$/;
// Only the comma reading fits: a comma before 1–2 or 4+ digits, or dot thousands before a comma decimal.
const ONLY_COMMA = /^[-+]?(?:\d+,(?:\d{1,2}|\d{4,})|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,})$/;
// Only the dot reading fits: a dot before 1–2 or 4+ digits, or comma thousands before a dot decimal.
const ONLY_DOT = /^[-+]?(?:\d+\.(?:\d{1,2}|\d{4,})|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,})$/;
const UNIT_AROUND = /^(?:[¥$€£￥]|rmb|cny|usd)?\s*(.*?)\s*(?:%|元|块|人|次|个|天|rmb|cny|usd)?$/i;

function stripUnits(raw: string): string {
  const text = foldWidth(raw).trim();
  return (UNIT_AROUND.exec(text)?.[1] ?? text).replace(/\u00A0/g, ' ');
}

/**
 * A number cell as a number in the given decimal style (`85,5` is 85.5 in comma style, 855 never);
 * currency signs, `%` and common Chinese count units around it are dropped. Blank or not a number → null.
 */
export function parseNumberCell(raw: string, decimal: DecimalStyle = 'dot'): number | null {
  const text = stripUnits(raw);
  if (text === '') return null;
  if (decimal === 'dot') {
    if (!DOT_NUMBER.test(text)) return null;
    return Number(text.replace(/,/g, ''));
  }
  if (!COMMA_NUMBER.test(text)) return null;
  return Number(text.replace(/[.\s]/g, '').replace(',', '.'));
}

/**
 * The decimal style of a column's cells: cells only one style can read vote for it; dot on a tie. Ambiguous when
 * both styles got votes, or when no cell decides and some read either way (`1,200`): the caller asks with examples.
 */
export function detectDecimalStyle(values: readonly string[]): { style: DecimalStyle; isAmbiguous: boolean } {
  let comma = 0;
  let dot = 0;
  for (const raw of values) {
    const text = stripUnits(raw);
    if (text === '') continue;
    if (ONLY_COMMA.test(text)) comma += 1;
    else if (ONLY_DOT.test(text)) dot += 1;
  }
  // Only `1,200`-like cells (a separator before exactly three digits): either reading fits, so ask.
  const isUndecided =
    comma === 0 && dot === 0 && values.some((v) => /^\d{1,3}[.,]\d{3}$/.test(stripUnits(v)));
  return { style: comma > dot ? 'comma' : 'dot', isAmbiguous: (comma > 0 && dot > 0) || isUndecided };
}

// Dates as CRMs export them: 2021-04-15, 2021/4/15 0:03, 15/04/2021, 2021年4月15日, 15 Apr, 2021 00:03:00.
const DATE_PATTERNS: readonly RegExp[] = [
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?)?$/i,
  /^\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}[:时]\d{2}分?)?$/,
  /^\d{1,2}[ -][A-Za-z]{3,9}[ ,-]+\d{4}(?: \d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^[A-Za-z]{3,9} \d{1,2},? \d{4}(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?)?$/i,
];

/** True when a cell reads as a calendar date (with or without a time). */
export function looksLikeDate(raw: string): boolean {
  const text = foldWidth(raw).trim();
  return text !== '' && DATE_PATTERNS.some((p) => p.test(text));
}

export interface ProfileOptions {
  /** Share of filled cells that must read as numbers / dates for those kinds (default 0.9). */
  readonly minParseRate?: number;
  /** Above this share of distinct values among filled cells (and at least 20 filled), a column is free text (default 0.5). */
  readonly maxDistinctShare?: number;
  /** Values longer than this on average make a column free text (default 40 characters). */
  readonly maxCategoryLength?: number;
}

/**
 * The kind of one column from its cells. Numbers need ≥ minParseRate of filled cells to parse (in the column's
 * decimal style) and two distinct values; two values that read as yes/no (0/1 included) are boolean; mostly
 * distinct or long values are free text (kept out of learning by default); the rest are categories.
 * Deterministic; cell order does not matter.
 */
export function profileColumn(values: readonly string[], options: ProfileOptions = {}): ColumnProfile {
  return profileCells(tallyCells(values), values.length, options);
}

/** A column's cells as written → how many times each occurs, in the order first met (no new strings). */
function tallyCells(values: Iterable<string>): Map<string, number> {
  const exact = new Map<string, number>();
  for (const raw of values) exact.set(raw, (exact.get(raw) ?? 0) + 1);
  return exact;
}

/**
 * profileColumn from the column's tally (tallyCells, first-met order kept) and its row count, for a caller that
 * reads the same cells again (training fits its encoders from the one tally).
 */
export function profileCells(
  exact: ReadonlyMap<string, number>,
  rows: number,
  options: ProfileOptions = {},
): ColumnProfile {
  const minParseRate = options.minParseRate ?? 0.9;
  const maxDistinctShare = options.maxDistinctShare ?? 0.5;
  const maxCategoryLength = options.maxCategoryLength ?? 40;
  // Cells come tallied as written (one hash lookup per cell, no new strings), then the distinct values are
  // trimmed and folded by case: most columns repeat a few values, so the per-value work runs a few times.
  const counts = new Map<string, { raw: string; count: number }>();
  let filled = 0;
  let totalLength = 0;
  for (const [raw, n] of exact) {
    const text = raw.trim();
    if (text === '') continue;
    filled += n;
    totalLength += text.length * n;
    const key = text.toLowerCase();
    const c = counts.get(key);
    // The first spelling met in cell order is kept: Map iteration follows first insertion.
    if (c) c.count += n;
    else counts.set(key, { raw: text, count: n });
  }
  const examples = topValues(counts.values(), 5);
  const base = { filled, rows, distinct: counts.size, examples };
  if (filled === 0) return { ...base, kind: 'empty', parseRate: 0 };
  /** Share of filled cells passing `test`; 0 as soon as more than (1 − minParseRate) of them have failed. */
  const shareAtLeastMin = (test: (raw: string) => boolean) => {
    const maxFailed = (1 - minParseRate) * filled;
    let passed = 0;
    let failed = 0;
    for (const c of counts.values()) {
      if (test(c.raw)) passed += c.count;
      else if ((failed += c.count) > maxFailed) return 0;
    }
    return passed / filled;
  };
  if (counts.size <= 2) {
    let yesNo = 0;
    for (const c of counts.values()) if (readBoolean(c.raw) !== null) yesNo += c.count;
    if (yesNo === filled) return { ...base, kind: 'boolean', parseRate: 1 };
  }
  const { style } = detectDecimalStyle([...counts.values()].map((c) => c.raw));
  const numericRate = shareAtLeastMin((raw) => parseNumberCell(raw, style) !== null);
  if (numericRate >= minParseRate && counts.size >= 2) {
    return { ...base, kind: 'numeric', parseRate: numericRate, decimal: style };
  }
  const dateRate = shareAtLeastMin(looksLikeDate);
  if (dateRate >= minParseRate) return { ...base, kind: 'date', parseRate: dateRate };
  const isMostlyDistinct = filled >= 20 && counts.size / filled > maxDistinctShare;
  if (isMostlyDistinct || totalLength / filled > maxCategoryLength) {
    return { ...base, kind: 'text', parseRate: 1 };
  }
  return { ...base, kind: 'categorical', parseRate: 1 };
}

/** The `limit` most frequent values as written, ties by text: one pass, no sort of every distinct value. */
function topValues(entries: Iterable<{ raw: string; count: number }>, limit: number): string[] {
  const top: { raw: string; count: number }[] = [];
  const before = (a: { raw: string; count: number }, b: { raw: string; count: number }) =>
    a.count > b.count || (a.count === b.count && a.raw < b.raw);
  for (const entry of entries) {
    if (top.length === limit && !before(entry, top[limit - 1] as { raw: string; count: number })) continue;
    let at = Math.min(top.length, limit - 1);
    if (top.length < limit) top.push(entry);
    else top[at] = entry;
    for (; at > 0 && before(entry, top[at - 1] as { raw: string; count: number }); at -= 1) {
      top[at] = top[at - 1] as { raw: string; count: number };
      top[at - 1] = entry;
    }
  }
  return top.map((entry) => entry.raw);
}
