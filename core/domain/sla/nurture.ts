// Parking a lead in nurture: when it wakes up, and the working stage it returns to.
import { DAY_MS, HOUR_MS } from '../clock';
import { isOpenStage, type FunnelStage } from '../funnel';
import { startOfLocalDate, startOfLocalDay } from './local-day';

/** A parked lead wakes at this local hour, when someone is at work to see it. */
const NURTURE_WAKE_HOUR = 9;

/** How long a lead parked without a date sleeps, in local days from today. */
const DEFAULT_NURTURE_DAYS = 30;

/**
 * When a lead parked at `now` wakes up: 09:00 local on `wakeOn`, or without a date 09:00 local thirty days after
 * today. Not necessarily after `now` (a date in the past, or today after 09:00): the caller refuses that.
 */
export function nurtureWakeAt(now: number, utcOffsetMinutes: number, wakeOn: string | undefined): number {
  const day =
    wakeOn === undefined
      ? startOfLocalDay(now, utcOffsetMinutes) + DEFAULT_NURTURE_DAYS * DAY_MS
      : startOfLocalDate(wakeOn, utcOffsetMinutes);
  return day + NURTURE_WAKE_HOUR * HOUR_MS;
}

/** The stage a nurtured lead returns to: the working stage it was parked from, else MQL. */
export function nurtureReturnStage(parkedFrom: FunnelStage): FunnelStage {
  return isOpenStage(parkedFrom) ? parkedFrom : 'mql';
}
