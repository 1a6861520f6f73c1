// A rep's agenda: the kinds of activity a next step can be, and where "today" and "this week" end.
import { DAY_MS, MINUTE_MS } from '../clock';
import { localDayNumber } from './local-day';

export const ACTIVITY_KINDS = ['call', 'visit', 'meeting', 'wechat', 'email'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface AgendaBounds {
  /** Local midnight ending today (epoch ms). */
  readonly todayEnd: number;
  /** Local midnight starting next Monday (epoch ms): the week runs Monday to Sunday. */
  readonly weekEnd: number;
}

/** Where today and this week end for a team at `utcOffsetMinutes`. Invariant: now < todayEnd ≤ weekEnd. */
export function agendaBounds(now: number, utcOffsetMinutes: number): AgendaBounds {
  const today = localDayNumber(now, utcOffsetMinutes);
  const offsetMs = utcOffsetMinutes * MINUTE_MS;
  const weekday = (((today + 4) % 7) + 7) % 7;
  const daysToMonday = (1 - weekday + 7) % 7 || 7;
  return {
    todayEnd: (today + 1) * DAY_MS - offsetMs,
    weekEnd: (today + daysToMonday) * DAY_MS - offsetMs,
  };
}

export type AgendaSection = 'overdue' | 'today' | 'week' | 'later' | 'undated';

/** Which part of the agenda an activity due at `dueAt` (null = no time) sits in at `now`. */
export function agendaSectionOf(dueAt: number | null, now: number, bounds: AgendaBounds): AgendaSection {
  if (dueAt === null) return 'undated';
  if (dueAt <= now) return 'overdue';
  if (dueAt < bounds.todayEnd) return 'today';
  return dueAt < bounds.weekEnd ? 'week' : 'later';
}
