// Open leads by the local day they were handed to their holder: what distribution's away loads weigh
// (core/domain/distribution/away-load.ts). Read only while some rep was away in the last days that count.
import type { Database } from 'better-sqlite3';
import { isoOfDayNumber } from '../domain/distribution/away-load';
import { localDayNumber } from '../domain/sla/local-day';
import { qb, selectAll } from './sql';

/**
 * Leads that weigh on an open load (owned, live, not history, in a working stage), counted by the local ISO date
 * of their latest assignment to their owner, for assignments at or after `since` (epoch ms). A lead with no
 * assignment row to its owner (say, written before assignments were kept) is left out.
 */
export function countOpenByAssignedDay(
  db: Database,
  since: number,
  utcOffsetMinutes: number,
): Record<string, number> {
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads as l')
      .innerJoin('assignments as a', (join) =>
        join.onRef('a.lead_id', '=', 'l.id').onRef('a.rep_id', '=', 'l.owner_id'),
      )
      .select((eb) => eb.fn.max('a.at').as('at'))
      .where('l.owner_id', 'is not', null)
      .where('l.deleted_at', 'is', null)
      .where('l.is_history', '=', 0)
      .where('l.stage', 'not in', ['won', 'lost', 'nurture'])
      .groupBy('l.id')
      .having((eb) => eb.fn.max('a.at'), '>=', since),
  );
  const byDay: Record<string, number> = {};
  for (const row of rows) {
    const day = isoOfDayNumber(localDayNumber(row.at, utcOffsetMinutes));
    byDay[day] = (byDay[day] ?? 0) + 1;
  }
  return byDay;
}
