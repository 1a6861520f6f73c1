// The team's days: periods ("the last 30 days") counted in the local days of the team's offset from UTC, the days
// the hub counts in, so a page asked at 01:00 in Beijing on a computer set to another zone still ends today.
import dayjs from 'dayjs';

/**
 * The last `days` days of the team, today included, as ISO dates: days by the team's offset from UTC when known
 * (the hub counts its periods in them), else by this computer's clock.
 */
export function periodOf(
  days: number,
  utcOffsetMinutes?: number,
  now: number = Date.now(),
): { from: string; to: string } {
  const today =
    utcOffsetMinutes === undefined
      ? dayjs(now)
      : dayjs(new Date(now + utcOffsetMinutes * 60_000).toISOString().slice(0, 10));
  return { from: today.subtract(days - 1, 'day').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
}
