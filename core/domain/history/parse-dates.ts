// Dates as Excel and Chinese CRMs export them, and a column's day/month order: decided by its values, or asked.
import { DAY_MS, MINUTE_MS } from '../clock';
import type { ScannedDate } from './scan-date';
import { isRealDay, normalizeDateText, parseTimeAndZone, scanDate } from './scan-date';

/** Order of the two leading parts in `03/05/2024`-like dates: month first (US) or day first (most of the world). */
export type DateOrder = 'MDY' | 'DMY';

/**
 * How a value spells its date: `ymd` 2024-03-05 / 2024/3/5 / 2024.3.5 (ISO 8601 included); `chinese` 2024年3月5日;
 * `day_month` 03/05/2024, 5.3.2024, 5-3-24 (order needed); `serial` an Excel 1900-system serial (45356.5875);
 * `compact` 20240305. Any of them may carry a time and a zone.
 */
export type DateForm = 'ymd' | 'chinese' | 'day_month' | 'serial' | 'compact';

/** What a date column needs to be read: the day/month order (null when not known) and an optional year range. */
export interface DateColumnFormat {
  readonly order: DateOrder | null;
  /** Dates before 1 January of this year are `out_of_range` (catches stray small numbers read as serials). */
  readonly minYear?: number;
  /** Dates after 31 December of this year are `out_of_range`. */
  readonly maxYear?: number;
}

export type DateErrorReason =
  /** The cell is blank. */
  | 'empty'
  /** Not a date in any known form. */
  | 'unrecognized'
  /** Looks like a date but the day does not exist (2024-02-30, or Excel's fictional 1900-02-29 = serial 60). */
  | 'nonexistent_date'
  | 'invalid_time'
  | 'invalid_zone'
  /** `03/05/2024` with no column order chosen: both readings are possible. */
  | 'ambiguous_order'
  /** Readable, but not under the column's order (`13/05/2024` in a month-first column). */
  | 'contradicts_order'
  | 'out_of_range';

export type DateParse =
  | {
      readonly ok: true;
      /** Epoch ms. */
      readonly value: number;
      readonly form: DateForm;
      readonly hasTime: boolean;
      /** The value named its own zone; otherwise the team's offset was used. */
      readonly hasZone: boolean;
    }
  | { readonly ok: false; readonly reason: DateErrorReason };

/** China Standard Time, the default team offset (minutes east of UTC). */
export const DEFAULT_OFFSET_MINUTES = 480;

export const DATE_ERROR_MESSAGES: Readonly<Record<DateErrorReason, string>> = {
  empty: 'The date is empty',
  unrecognized: 'The value is not a date in a known form',
  nonexistent_date: 'The day does not exist in the calendar',
  invalid_time: 'The time of day is not valid',
  invalid_zone: 'The time zone is not valid',
  ambiguous_order: 'The date could be month/day or day/month: choose the order of the column',
  contradicts_order: 'The date does not fit the day/month order of the column',
  out_of_range: 'The date is outside the plausible years',
};

// Excel's 1900 date system: serial 25569 is 1970-01-01; serial 60 is the fictional 1900-02-29 Lotus kept, so the
// serials below it are one day later than a plain count would say.
const EXCEL_UNIX_EPOCH = 25569;
const EXCEL_FAKE_LEAP_DAY = 60;
const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31

function parseSerial(text: string, offsetMinutes: number): DateParse {
  const serial = Number(text);
  const days = Math.floor(serial);
  if (!Number.isFinite(serial) || days < 1 || days > EXCEL_MAX_SERIAL)
    return { ok: false, reason: 'out_of_range' };
  if (days === EXCEL_FAKE_LEAP_DAY) return { ok: false, reason: 'nonexistent_date' };
  const unixDays = days > EXCEL_FAKE_LEAP_DAY ? days - EXCEL_UNIX_EPOCH : days - EXCEL_UNIX_EPOCH + 1;
  // Round to the second: serials are binary fractions of a day, so 14:07 comes back as 14:06:59.99996.
  const seconds = Math.round((serial - days) * 86_400);
  return {
    ok: true,
    value: unixDays * DAY_MS + seconds * 1000 - offsetMinutes * MINUTE_MS,
    form: 'serial',
    hasTime: seconds !== 0,
    hasZone: false,
  };
}

