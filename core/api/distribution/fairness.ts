// Fairness of a period from the store, counted as computePeriodFairness defines it; the dashboard can call this.
import type { Database } from 'better-sqlite3';
import { computePeriodFairness, receiptKindOf } from '../../domain/distribution/fair-shares';
import type { PeriodFairness } from '../../domain/distribution/fair-shares';
import { listReceipts } from '../../store/fairness-receipts';
import { listReps } from '../../store/reps';
import { localDayOf } from './setup';

/** Epoch ms of local midnight starting the ISO date `iso`. */
export function dayStart(iso: string, utcOffsetMinutes: number): number {
  return localDayOf(Date.parse(`${iso}T12:00:00Z`), utcOffsetMinutes).start;
}

/**
 * Fairness for the local dates [from, to] (inclusive): every rep, inactive ones included (the domain keeps those
 * who received something in the period), and every assignment row of the period with the grade it had then.
 */
export function readPeriodFairness(
  db: Database,
  from: string,
  to: string,
  utcOffsetMinutes: number,
  now: number,
): PeriodFairness {
  const rows = listReceipts(
    db,
    dayStart(from, utcOffsetMinutes),
    dayStart(to, utcOffsetMinutes) + 86_400_000,
  );
  return computePeriodFairness({
    reps: listReps(db, { includeInactive: true }),
    receipts: rows.map((row) => ({
      repId: row.repId,
      kind: receiptKindOf(row.kind),
      grade: row.grade,
      day: localDayOf(row.at, utcOffsetMinutes).date,
    })),
    from,
    to,
    now,
  });
}
