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
