// The latest clock start that is overdue at an instant: with it a count of overdue clocks is a comparison per lead
// (start ≤ threshold) that SQL can do, instead of a business-calendar walk per lead.
import { MINUTE_MS } from '../clock';
import { addBusinessMs, type WorkingCalendar } from './working-calendar';

/** The earliest start searched (1970-01-01): the gallop back from `now − limit` stops there. */
const EPOCH = 0;

/**
 * The largest whole-ms clock start `s` whose deadline `addBusinessMs(s, minutes, calendar)` is ≤ `now`, or null
 * when no start from 1970 on has come due. Because that deadline never decreases as the start moves later
 * (it is the first instant with the start's business time plus the limit behind it), and never comes before
 * start + limit (business time never runs faster than wall time), a clock of this limit started at `s` is
 * overdue at `now` exactly when `s ≤ threshold`. A calendar that never opens gives null (no deadline is finite).
 * Cost: a few dozen deadline look-ups (a gallop back by doubling days, then a binary search over ms).
 */
export function latestOverdueStart(
  minutes: number,
  calendar: WorkingCalendar | null,
  now: number,
): number | null {
  const isDue = (start: number) => addBusinessMs(start, minutes * MINUTE_MS, calendar) <= now;
  // No start after now − limit can be due; every start up to the first due one found is due.
  let late = Math.floor(now - Math.max(0, minutes) * MINUTE_MS);
  if (isDue(late)) return late;
  let step = 24 * 60 * MINUTE_MS;
  let early = late - step;
  while (!isDue(early)) {
    if (early <= EPOCH) return null;
    late = early;
    step *= 2;
    early = Math.max(EPOCH, early - step);
  }
  // isDue(early) and not isDue(late): the threshold is in [early, late).
  while (late - early > 1) {
    const mid = early + Math.floor((late - early) / 2);
    if (isDue(mid)) early = mid;
    else late = mid;
  }
  return early;
}
