// Business time: SLA clocks run only inside working hours, in the team's own time zone, and stop on holidays.
import { DAY_MS, MINUTE_MS } from '../clock';

/** One day's working window, in minutes since local midnight; `startMinute < endMinute ≤ 1440`. */
export interface WorkingHours {
  readonly startMinute: number;
  readonly endMinute: number;
}

/**
 * A team's working calendar, JSON-friendly. Pure code cannot ask the OS for a time zone, so the
 * offset is explicit: +480 for China (no daylight saving there).
 */
export interface WorkingCalendar {
  /** Minutes east of UTC, e.g. 480 for UTC+8. */
  readonly utcOffsetMinutes: number;
  /** Seven entries, index 0 = Sunday … 6 = Saturday (like `getUTCDay`); null = a day off. */
  readonly weekdays: readonly (WorkingHours | null)[];
  /** Local ISO dates (`YYYY-MM-DD`) when the clock does not run, even on a working weekday. */
  readonly holidays: readonly string[];
  /**
   * Local ISO dates of weekend days worked in exchange for a holiday (调休). They use the hours of
   * the first working weekday from Monday on. A date that is also a holiday stays a holiday.
   */
  readonly makeUpDays?: readonly string[];
}

const NINE_TO_SIX: WorkingHours = { startMinute: 9 * 60, endMinute: 18 * 60 };

/** Monday–Friday 9:00–18:00 in China (UTC+8), no holidays: the team adds its own each year. */
export const CHINA_OFFICE_CALENDAR: WorkingCalendar = {
  utcOffsetMinutes: 480,
  weekdays: [null, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, null],
  holidays: [],
  makeUpDays: [],
};

type Window = readonly [startMs: number, endMs: number];

interface CompiledCalendar {
  readonly offsetMs: number;
  readonly weekdays: readonly (Window | null)[];
  readonly holidays: ReadonlySet<number>;
  readonly makeUpDays: ReadonlyMap<number, Window>;
  readonly hasWorkingTime: boolean;
  /** Running totals of business time per day, grown on demand; makes a deadline a binary search. */
  table: DayTable | null;
}

/**
 * `cum[i]` = business ms in local days [base, base + i); `opens[i]`/`closes[i]` = day base + i's window in ms since
 * local midnight (0/0 on a day off), so a lookup needs no holiday set or weekday arithmetic.
 */
interface DayTable {
  readonly base: number;
  readonly cum: Float64Array;
  readonly opens: Float64Array;
  readonly closes: Float64Array;
}

/** Compiling is the only costly part; calendars are immutable JSON, so one compile per object is safe. */
const compiled = new WeakMap<WorkingCalendar, CompiledCalendar>();

/** A deadline further than this many days away means the calendar (nearly) never opens: Infinity. */
const MAX_SCAN_DAYS = 366 * 30;

function compileCalendar(calendar: WorkingCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached !== undefined) return cached;
  const weekdays = Array.from({ length: 7 }, (_, i) => toWindow(calendar.weekdays[i] ?? null));
  const makeUpWindow = [1, 2, 3, 4, 5, 6, 0].map((i) => weekdays[i] ?? null).find((w) => w !== null) ?? null;
  const holidays = new Set(calendar.holidays.map(toDayNumber).filter((day) => day !== null));
  const makeUpDays = new Map<number, Window>();
  if (makeUpWindow !== null) {
    for (const iso of calendar.makeUpDays ?? []) {
      const day = toDayNumber(iso);
      if (day !== null && !holidays.has(day)) makeUpDays.set(day, makeUpWindow);
    }
  }
  const result: CompiledCalendar = {
    offsetMs: calendar.utcOffsetMinutes * MINUTE_MS,
    weekdays,
    holidays,
    makeUpDays,
    hasWorkingTime: weekdays.some((w) => w !== null) || makeUpDays.size > 0,
    table: null,
  };
  compiled.set(calendar, result);
  return result;
}

