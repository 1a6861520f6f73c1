// Out of office as time away: the history of a rep's out-of-office switch turned into whole local days, counted
// like leave by the fairness ledger, the period fairness and the load-based methods' away loads.
//
// Granularity (one rule, so the engine's away loads and the ledger agree as they do for leave): a local day is an
// out-of-office day when the rep was out of office for at least half of it (12 of its 24 hours, the spans of that
// day summed). Leave and the ledger count whole days; a rep who switches out of office at 18:00 and back at 09:00
// a week later was away the days between, not the evening they left nor the morning they came back, and one who
// switches at 09:00 on a sick morning was away that day. A span still open counts as running to the end of the
// local day of `now` (never into the future). Live assignment still reads the switch itself (Rep.isOutOfOffice).
import { DAY_MS, MINUTE_MS } from '../clock';
import type { LeavePeriod } from '../rep';

/** One stretch out of office: epoch ms, `to` exclusive; null while still out of office. */
export interface OutOfOfficeSpan {
  readonly from: number;
  readonly to: number | null;
}

/** A day counts as out of office from this much of it away. */
export const OUT_OF_OFFICE_DAY_MS = DAY_MS / 2;

function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The local days (fixed UTC offset) the spans count as away, as inclusive ISO ranges of consecutive days, in
 * order. Invariants: a day is in a range iff the spans (clipped to it) cover at least OUT_OF_OFFICE_DAY_MS of it;
 * no day after `now`'s local day; overlapping spans are counted once.
 */
export function outOfOfficeDays(
  spans: readonly OutOfOfficeSpan[],
  utcOffsetMinutes: number,
  now: number,
): LeavePeriod[] {
  const offset = utcOffsetMinutes * MINUTE_MS;
  const endOfToday = (Math.floor((now + offset) / DAY_MS) + 1) * DAY_MS;
  // Local-time intervals, merged so overlapping spans count once.
  const intervals = spans
    .map((span): [number, number] => [
      span.from + offset,
      Math.min(endOfToday, (span.to ?? Infinity) + offset),
    ])
    .filter(([from, to]) => Number.isFinite(from) && to > from)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of intervals) {
    const last = merged[merged.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  const covered = new Map<number, number>();
  for (const [from, to] of merged)
    for (let day = Math.floor(from / DAY_MS); day * DAY_MS < to; day += 1) {
      const part = Math.min(to, (day + 1) * DAY_MS) - Math.max(from, day * DAY_MS);
      covered.set(day, (covered.get(day) ?? 0) + part);
    }
  const days = [...covered.entries()]
    .filter(([, ms]) => ms >= OUT_OF_OFFICE_DAY_MS)
    .map(([day]) => day)
    .sort((a, b) => a - b);
  const ranges: { first: number; last: number }[] = [];
  for (const day of days) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last.last === day - 1) last.last = day;
    else ranges.push({ first: day, last: day });
  }
  return ranges.map((r) => ({ from: isoOfDay(r.first), to: isoOfDay(r.last) }));
}
