// The assignment rows fairness counts: who got a lead in a period, how (kind), and the grade it had then.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { Grade } from '../domain/funnel';
import { asRepId, type RepId } from '../domain/ids';
import { qb, selectAll } from './sql';

interface ReceiptRow {
  readonly repId: RepId;
  /** The assignment row's kind (auto, import, claim, manual, appeal, recycle, demo). */
  readonly kind: string;
  /** The grade the lead was given at (as the explanation recorded it, else its grade then: assignments.grade_then). */
  readonly grade: Grade | null;
  readonly at: number;
}

/**
 * The lead is not deleted: a look-up in the small set of deleted leads instead of reading each assignment's lead,
 * which cost most of the Dashboard's balance time. INDEXED BY: with no ANALYZE statistics (the app never gathers
 * them) SQLite built that set by scanning every lead.
 */
const isLeadLive = sql<boolean>`a.lead_id NOT IN (SELECT leads.id FROM leads INDEXED BY leads_deleted
  WHERE leads.deleted_at IS NOT NULL)`;

/** Every assignment to a rep in [from, to) of a live lead, oldest first. */
export function listReceipts(db: Database, from: number, to: number): ReceiptRow[] {
  return selectAll(
    db,
    qb
      .selectFrom('assignments as a')
      .select(['a.rep_id', 'a.kind', 'a.at', 'a.grade_then'])
      .where('a.at', '>=', from)
      .where('a.at', '<', to)
      .where('a.rep_id', 'is not', null)
      .where(isLeadLive)
      .orderBy('a.at')
      .orderBy('a.id'),
  ).map((row) => ({
    repId: asRepId(row.rep_id ?? ''),
    kind: row.kind,
    grade: row.grade_then as Grade | null,
    at: row.at,
  }));
}

export interface ReceiptCount {
  readonly repId: RepId;
  readonly kind: string;
  /** As listReceipts reads it: the assignment's grade then. */
  readonly grade: Grade | null;
  /** Local day number: floor((at + offset) / 1 day), the numbering rep_day_counts uses. */
  readonly day: number;
  readonly count: number;
}

/**
 * The rows listReceipts reads, counted in SQL per rep, kind, grade and local day: fairness only counts them, and
 * 100k row objects (with a local day worked out for each) were most of the Dashboard's balance time.
 */
export function countReceipts(
  db: Database,
  from: number,
  to: number,
  utcOffsetMinutes: number,
): ReceiptCount[] {
  const grade = sql<Grade | null>`a.grade_then`;
  // better-sqlite3 binds a JS number as REAL; the cast keeps the division an integer one.
  const day = sql<number>`(a.at + CAST(${utcOffsetMinutes * 60_000} AS INTEGER)) / 86400000`;
  return selectAll(
    db,
    qb
      .selectFrom('assignments as a')
      .select([
        sql<string>`a.rep_id`.as('repId'),
        'a.kind',
        grade.as('grade'),
        day.as('day'),
        (eb) => eb.fn.countAll<number>().as('count'),
      ])
      .where('a.at', '>=', from)
      .where('a.at', '<', to)
      .where('a.rep_id', 'is not', null)
      .where(isLeadLive)
      .groupBy([sql`a.rep_id`, 'a.kind', grade, day]),
  ).map((row) => ({ ...row, repId: asRepId(row.repId) }));
}
