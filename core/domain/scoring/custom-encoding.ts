// How custom columns enter the learned model by type: numbers scaled (log for skewed counts), categories one-hot.
import type { Lead } from '../lead';
import type { ColumnKind, ColumnProfile, DecimalStyle } from './column-profile';
import { parseNumberCell, profileCells, readBoolean } from './column-profile';
import { normalizeText } from './fields';

/** A number column: t = log1p(x) when `isLog`, else x; the feature is (t − center) / scale, clipped to ±8. */
export interface NumericEncoder {
  readonly key: string;
  readonly kind: 'numeric';
  readonly decimal: DecimalStyle;
  readonly isLog: boolean;
  readonly center: number;
  readonly scale: number;
  /** Ascending cut points on t; bin i (1-based) is t ≥ cuts[i − 1]. Empty: no bins. */
  readonly cuts: readonly number[];
}

/** A category column: one-hot per kept value (trimmed, lower-cased); every other filled value is `other`. */
export interface CategoricalEncoder {
  readonly key: string;
  readonly kind: 'categorical';
  readonly values: readonly string[];
}

/** A yes/no column: one feature, 1 for yes, 0 for no; blank or unreadable counts as missing. */
export interface BooleanEncoder {
  readonly key: string;
  readonly kind: 'boolean';
}

export type CustomEncoder = NumericEncoder | CategoricalEncoder | BooleanEncoder;

export interface CustomEncodingOptions {
  /** The team lead's kind per custom key, overriding the profile (`text` or `date` keeps a column out). */
  readonly columnKinds?: Readonly<Record<string, ColumnKind>>;
  /** Free-text custom keys the team lead opted in: learned from as categories of their frequent values. */
  readonly includeText?: readonly string[];
  /** A category value needs this many leads to get its own feature; rarer ones pool into `other` (default 5). */
  readonly minSupport?: number;
  /** At most this many values per category column, the most frequent first (default 20). */
  readonly maxCategories?: number;
  /** Quantile bins per number column on top of its scaled value, for effects that are not monotone (default 0). */
  readonly quantileBins?: number;
}

/** The feature names one custom key can produce (all with field `custom.<key>`). */
export const customFeatureName = {
  value: (key: string) => `custom.${key}`,
  missing: (key: string) => `custom.${key}:missing`,
  bin: (key: string, bin: number) => `custom.${key}:bin${bin}`,
  category: (key: string, value: string) => `custom.${key}=${value}`,
  other: (key: string) => `custom.${key}:other`,
} as const;

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (pos - lo);
}

/** Fisher skewness; 0 for fewer than three values or no spread. */
function skewness(xs: Float64Array): number {
  const n = xs.length;
  if (n < 3) return 0;
  let mean = 0;
  for (const x of xs) mean += x / n;
  let m2 = 0;
  let m3 = 0;
  for (const x of xs) {
    m2 += (x - mean) ** 2 / n;
    m3 += (x - mean) ** 3 / n;
  }
  return m2 === 0 ? 0 : m3 / m2 ** 1.5;
}

/**
 * A column's cells come tallied (cell as written → count, first met first), so each distinct cell is parsed or
 * folded once; the sorted values, and so every number fitted from them, are those of the cells one by one.
 */
function fitNumeric(
  key: string,
  cells: ReadonlyMap<string, number>,
  decimal: DecimalStyle,
  bins: number,
): NumericEncoder {
  const parsed: number[] = [];
  const times: number[] = [];
  let total = 0;
  for (const [cell, n] of cells) {
    const x = parseNumberCell(cell, decimal);
    if (x === null || !Number.isFinite(x)) continue;
    parsed.push(x);
    times.push(n);
    total += n;
  }
  const xs = new Float64Array(total);
  for (let i = 0, at = 0; i < parsed.length; i++) {
    const n = times[i] ?? 0;
    xs.fill(parsed[i] ?? 0, at, at + n);
    at += n;
  }
  xs.sort();
  // Counts and amounts are skewed: a log keeps the 1% of huge values from deciding the coefficient.
  const isLog = (xs[0] ?? 0) >= 0 && skewness(xs) > 1;
  const ts = isLog ? xs.map(Math.log1p) : xs;
  const center = quantile(ts, 0.5);
  let scale = quantile(ts, 0.75) - quantile(ts, 0.25);
  if (!(scale > 0)) {
    let mad = 0;
    for (const t of ts) mad += Math.abs(t - center) / Math.max(1, ts.length);
    scale = mad > 0 ? mad : 1;
  }
  const cuts: number[] = [];
  for (let i = 1; i < bins; i++) {
    const cut = quantile(ts, i / bins);
    if (cuts.length === 0 || cut > (cuts[cuts.length - 1] ?? 0)) cuts.push(cut);
  }
  return { key, kind: 'numeric', decimal, isLog, center, scale, cuts: bins >= 2 ? cuts : [] };
}

