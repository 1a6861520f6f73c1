// A dashboard period in local days: its epoch-ms bounds, the period just before it, and its per-day grid.
import { DAY_MS } from '../../domain/clock';
import type { KpiPeriod } from '../../store/dashboard-kpi';
import { localDayOf } from '../distribution/setup';

export interface ResolvedPeriod extends KpiPeriod {
  readonly fromDate: string;
  readonly toDate: string;
  readonly days: number;
  /** Local day number (days since 1970-01-01 local) of the period's first day. */
  readonly firstDay: number;
  readonly previous: KpiPeriod & {
    readonly fromDate: string;
    readonly toDate: string;
    readonly firstDay: number;
  };
  /** Local dates of each day of the period, in order. */
  readonly dates: readonly string[];
}

/** The local day number of an epoch ms: the numbering the store's per-day rows use. */
export function localDayNumber(at: number, utcOffsetMinutes: number): number {
  return Math.floor((at + utcOffsetMinutes * 60_000) / DAY_MS);
}

/** [from, to] local dates → [from 00:00, to + 1 day 00:00) in the workspace's offset, and the period before. */
export function resolvePeriod(fromIso: string, toIso: string, utcOffsetMinutes: number): ResolvedPeriod {
  const dayStart = (iso: string) => localDayOf(Date.parse(`${iso}T12:00:00Z`), utcOffsetMinutes).start;
  const from = dayStart(fromIso);
  const to = dayStart(toIso) + DAY_MS;
  const days = Math.round((to - from) / DAY_MS);
  const prevFrom = from - days * DAY_MS;
  const dates: string[] = [];
  for (let start = from; start < to; start += DAY_MS) dates.push(localDayOf(start, utcOffsetMinutes).date);
  return {
    from,
    to,
    utcOffsetMinutes,
    fromDate: fromIso,
    toDate: toIso,
    days,
    firstDay: localDayNumber(from, utcOffsetMinutes),
    dates,
    previous: {
      from: prevFrom,
      to: from,
      utcOffsetMinutes,
      fromDate: localDayOf(prevFrom, utcOffsetMinutes).date,
      toDate: localDayOf(from - DAY_MS, utcOffsetMinutes).date,
      firstDay: localDayNumber(prevFrom, utcOffsetMinutes),
    },
  };
}