function toWindow(hours: WorkingHours | null): Window | null {
  if (hours === null) return null;
  const start = Math.max(0, Math.min(1440, hours.startMinute));
  const end = Math.max(0, Math.min(1440, hours.endMinute));
  return start < end ? [start * MINUTE_MS, end * MINUTE_MS] : null;
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date, or null when it is not a real date. */
function toDayNumber(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

function windowOn(calendar: CompiledCalendar, day: number): Window | null {
  if (calendar.holidays.has(day)) return null;
  const makeUp = calendar.makeUpDays.get(day);
  if (makeUp !== undefined) return makeUp;
  // 1970-01-01 (day 0) was a Thursday.
  return calendar.weekdays[(((day + 4) % 7) + 7) % 7] ?? null;
}

/** True when `iso` is a real `YYYY-MM-DD` date. */
export function isIsoDate(iso: string): boolean {
  return toDayNumber(iso) !== null;
}

/** A table whose running totals cover local days fromDay … toDay inclusive. */
function tableCovering(cal: CompiledCalendar, fromDay: number, toDay: number): DayTable {
  const current = cal.table;
  if (current !== null && current.base <= fromDay && toDay + 1 - current.base < current.cum.length)
    return current;
  const base = Math.min(current?.base ?? fromDay, fromDay - 31);
  const end = Math.max(current === null ? toDay + 1 : current.base + current.cum.length - 1, toDay + 1);
  const days = Math.max(2 * (end - base), 512);
  const cum = new Float64Array(days + 1);
  const opens = new Float64Array(days);
  const closes = new Float64Array(days);
  for (let i = 0; i < days; i += 1) {
    const window = windowOn(cal, base + i);
    opens[i] = window === null ? 0 : window[0];
    closes[i] = window === null ? 0 : window[1];
    cum[i + 1] = (cum[i] ?? 0) + (closes[i] ?? 0) - (opens[i] ?? 0);
  }
  const table: DayTable = { base, cum, opens, closes };
  cal.table = table;
  return table;
}

/** Business ms from the table's first day up to the local instant `local` (on `day`, which the table covers). */
function businessBefore(table: DayTable, day: number, local: number): number {
  const i = day - table.base;
  const opens = table.opens[i] ?? 0;
  const partial = Math.min(Math.max(local - day * DAY_MS, opens), table.closes[i] ?? 0) - opens;
  return (table.cum[i] ?? 0) + partial;
}

/**
 * Business milliseconds in [start, end): only time inside working windows counts.
 * 0 when end ≤ start. With a null calendar the clock never pauses (end − start).
 * Invariant: businessMsBetween(s, addBusinessMs(s, ms, c), c) === ms for every ms ≥ 0 with a finite deadline.
 */
export function businessMsBetween(start: number, end: number, calendar: WorkingCalendar | null): number {
  if (!(end > start)) return 0;
  if (calendar === null) return end - start;
  return businessMsIn(compileCalendar(calendar), start, end);
}

function businessMsIn(cal: CompiledCalendar, start: number, end: number): number {
  const localStart = start + cal.offsetMs;
  const localEnd = end + cal.offsetMs;
  const firstDay = Math.floor(localStart / DAY_MS);
  const lastDay = Math.floor(localEnd / DAY_MS);
  const table = tableCovering(cal, firstDay, lastDay);
  return businessBefore(table, lastDay, localEnd) - businessBefore(table, firstDay, localStart);
}

/**
 * businessMsBetween for one calendar, compiled once: for a loop over many intervals (the Dashboard's 100k
 * hand-overs), where looking the calendar up per call showed in profiles. An object, not a closure: the loop calls
 * one method shared by every meter, so V8's optimised code for it outlives the meter (a closure made per call was a
 * new call target each time, and the Dashboard's loops were compiled again on every load).
 */
export class BusinessMeter {
  private readonly cal: CompiledCalendar | null;

  constructor(calendar: WorkingCalendar | null) {
    this.cal = calendar === null ? null : compileCalendar(calendar);
  }

  /** Business ms from `start` to `end`; 0 when `end` is not after `start`. */
  between(start: number, end: number): number {
    if (!(end > start)) return 0;
    return this.cal === null ? end - start : businessMsIn(this.cal, start, end);
  }
}

/**
 * The SLA deadline: the earliest instant at which `ms` business milliseconds have elapsed since `start`.
 * A deadline that lands on the end of a working window stays there (18:00, not 9:00 the next day).
 * ms ≤ 0 answers `start`; a calendar with no working time answers Infinity. Always ≥ start + ms.
 */
export function addBusinessMs(start: number, ms: number, calendar: WorkingCalendar | null): number {
  if (!(ms > 0)) return start;
  if (calendar === null) return start + ms;
  const cal = compileCalendar(calendar);
  if (!cal.hasWorkingTime) return Number.POSITIVE_INFINITY;
  const local = start + cal.offsetMs;
  const day = Math.floor(local / DAY_MS);
  let span = Math.max(14, Math.ceil((ms / DAY_MS) * 3));
  let table = tableCovering(cal, day, day + span);
  const target = businessBefore(table, day, local) + ms;
  while ((table.cum[table.cum.length - 1] ?? 0) < target) {
    if (span > MAX_SCAN_DAYS) return Number.POSITIVE_INFINITY;
    span *= 2;
    table = tableCovering(cal, day, day + span);
  }
  const { cum, base } = table;
  // Smallest i with cum[i] ≥ target: the deadline falls inside local day base + i − 1.
  let lo = day - base + 1;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] ?? 0) >= target) hi = mid;
    else lo = mid + 1;
  }
  const deadlineDay = base + lo - 1;
  const opensAt = table.opens[lo - 1] ?? 0;
  return deadlineDay * DAY_MS + opensAt + (target - (cum[lo - 1] ?? 0)) - cal.offsetMs;
}

