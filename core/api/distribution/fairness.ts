// Fairness of a period from the store, counted as computePeriodFairness defines it; the dashboard can call this.
import type { Database } from 'better-sqlite3';
import { computePeriodFairness, receiptKindOf } from '../../domain/distribution/fair-shares';
import type { FairnessRep, PeriodFairness, Receipt } from '../../domain/distribution/fair-shares';
import { DAY_MS } from '../../domain/clock';
import { countReceipts, type ReceiptCount } from '../../store/fairness-receipts';
import { listReps } from '../../store/reps';
import { localDayOf } from './setup';
import { withOutOfOfficeDays } from '../reps/out-of-office';

/** Epoch ms of local midnight starting the ISO date `iso`. */
export function dayStart(iso: string, utcOffsetMinutes: number): number {
  return localDayOf(Date.parse(`${iso}T12:00:00Z`), utcOffsetMinutes).start;
}

/** Receipts as fairness takes them, from the counts countReceipts gives (one receipt per group, with its count). */
export function receiptsOfCounts(counted: readonly ReceiptCount[]): Receipt[] {
  const receipts: Receipt[] = [];
  // A period has a few dozen days and its counts thousands of rows: each day's date is worked out once.
  const isoOfDay = new Map<number, string>();
  for (const row of counted) {
    // The local date of day number n is the UTC date of n days since 1970, as localDayOf dates a receipt.
    let day = isoOfDay.get(row.day);
    if (day === undefined)
      isoOfDay.set(row.day, (day = new Date(row.day * DAY_MS).toISOString().slice(0, 10)));
    // One receipt standing for the group's count: no copy per lead (100k of them cost the Dashboard ~40 ms).
    receipts.push({
      repId: row.repId,
      kind: receiptKindOf(row.kind),
      grade: row.grade,
      day,
      count: row.count,
    });
  }
  return receipts;
}

/** Every rep, inactive ones included, with their out-of-office days as time away like leave (reps/out-of-office.ts). */
export function readFairnessReps(db: Database, utcOffsetMinutes: number, now: number): FairnessRep[] {
  return withOutOfOfficeDays(db, listReps(db, { includeInactive: true }), utcOffsetMinutes, now);
}

/**
 * Fairness for the local dates [from, to] (inclusive): every rep, inactive ones included (the domain keeps those
 * who received something in the period), and every assignment row of the period with the grade it had then —
 * `counted` when the caller already counted them as countReceipts does (the Dashboard, from its hand-overs).
 */
export function readPeriodFairness(
  db: Database,
  from: string,
  to: string,
  utcOffsetMinutes: number,
  now: number,
  counted?: readonly ReceiptCount[],
): PeriodFairness {
  const receipts = receiptsOfCounts(
    counted ??
      countReceipts(
        db,
        dayStart(from, utcOffsetMinutes),
        dayStart(to, utcOffsetMinutes) + DAY_MS,
        utcOffsetMinutes,
      ),
  );
  return computePeriodFairness({
    reps: readFairnessReps(db, utcOffsetMinutes, now),
    receipts,
    from,
    to,
    now,
  });
}
