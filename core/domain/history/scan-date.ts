// Reading the parts of a date cell as written — year, month and day in any common order or language, then the time
// of day and zone — before parse-dates decides what instant they name.
import type { DateErrorReason, DateForm } from './parse-dates';

export interface ScannedDate {
  readonly form: DateForm;
  readonly year: number;
  /** For `day_month`: the two leading parts as written, order unresolved. */
  readonly first: number;
  readonly second: number;
  readonly rest: string;
}

const SERIAL = /^\d{1,7}(?:\.\d+)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(.*)$/;
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])(.*)$/;
const DAY_MONTH = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d])(.*)$/;
// Month names, as Zoho and English exports write them: `15 Apr, 2021 00:03:00`, `15-Apr-2021`, `Apr 15, 2021`.
const DAY_MONTH_NAME = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]+(\d{4})(?![\d])(.*)$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(?![\d])(.*)$/;
const MONTHS: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [
    m,
    i + 1,
  ]),
);

/** The month a name stands for (`Apr`, `April`, `Sept`), or 0. */
function monthOf(name: string): number {
  const lower = name.toLowerCase();
  const month = MONTHS.get(lower.slice(0, 3)) ?? 0;
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ][month - 1];
  return full !== undefined && (full.startsWith(lower) || lower === 'sept') ? month : 0;
}

const CLOCK_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?/;
const CHINESE_TIME = /^(\d{1,2})\s*[时点]\s*(?:(\d{1,2})\s*分(?:\s*(\d{1,2})\s*秒)?)?/;
const MERIDIEM = /^(上午|下午|凌晨|早上|晚上|am|pm|a\.m\.|p\.m\.)/i;
const ZONE = /^(?:(z|utc|gmt)|(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?)$/i;

// Full-width digits and separators (２０２４／３／５) are the only compatibility forms dates arrive in; NFKC on every
// cell would cost more than the parse.
const WIDE = /[\u3000\uFF00-\uFFEF]/;
export function normalizeDateText(raw: string): string {
  return (WIDE.test(raw) ? raw.normalize('NFKC') : raw).replace(/\s+/g, ' ').trim();
}

export function scanDate(text: string): ScannedDate | null {
  const compact = COMPACT.exec(text);
  if (compact)
    return {
      form: 'compact',
      year: Number(compact[1]),
      first: Number(compact[2]),
      second: Number(compact[3]),
      rest: '',
    };
  if (SERIAL.test(text)) return { form: 'serial', year: 0, first: 0, second: 0, rest: text };
  let m = CHINESE.exec(text);
  if (m)
    return {
      form: 'chinese',
      year: Number(m[1]),
      first: Number(m[2]),
      second: Number(m[3]),
      rest: m[4] ?? '',
    };
  m = YEAR_FIRST.exec(text);
  if (m)
    return { form: 'ymd', year: Number(m[1]), first: Number(m[3]), second: Number(m[4]), rest: m[5] ?? '' };
  m = DAY_MONTH_NAME.exec(text);
  if (m && monthOf(m[2] ?? '') > 0)
    return {
      form: 'ymd',
      year: Number(m[3]),
      first: monthOf(m[2] ?? ''),
      second: Number(m[1]),
      rest: m[4] ?? '',
    };
  m = MONTH_NAME_DAY.exec(text);
  if (m && monthOf(m[1] ?? '') > 0)
    return {
      form: 'ymd',
      year: Number(m[3]),
      first: monthOf(m[1] ?? ''),
      second: Number(m[2]),
      rest: m[4] ?? '',
    };
  m = DAY_MONTH.exec(text);
  if (m) {
    const yearText = m[4] ?? '';
    // Two-digit years follow Excel's rule: 00–29 are 2000s, 30–99 are 1900s.
    const yy = Number(yearText);
    const year = yearText.length === 2 ? (yy < 30 ? 2000 + yy : 1900 + yy) : yy;
    return { form: 'day_month', year, first: Number(m[1]), second: Number(m[3]), rest: m[5] ?? '' };
  }
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export interface TimeOfDay {
  readonly ms: number;
  readonly hasTime: boolean;
  /** Minutes east of UTC named by the value, or null. */
  readonly zone: number | null;
}

export function parseTimeAndZone(rest: string): TimeOfDay | DateErrorReason {
  let text = rest.trim();
  if (text === '') return { ms: 0, hasTime: false, zone: null };
  if (/^t/i.test(text)) text = text.slice(1).trim();
  let meridiem: string | null = null;
  const before = MERIDIEM.exec(text);
  if (before) {
    meridiem = (before[1] ?? '').toLowerCase();
    text = text.slice(before[0].length).trim();
  }
  let hour: number;
  let minute: number;
  let second: number;
  let fraction = 0;
  const clock = CLOCK_TIME.exec(text);
  const chinese = clock ? null : CHINESE_TIME.exec(text);
  if (clock) {
    hour = Number(clock[1]);
    minute = Number(clock[2]);
    second = clock[3] === undefined ? 0 : Number(clock[3]);
    fraction = clock[4] === undefined ? 0 : Math.round(Number(`0.${clock[4]}`) * 1000);
    text = text.slice(clock[0].length).trim();
  } else if (chinese) {
    hour = Number(chinese[1]);
    minute = chinese[2] === undefined ? 0 : Number(chinese[2]);
    second = chinese[3] === undefined ? 0 : Number(chinese[3]);
    text = text.slice(chinese[0].length).trim();
  } else return 'invalid_time';
  const after = meridiem === null ? MERIDIEM.exec(text) : null;
  if (after) {
    meridiem = (after[1] ?? '').toLowerCase();
    text = text.slice(after[0].length).trim();
  }
  if (meridiem !== null) {
    if (hour < 1 || hour > 12) return 'invalid_time';
    const isPm = meridiem === 'pm' || meridiem === 'p.m.' || meridiem === '下午' || meridiem === '晚上';
    hour = (hour % 12) + (isPm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return 'invalid_time';
  let zone: number | null = null;
  if (text !== '') {
    const z = ZONE.exec(text.replace(/\s+/g, ''));
    if (!z) return 'invalid_zone';
    if (z[1] !== undefined) zone = 0;
    else {
      const hours = Number(z[3]);
      const minutes = z[4] === undefined ? 0 : Number(z[4]);
      if (hours > 14 || minutes > 59) return 'invalid_zone';
      zone = (z[2] === '-' ? -1 : 1) * (hours * 60 + minutes);
    }
  }
  return { ms: ((hour * 60 + minute) * 60 + second) * 1000 + fraction, hasTime: true, zone };
}