/** Problems with a calendar, as short English sentences; empty when it is usable. */
export function checkWorkingCalendar(calendar: WorkingCalendar): string[] {
  const problems: string[] = [];
  const offset = calendar.utcOffsetMinutes;
  if (!Number.isInteger(offset) || offset < -720 || offset > 840) {
    problems.push('utcOffsetMinutes must be a whole number of minutes between -720 and 840');
  }
  if (calendar.weekdays.length !== 7) problems.push('weekdays must have 7 entries, Sunday first');
  calendar.weekdays.forEach((hours, i) => {
    if (hours === null) return;
    const { startMinute, endMinute } = hours;
    if (
      !Number.isInteger(startMinute) ||
      !Number.isInteger(endMinute) ||
      startMinute < 0 ||
      endMinute > 1440 ||
      startMinute >= endMinute
    ) {
      problems.push(`weekday ${i}: working hours must satisfy 0 ≤ start < end ≤ 1440 minutes`);
    }
  });
  for (const iso of [...calendar.holidays, ...(calendar.makeUpDays ?? [])]) {
    if (!isIsoDate(iso)) problems.push(`${iso} is not a YYYY-MM-DD date`);
  }
  if (!calendar.weekdays.some((hours) => hours !== null) && (calendar.makeUpDays ?? []).length === 0) {
    problems.push('the calendar has no working day: SLA clocks would never run');
  }
  return problems;
}

/**
 * Epoch ms when the first working day on or after the local day `day` (days since 1970-01-01 local) opens;
 * a null calendar opens every day at `fallbackMinute`. Infinity when no working day comes within 30 years.
 */
export function openingOnOrAfter(
  day: number,
  calendar: WorkingCalendar | null,
  fallback: { readonly utcOffsetMinutes: number; readonly minute: number },
): number {
  if (calendar === null) return day * DAY_MS + (fallback.minute - fallback.utcOffsetMinutes) * MINUTE_MS;
  const cal = compileCalendar(calendar);
  if (!cal.hasWorkingTime) return Number.POSITIVE_INFINITY;
  for (let d = day; d < day + MAX_SCAN_DAYS; d += 1) {
    const window = windowOn(cal, d);
    if (window !== null) return d * DAY_MS + window[0] - cal.offsetMs;
  }
  return Number.POSITIVE_INFINITY;
}