function fitCategorical(
  key: string,
  cells: ReadonlyMap<string, number>,
  minSupport: number,
  max: number,
): CategoricalEncoder {
  const counts = new Map<string, number>();
  for (const [cell, n] of cells) {
    const k = normalizeText(cell);
    if (k !== '') counts.set(k, (counts.get(k) ?? 0) + n);
  }
  const kept = [...counts.entries()]
    .filter(([, c]) => c >= minSupport)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max)
    .map(([v]) => v);
  return { key, kind: 'categorical', values: kept };
}

/** One custom field of the leads, profiled: what the scoring page shows as "the type the model will use". */
export interface CustomFieldProfile {
  readonly key: string;
  readonly profile: ColumnProfile;
  /** The kind training uses: the team lead's choice when set, else the profile's. */
  readonly kind: ColumnKind;
  /** Whether training learns from it (free text only when opted in; dates and empty columns never). */
  readonly isUsed: boolean;
}

/** Every custom key of the leads, in key order, with its profile and the kind training will use. */
export function profileCustomFields(
  leads: readonly Lead[],
  options: Pick<CustomEncodingOptions, 'columnKinds' | 'includeText'> = {},
): (CustomFieldProfile & { readonly cells: ReadonlyMap<string, number> })[] {
  const includeText = new Set(options.includeText ?? []);
  // One pass over the leads tallies every column's cells as written, in lead order: for-in reads a lead's own
  // fields in place (a key-by-key lookup on every lead for every column was the hottest line of fitting).
  const tallies = new Map<string, Map<string, number>>();
  for (const lead of leads) {
    const fields = lead.customFields;
    for (const key in fields) {
      if (!Object.hasOwn(fields, key)) continue;
      let cells = tallies.get(key);
      if (cells === undefined) tallies.set(key, (cells = new Map()));
      const cell = fields[key] ?? '';
      cells.set(cell, (cells.get(cell) ?? 0) + 1);
    }
  }
  return [...tallies.keys()].sort().map((key) => {
    const cells = tallies.get(key) ?? new Map<string, number>();
    // A lead without the key reads blank; where blanks fall in the order is moot (blank cells are never counted).
    let present = 0;
    for (const n of cells.values()) present += n;
    if (present < leads.length) cells.set('', (cells.get('') ?? 0) + leads.length - present);
    const profile = profileCells(cells, leads.length);
    const kind = options.columnKinds?.[key] ?? profile.kind;
    const isUsed =
      kind === 'numeric' ||
      kind === 'boolean' ||
      kind === 'categorical' ||
      (kind === 'text' && includeText.has(key));
    return { key, profile, kind, isUsed, cells };
  });
}

/**
 * Encoders for every custom key of the (training) leads, by key order. Each key is profiled (profileColumn)
 * unless the team lead set its kind; free text, dates and empty columns get no encoder (no features) unless
 * free text is opted in. Deterministic; lead order does not matter.
 */
export function fitCustomEncoders(
  leads: readonly Lead[],
  options: CustomEncodingOptions = {},
): CustomEncoder[] {
  const minSupport = options.minSupport ?? 5;
  const maxCategories = options.maxCategories ?? 20;
  const bins = Math.max(0, Math.floor(options.quantileBins ?? 0));
  const encoders: CustomEncoder[] = [];
  for (const { key, profile, kind, isUsed, cells } of profileCustomFields(leads, options)) {
    if (!isUsed) continue;
    if (kind === 'numeric') encoders.push(fitNumeric(key, cells, profile.decimal ?? 'dot', bins));
    else if (kind === 'boolean') encoders.push({ key, kind: 'boolean' });
    else encoders.push(fitCategorical(key, cells, minSupport, maxCategories));
  }
  return encoders;
}