function yearOf(epochMs: number, offsetMinutes: number): number {
  return new Date(epochMs + offsetMinutes * MINUTE_MS).getUTCFullYear();
}

function checkRange(result: DateParse, format: DateColumnFormat, offsetMinutes: number): DateParse {
  if (!result.ok || (format.minYear === undefined && format.maxYear === undefined)) return result;
  const year = yearOf(result.value, offsetMinutes);
  if (format.minYear !== undefined && year < format.minYear) return { ok: false, reason: 'out_of_range' };
  if (format.maxYear !== undefined && year > format.maxYear) return { ok: false, reason: 'out_of_range' };
  return result;
}

/**
 * One cell to epoch ms, or why not. A value without a zone is wall-clock time at `offsetMinutes` east of UTC
 * (default +480, China). A `day_month` value is read in the column's order; with no order it parses only when
 * the value itself decides (a part above 12) or both readings agree (05/05/2024), else `ambiguous_order`.
 * Never guesses; never throws; full-width digits and separators are accepted.
 */
export function parseDateValue(
  raw: string,
  format: DateColumnFormat = { order: null },
  offsetMinutes: number = DEFAULT_OFFSET_MINUTES,
): DateParse {
  const text = normalizeDateText(raw);
  if (text === '') return { ok: false, reason: 'empty' };
  return parseScannedDate(text, scanDate(text), format, offsetMinutes);
}

/** `parseDateValue` of a normalized, non-empty text already scanned (a column's analysis scans every value first). */
function parseScannedDate(
  text: string,
  scanned: ScannedDate | null,
  format: DateColumnFormat,
  offsetMinutes: number,
): DateParse {
  if (scanned === null) return { ok: false, reason: 'unrecognized' };
  if (scanned.form === 'serial') return checkRange(parseSerial(text, offsetMinutes), format, offsetMinutes);

  let month = scanned.first;
  let day = scanned.second;
  if (scanned.form === 'day_month') {
    const order = format.order ?? orderDecidedBy(scanned.first, scanned.second);
    if (order === 'contradiction') return { ok: false, reason: 'nonexistent_date' };
    if (order === null) return { ok: false, reason: 'ambiguous_order' };
    if (order === 'DMY') {
      day = scanned.first;
      month = scanned.second;
    }
    if (!isRealDay(scanned.year, month, day)) {
      const swapped = format.order !== null && isRealDay(scanned.year, day, month);
      return { ok: false, reason: swapped ? 'contradicts_order' : 'nonexistent_date' };
    }
  } else if (!isRealDay(scanned.year, month, day)) return { ok: false, reason: 'nonexistent_date' };

  const time = parseTimeAndZone(scanned.rest);
  if (typeof time === 'string') return { ok: false, reason: time };
  const zone = time.zone ?? offsetMinutes;
  const wall = Date.UTC(scanned.year, month - 1, day) + time.ms;
  return checkRange(
    {
      ok: true,
      value: wall - zone * MINUTE_MS,
      form: scanned.form,
      hasTime: time.hasTime,
      hasZone: time.zone !== null,
    },
    format,
    offsetMinutes,
  );
}

/** The order a single `day_month` value proves by itself, null when both readings fit. */
function orderDecidedBy(first: number, second: number): DateOrder | 'contradiction' | null {
  if (first > 12 && second > 12) return 'contradiction';
  if (first > 12) return 'DMY';
  if (second > 12) return 'MDY';
  // 05/05/2024 reads the same either way.
  return first === second ? 'MDY' : null;
}

