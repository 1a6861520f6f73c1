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
  /** The grade the lead had when assigned (as the explanation recorded it), else its grade now (older rows). */
  readonly grade: Grade | null;
  readonly at: number;
}

/** Every assignment to a rep in [from, to) of a live lead, oldest first. */
export function listReceipts(db: Database, from: number, to: number): ReceiptRow[] {
  return selectAll(
    db,
    qb
      .selectFrom('assignments as a')
      .innerJoin('leads as l', 'l.id', 'a.lead_id')
      .select([
        'a.rep_id',
        'a.kind',
        'a.at',
        'l.grade',
        sql<string | null>`json_type(a.explanation_json, '$.grade')`.as('grade_type'),
        sql<string | null>`json_extract(a.explanation_json, '$.grade')`.as('grade_then'),
      ])
      .where('a.at', '>=', from)
      .where('a.at', '<', to)
      .where('a.rep_id', 'is not', null)
      .where('l.deleted_at', 'is', null)
      .orderBy('a.at')
      .orderBy('a.id'),
  ).map((row) => ({
    repId: asRepId(row.rep_id ?? ''),
    kind: row.kind,
    grade: (row.grade_type === null ? row.grade : row.grade_then) as Grade | null,
    at: row.at,
  }));
}

interface ReceiptCount {
  readonly repId: RepId;
  readonly kind: string;
  /** As listReceipts reads it: the grade recorded with the assignment, else the lead's grade now. */
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
  const grade = sql<Grade | null>`CASE WHEN json_type(a.explanation_json, '$.grade') IS NULL THEN l.grade
    ELSE json_extract(a.explanation_json, '$.grade') END`;
  // better-sqlite3 binds a JS number as REAL; the cast keeps the division an integer one.
  const day = sql<number>`(a.at + CAST(${utcOffsetMinutes * 60_000} AS INTEGER)) / 86400000`;
  return selectAll(
    db,
    qb
      .selectFrom('assignments as a')
      .innerJoin('leads as l', 'l.id', 'a.lead_id')
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
      .where('l.deleted_at', 'is', null)
      .groupBy([sql`a.rep_id`, 'a.kind', grade, day]),
  ).map((row) => ({ ...row, repId: asRepId(row.repId) }));
}
