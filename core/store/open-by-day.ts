// Open leads by the local day they arrived: what distribution's away loads weigh
// (core/domain/distribution/away-load.ts), read only for the days some rep was away.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import { DAY_MS } from '../domain/clock';
import { isoOfDayNumber } from '../domain/distribution/away-load';
import { qb, selectAll, selectFirst } from './sql';

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
        .where('is_history', '=', sql.lit(0))
        .where('owner_id', 'is not', null)
        .where('stage', 'not in', ['won', 'lost', 'nurture']),
    );
    if (row !== undefined && row.n > 0) byDay[isoOfDayNumber(run.first)] = row.n;
  }
  return byDay;
}

/**
 * Leads open at `at` (as openLoadsAt in distribution-state.ts counts them: owned, not deleted, arrived before and
 * not closed by then) that arrived on or after `since`, by the ISO date of their local arrival day: a replay's
 * away loads at its start (time away before the range still weighs on what the team holds when it begins).
 */
export function countOpenAtByArrivalDay(
  db: Database,
  at: number,
  since: number,
  utcOffsetMinutes: number,
): Record<string, number> {
  const offset = utcOffsetMinutes * 60_000;
  const byDay: Record<string, number> = {};
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads')
      .select(['created_at', (eb) => eb.fn.countAll<number>().as('n')])
      .where('owner_id', 'is not', null)
      .where('deleted_at', 'is', null)
      .where('created_at', '<', at)
      .where('created_at', '>=', since)
      .where((eb) =>
        eb.or([
          eb('stage', 'not in', ['won', 'lost', 'nurture']),
          eb('closed_at', '>=', at),
          eb.and([eb('closed_at', 'is', null), eb('updated_at', '>=', at)]),
        ]),
      )
      .groupBy('created_at'),
  );
  for (const row of rows) {
    const day = isoOfDayNumber(Math.floor((row.created_at + offset) / DAY_MS));
    byDay[day] = (byDay[day] ?? 0) + row.n;
  }
  return byDay;
}

/**
 * Of the leads open at `at` (as above), those closed (won, lost, nurture) before `until`: their owner, the local day
 * number they arrived and when they closed (closed_at, else their last change), so a replay from `at` lets them go
 * when they did.
 */
export function listOpenAtClosingBefore(
  db: Database,
  at: number,
  until: number,
  utcOffsetMinutes: number,
): { repId: string; day: number; at: number }[] {
  const offset = utcOffsetMinutes * 60_000;
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads')
      .select(['owner_id', 'created_at', 'closed_at', 'updated_at'])
      .where('owner_id', 'is not', null)
      .where('deleted_at', 'is', null)
      .where('created_at', '<', at)
      .where('stage', 'in', ['won', 'lost', 'nurture'])
      .where((eb) =>
        eb.or([
          eb.and([eb('closed_at', '>=', at), eb('closed_at', '<', until)]),
          eb.and([eb('closed_at', 'is', null), eb('updated_at', '>=', at), eb('updated_at', '<', until)]),
        ]),
      ),
  );
  return rows.flatMap((row) =>
    row.owner_id === null
      ? []
      : [
          {
            repId: row.owner_id,
            day: Math.floor((row.created_at + offset) / DAY_MS),
            at: row.closed_at ?? row.updated_at,
          },
        ],
  );
}