export interface AnalyzeDateColumnOptions {
  /** Minutes east of UTC for values without a zone (default +480). */
  readonly offsetMinutes?: number;
  /** The order the team lead chose for an ambiguous column; values that contradict it become bad values. */
  readonly order?: DateOrder;
  /** Plausible years (default 1980–2100): a stray `12` is not 1900-01-12. */
  readonly minYear?: number;
  readonly maxYear?: number;
  /** Spreadsheet row of each value (same length as values); default index + 2 (row 1 is the header). */
  readonly rows?: readonly number[];
  /** Epoch ms; when given, an ambiguous column reports how many dates each reading would put in the future. */
  readonly now?: number;
  /** Bad examples kept (default 5). */
  readonly maxExamples?: number;
}

/** A value that does not parse, with its spreadsheet row. */
export interface BadDateExample {
  readonly row: number;
  readonly raw: string;
  readonly reason: DateErrorReason;
}

/** A value whose two readings differ: what the team lead is shown to choose the order. */
export interface AmbiguousDateExample {
  readonly raw: string;
  /** `YYYY-MM-DD` or `YYYY-MM-DD HH:mm`, wall-clock. */
  readonly asMDY: string;
  readonly asDMY: string;
}

/** Counts every analysis reports. */
export interface DateColumnStats {
  readonly total: number;
  readonly empty: number;
  /** Non-empty values that do not parse under the result's format (ambiguous ones excluded). */
  readonly invalidCount: number;
  readonly badExamples: readonly BadDateExample[];
  /** Non-empty values per form. */
  readonly forms: Readonly<Partial<Record<DateForm, number>>>;
}

export type DateColumnAnalysis =
  | (DateColumnStats & {
      readonly kind: 'ok';
      readonly format: DateColumnFormat;
      /** `parseDateValue` bound to the format and the offset. */
      readonly parse: (raw: string) => DateParse;
      /** Each value as `parse` read it (epoch ms), NaN where it did not parse: the rows need not be read twice. */
      readonly parsed: Float64Array;
    })
  | (DateColumnStats & {
      readonly kind: 'ambiguous';
      readonly candidates: readonly ['MDY', 'DMY'];
      readonly examples: readonly AmbiguousDateExample[];
      /** Values that need the order (both leading parts ≤ 12 and different). */
      readonly ambiguousCount: number;
      /** With `now`: dates each reading would put after now (a hint for the question, never an answer). */
      readonly futureCount?: { readonly MDY: number; readonly DMY: number };
    })
  | (DateColumnStats & { readonly kind: 'invalid' });

/**
 * Reads a whole column to decide how to parse it. `ok` when every value is self-describing or the values decide
 * the day/month order (any leading part above 12 decides it for the whole column; more evidence wins a conflict
 * and the values against it become bad values); `ambiguous` when some value needs the order and none decides it
 * (or the evidence is tied) — a question for the team lead, answered by calling again with `order`; `invalid` when
 * fewer than half of the non-empty values parse (or the column is empty). Deterministic.
 */
