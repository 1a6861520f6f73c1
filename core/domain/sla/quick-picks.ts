// Quick picks for scheduling the next activity ("in 2 hours", "tomorrow morning", "next Monday"), read in the
// team's working calendar so a pick never lands on a night, a weekend or a holiday.
import { HOUR_MS } from '../clock';
import { localDayNumber, teamUtcOffsetMinutes } from './local-day';
import type { SlaPolicy } from './sla-policy';
import { addBusinessMs, openingOnOrAfter } from './working-calendar';

export const QUICK_PICKS = ['in_2_hours', 'tomorrow_morning', 'next_monday'] as const;
export type QuickPick = (typeof QUICK_PICKS)[number];

/** Without a calendar, "morning" means 09:00 local. */
const DEFAULT_MORNING_MINUTE = 9 * 60;

/**
 * When a quick pick made at `now` is due (epoch ms), always after `now`:
 * in_2_hours = two working hours from now (17:30 → 10:30 the next working day on a 9–18 calendar);
 * tomorrow_morning = the opening of the first working day after today;
 * next_monday = the opening of the first working day from next Monday on (a holiday Monday moves it on).
 * Infinity when the calendar never opens.
 */
export function quickPickAt(pick: QuickPick, now: number, policy: Pick<SlaPolicy, 'calendar'>): number {
  const calendar = policy.calendar;
  const offset = teamUtcOffsetMinutes(policy);
  const fallback = { utcOffsetMinutes: offset, minute: DEFAULT_MORNING_MINUTE };
  const today = localDayNumber(now, offset);
  if (pick === 'in_2_hours') return addBusinessMs(now, 2 * HOUR_MS, calendar);
  if (pick === 'tomorrow_morning') return openingOnOrAfter(today + 1, calendar, fallback);
  // Day 0 (1970-01-01) was a Thursday: weekday = (day + 4) mod 7, Monday = 1.
  const weekday = (((today + 4) % 7) + 7) % 7;
  const daysToMonday = (1 - weekday + 7) % 7 || 7;
  return openingOnOrAfter(today + daysToMonday, calendar, fallback);
}