/** An encoder with its feature names built once, so encoding a lead builds no strings. */
type CompiledEncoder =
  | {
      readonly kind: 'numeric';
      readonly key: string;
      readonly field: string;
      readonly valueName: string;
      readonly missingName: string;
      readonly decimal: DecimalStyle;
      readonly isLog: boolean;
      readonly center: number;
      readonly scale: number;
      readonly cuts: readonly number[];
      readonly binNames: readonly string[];
      /** t (log1p(x) when isLog, else x) per cell as written, or null when the cell is missing; bounded. */
      readonly memo: Map<string, number | null>;
    }
  | {
      readonly kind: 'boolean';
      readonly key: string;
      readonly field: string;
      readonly valueName: string;
      readonly missingName: string;
    }
  | {
      readonly kind: 'categorical';
      readonly key: string;
      readonly field: string;
      readonly otherName: string;
      /** Kept value → its feature name. */
      readonly names: ReadonlyMap<string, string>;
    };

/** Cells remembered per number column: enough for counts and amounts that repeat, bounded for free numbers. */
const MEMO_LIMIT = 4096;
const compiledCache = new WeakMap<readonly CustomEncoder[], readonly CompiledEncoder[]>();

function compileEncoder(enc: CustomEncoder): CompiledEncoder {
  const field = `custom.${enc.key}`;
  if (enc.kind === 'numeric') {
    return {
      ...enc,
      field,
      valueName: customFeatureName.value(enc.key),
      missingName: customFeatureName.missing(enc.key),
      binNames: enc.cuts.map((_, i) => customFeatureName.bin(enc.key, i + 1)),
      memo: new Map(),
    };
  }
  if (enc.kind === 'boolean') {
    return {
      kind: 'boolean',
      key: enc.key,
      field,
      valueName: customFeatureName.value(enc.key),
      missingName: customFeatureName.missing(enc.key),
    };
  }
  return {
    kind: 'categorical',
    key: enc.key,
    field,
    otherName: customFeatureName.other(enc.key),
    names: new Map(enc.values.map((v) => [v, customFeatureName.category(enc.key, v)])),
  };
}

function compileEncoders(encoders: readonly CustomEncoder[]): readonly CompiledEncoder[] {
  let compiled = compiledCache.get(encoders);
  if (compiled === undefined) {
    compiled = encoders.map(compileEncoder);
    compiledCache.set(encoders, compiled);
  }
  return compiled;
}

/** A number cell's t, or null when it is missing (blank, unreadable, or negative under a log). */
function readNumericT(enc: Extract<CompiledEncoder, { kind: 'numeric' }>, cell: string): number | null {
  let t = enc.memo.get(cell);
  if (t !== undefined) return t;
  const x = parseNumberCell(cell, enc.decimal);
  t = x === null || !Number.isFinite(x) || (enc.isLog && x < 0) ? null : enc.isLog ? Math.log1p(x) : x;
  if (enc.memo.size < MEMO_LIMIT) enc.memo.set(cell, t);
  return t;
}

/** Pushes one lead's custom features by the encoders (`push` skips zero values and exclusions). */
export function encodeCustomFields(
  customFields: Readonly<Record<string, string>>,
  encoders: readonly CustomEncoder[],
  push: (name: string, field: string, value: number, probe?: string | number) => void,
): void {
  for (const enc of compileEncoders(encoders)) {
    const cell = Object.hasOwn(customFields, enc.key) ? (customFields[enc.key] ?? '') : '';
    if (enc.kind === 'numeric') {
      const t = readNumericT(enc, cell);
      if (t === null) {
        push(enc.missingName, enc.field, 1);
        continue;
      }
      push(enc.valueName, enc.field, Math.max(-8, Math.min(8, (t - enc.center) / enc.scale)));
      // Bin i (1-based) holds cuts[i − 1] ≤ t < cuts[i]; below the first cut is no bin.
      const cuts = enc.cuts;
      for (let i = cuts.length - 1; i >= 0; i--) {
        if (t >= (cuts[i] ?? 0)) {
          push(enc.binNames[i] ?? '', enc.field, 1);
          break;
        }
      }
    } else if (enc.kind === 'boolean') {
      const b = readBoolean(cell);
      if (b === null) push(enc.missingName, enc.field, 1);
      else push(enc.valueName, enc.field, b ? 1 : 0);
    } else {
      const v = normalizeText(cell);
      if (v === '') continue;
      const name = enc.names.get(v);
      if (name !== undefined) push(name, enc.field, 1, v);
      else push(enc.otherName, enc.field, 1);
    }
  }
}
