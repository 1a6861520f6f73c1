// The team's local day in epoch ms: where a day starts (daily claim limits, daily caps) and a date's midnight.
import { DAY_MS, MINUTE_MS } from '../clock';
import type { SlaPolicy } from './sla-policy';

/** The team's offset when nothing says otherwise: China (UTC+8, no daylight saving). */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

/** Minutes east of UTC of the team's local time under `policy` (its calendar's, else China's). */
export function teamUtcOffsetMinutes(policy: Pick<SlaPolicy, 'calendar'>): number {
  return policy.calendar?.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;
}

/**
 * The local day containing `at`, numbered from 1970-01-01 local. Invariant: two instants share a number exactly
 * when they fall between the same two local midnights.
 */
export function localDayNumber(at: number, utcOffsetMinutes: number): number {
  return Math.floor((at + utcOffsetMinutes * MINUTE_MS) / DAY_MS);
}

/** Epoch ms of the local midnight that starts the local day containing `now`: ≤ `now`, less than a day before. */
export function startOfLocalDay(now: number, utcOffsetMinutes: number): number {
  return localDayNumber(now, utcOffsetMinutes) * DAY_MS - utcOffsetMinutes * MINUTE_MS;
}

/** Epoch ms of local midnight of the calendar date `YYYY-MM-DD` (assumed real: the contract checks it). */
export function startOfLocalDate(isoDate: string, utcOffsetMinutes: number): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) - utcOffsetMinutes * MINUTE_MS;
}
