// The period's hand-overs read once for both the KPI row's response time and its balance: listResponses' rows with
// what fairness counts besides (kind, grade then), over every live lead, so the caller filters and counts in memory.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { Grade } from '../domain/funnel';
import type { KpiPeriod, ResponseRow } from './dashboard-kpi';
import { qb, selectAll } from './sql';

export interface HandOverRow extends ResponseRow {
  /** The assignment row's kind (auto, import, claim, manual, appeal, recycle, demo). */
  readonly kind: string;
  /** The grade it was given at (assignments.grade_then), as fairness counts it. */
  readonly gradeThen: Grade | null;
  /** 1 for a history lead: fairness counts its hand-overs, response time does not. */
  readonly isHistory: number;
  readonly source: string | null;
}

/**
 * Every hand-over to a rep in [from, to) of a live (not deleted) lead, history leads included, in lead order: the
 * rows listResponses reads (with no filter, less the history leads) and countReceipts counts, in one pass over the
 * covering assignments_period, each lead looked up once in key order (as listResponses does).
 */
export function listHandOvers(db: Database, period: KpiPeriod): HandOverRow[] {
  const handOvers = qb
    .selectFrom('assignments as a')
    .select(['a.lead_id', 'a.rep_id', 'a.at', 'a.first_contact_at', 'a.kind', 'a.grade_then'])
    .where('a.at', '>=', period.from)
    .where('a.at', '<', period.to)
    .where('a.rep_id', 'is not', null)
    .orderBy('a.lead_id');
  return selectAll(
    db,
    qb
      .with(
        (cte) => cte('h').materialized(),
        () => handOvers,
      )
      .selectFrom('h')
      .crossJoin('leads')
      .whereRef('leads.id', '=', 'h.lead_id')
      .where('leads.deleted_at', 'is', null)
      .select([
        'h.lead_id as leadId',
        sql<string>`h.rep_id`.as('repId'),
        sql<Grade | null>`leads.grade`.as('grade'),
        'h.at as assignedAt',
        'h.first_contact_at as firstContactAt',
        'h.kind as kind',
        sql<Grade | null>`h.grade_then`.as('gradeThen'),
        'leads.is_history as isHistory',
        'leads.source as source',
      ]),
  );
}
