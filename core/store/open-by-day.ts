// Open leads by the local day they arrived: what distribution's away loads weigh
// (core/domain/distribution/away-load.ts), read only for the days some rep was away.
import type { Database } from 'better-sqlite3';
import { DAY_MS } from '../domain/clock';
import { isoOfDayNumber } from '../domain/distribution/away-load';
import { qb, selectFirst } from './sql';

/**
 * Leads that weigh on an open load (owned, live, not history, in a working stage) that arrived within each given
 * run of local day numbers, counted once per run and keyed by the ISO date of its first day (away-load.ts sums
 * a run's days alike). A lead distributed on arrival was handed out that day; one claimed or moved later still
 * counts on its arrival day. One count over a range of leads_cohort per run.
 */
export function countOpenByArrivalDay(
  db: Database,
  runs: readonly { readonly first: number; readonly last: number }[],
  utcOffsetMinutes: number,
): Record<string, number> {
  const byDay: Record<string, number> = {};
  const offset = utcOffsetMinutes * 60_000;
  for (const run of runs) {
    const row = selectFirst(
      db,
      qb
        .selectFrom('leads')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('created_at', '>=', run.first * DAY_MS - offset)
        .where('created_at', '<', (run.last + 1) * DAY_MS - offset)
        .where('deleted_at', 'is', null)
        .where('is_history', '=', 0)
        .where('owner_id', 'is not', null)
        .where('stage', 'not in', ['won', 'lost', 'nurture']),
    );
    if (row !== undefined && row.n > 0) byDay[isoOfDayNumber(run.first)] = row.n;
  }
  return byDay;
}