export function analyzeDateColumn(
  values: readonly string[],
  options: AnalyzeDateColumnOptions = {},
): DateColumnAnalysis {
  const offsetMinutes = options.offsetMinutes ?? DEFAULT_OFFSET_MINUTES;
  const maxExamples = options.maxExamples ?? 5;
  const rowOf = (i: number) => options.rows?.[i] ?? i + 2;
  const forms: Partial<Record<DateForm, number>> = {};
  let empty = 0;
  let evidenceDMY = 0;
  let evidenceMDY = 0;
  const ambiguous: number[] = [];
  const texts = values.map(normalizeDateText);
  const scans: (ScannedDate | null)[] = new Array<ScannedDate | null>(texts.length).fill(null);
  texts.forEach((text, i) => {
    if (text === '') {
      empty += 1;
      return;
    }
    const scanned = scanDate(text);
    scans[i] = scanned;
    if (scanned === null) return;
    forms[scanned.form] = (forms[scanned.form] ?? 0) + 1;
    if (scanned.form !== 'day_month') return;
    const decided = orderDecidedBy(scanned.first, scanned.second);
    if (decided === 'DMY') evidenceDMY += 1;
    else if (decided === 'MDY' && scanned.first !== scanned.second) evidenceMDY += 1;
    else if (decided === null) ambiguous.push(i);
  });

  const order: DateOrder | null =
    options.order ?? (evidenceDMY > evidenceMDY ? 'DMY' : evidenceMDY > evidenceDMY ? 'MDY' : null);
  const format: DateColumnFormat = {
    order,
    minYear: options.minYear ?? 1980,
    maxYear: options.maxYear ?? 2100,
  };
  // A tie of contradicting values is as much a question as no evidence at all.
  const isQuestion = order === null && (ambiguous.length > 0 || (evidenceDMY > 0 && evidenceMDY > 0));

  let valid = 0;
  let invalidCount = 0;
  const badExamples: BadDateExample[] = [];
  const parsedValues = new Float64Array(values.length).fill(Number.NaN);
  texts.forEach((text, i) => {
    if (text === '') return;
    const parsed = parseScannedDate(text, scans[i] ?? null, format, offsetMinutes);
    if (parsed.ok) parsedValues[i] = parsed.value;
    if (parsed.ok) valid += 1;
    else if (parsed.reason !== 'ambiguous_order') {
      invalidCount += 1;
      if (badExamples.length < maxExamples)
        badExamples.push({ row: rowOf(i), raw: values[i] ?? '', reason: parsed.reason });
    }
  });
  const stats = { total: values.length, empty, invalidCount, badExamples, forms };
  const nonEmpty = values.length - empty;

  if (isQuestion) {
    return {
      ...stats,
      kind: 'ambiguous',
      candidates: ['MDY', 'DMY'] as const,
      examples: pickAmbiguousExamples(ambiguous, texts, values, format, offsetMinutes, maxExamples),
      ambiguousCount: ambiguous.length,
      ...(options.now === undefined
        ? {}
        : { futureCount: countFuture(ambiguous, texts, format, offsetMinutes, options.now) }),
    };
  }
  if (nonEmpty === 0 || valid * 2 < nonEmpty) return { ...stats, kind: 'invalid' };
  return {
    ...stats,
    kind: 'ok',
    format,
    parse: (raw: string) => parseDateValue(raw, format, offsetMinutes),
    parsed: parsedValues,
  };
}

function pickAmbiguousExamples(
  indexes: readonly number[],
  texts: readonly string[],
  values: readonly string[],
  format: DateColumnFormat,
  offsetMinutes: number,
  max: number,
): AmbiguousDateExample[] {
  const out: AmbiguousDateExample[] = [];
  const seenDays = new Set<string>();
  for (const i of indexes) {
    if (out.length >= max) break;
    const text = texts[i] ?? '';
    const asMDY = parseDateValue(text, { ...format, order: 'MDY' }, offsetMinutes);
    const asDMY = parseDateValue(text, { ...format, order: 'DMY' }, offsetMinutes);
    if (!asMDY.ok || !asDMY.ok) continue;
    const mdy = formatWallClock(asMDY.value, offsetMinutes, asMDY.hasTime);
    // One example per calendar pair: twenty rows of 03/05 tell no more than one.
    const pairKey = mdy.slice(5, 10);
    if (seenDays.has(pairKey)) continue;
    seenDays.add(pairKey);
    out.push({
      raw: values[i] ?? '',
      asMDY: mdy,
      asDMY: formatWallClock(asDMY.value, offsetMinutes, asDMY.hasTime),
    });
  }
  return out;
}

function countFuture(
  indexes: readonly number[],
  texts: readonly string[],
  format: DateColumnFormat,
  offsetMinutes: number,
  now: number,
): { MDY: number; DMY: number } {
  const count = { MDY: 0, DMY: 0 };
  for (const i of indexes) {
    for (const order of ['MDY', 'DMY'] as const) {
      const parsed = parseDateValue(texts[i] ?? '', { ...format, order }, offsetMinutes);
      if (parsed.ok && parsed.value > now) count[order] += 1;
    }
  }
  return count;
}

/** `YYYY-MM-DD` (or `YYYY-MM-DD HH:mm` with a time) of an instant, as the wall clock at the offset shows it. */
export function formatWallClock(epochMs: number, offsetMinutes: number, withTime = true): string {
  const shifted = epochMs + offsetMinutes * MINUTE_MS;
  const iso = new Date(shifted).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}
