// Out of office as time away: the switch's history kept with each change of it, and read back as whole local
// days (domain/ledger/out-of-office.ts) for the counts that take time away out (ledger, fairness, away loads).
import type { Database } from 'better-sqlite3';
import { outOfOfficeDays } from '../../domain/ledger/out-of-office';
import type { Rep } from '../../domain/rep';
import { closeOutOfOffice, listOutOfOfficeSpans, openOutOfOffice } from '../../store/rep-out-of-office';

/** Records a change of the rep's switch at `at` (nothing when it did not change); call inside the change's transaction. */
export function recordOutOfOffice(db: Database, before: boolean, after: Rep, at: number): void {
  if (before === after.isOutOfOffice) return;
  if (after.isOutOfOffice) openOutOfOffice(db, after.id, at);
  else closeOutOfOffice(db, after.id, at);
}

/**
 * The reps with their out-of-office days (to the end of `now`'s local day) attached; a rep never out of office
 * keeps no field. Reads every span once.
 */
export function withOutOfOfficeDays<R extends Rep>(
  db: Database,
  reps: readonly R[],
  utcOffsetMinutes: number,
  now: number,
): R[] {
  const spans = listOutOfOfficeSpans(db);
  if (spans.size === 0) return [...reps];
  return reps.map((rep) => {
    const own = spans.get(rep.id);
    if (own === undefined) return rep;
    const days = outOfOfficeDays(own, utcOffsetMinutes, now);
    return days.length === 0 ? rep : { ...rep, outOfOfficeDays: days };
  });
}
