// The team's assignment history across all leads: who got which lead, when and how, filtered and paged (newest
// first), with the lead's name, company, source and the grade it had when assigned. Never its contact data.
import type { Database } from 'better-sqlite3';
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Grade } from '../domain/funnel';
import { rowToAssignment, type AssignmentKind, type AssignmentRecord } from './assignments';
import type { Schema } from './schema';
import { qb, selectAll, selectFirst } from './sql';

export interface AssignmentLogFilter {
  /** Epoch ms, [from, to). */
  readonly from: number;
  readonly to: number;
  /** Rows handing a lead to this rep; null: rows sending it to the pool (no rep). */
  readonly repId?: string | null;
  /** The grade the lead had when assigned (as fairness counts it). */
  readonly grade?: Grade;
  readonly kind?: AssignmentKind;
  /** The engine's method (round-robin, weighted, …, affinity) recorded in the explanation. */
  readonly method?: string;
  /** The lead's source, as stored. */
  readonly source?: string;
}

export interface AssignmentLogRow extends AssignmentRecord {
  readonly leadName: string;
  readonly company: string | null;
  readonly source: string | null;
  /** As fairness reads it: the grade recorded with the assignment, else the lead's grade now (older rows). */
  readonly grade: Grade | null;
  readonly method: string | null;
}

type From = Schema & { a: Schema['assignments']; l: Schema['leads'] };

const gradeThen = sql<Grade | null>`CASE WHEN json_type(a.explanation_json, '$.grade') IS NULL THEN l.grade
    ELSE json_extract(a.explanation_json, '$.grade') END`;
const methodOf = sql<string | null>`json_extract(a.explanation_json, '$.method')`;

function filtered<O>(
  query: SelectQueryBuilder<From, 'a' | 'l', O>,
  filter: AssignmentLogFilter,
): SelectQueryBuilder<From, 'a' | 'l', O> {
  let q = query
    .where('a.at', '>=', filter.from)
    .where('a.at', '<', filter.to)
    .where('l.deleted_at', 'is', null);
  if (filter.repId !== undefined)
    q = filter.repId === null ? q.where('a.rep_id', 'is', null) : q.where('a.rep_id', '=', filter.repId);
  if (filter.kind !== undefined) q = q.where('a.kind', '=', filter.kind);
  if (filter.source !== undefined) q = q.where('l.source', '=', filter.source);
  if (filter.grade !== undefined) q = q.where(() => sql<boolean>`${gradeThen} = ${filter.grade}`);
  if (filter.method !== undefined) q = q.where(() => sql<boolean>`${methodOf} = ${filter.method}`);
  return q;
}

function base() {
  return qb.selectFrom('assignments as a').innerJoin('leads as l', 'l.id', 'a.lead_id');
}

/** One page of the filtered rows, newest first (ties by id, so pages never overlap), and how many match in all. */
export function listAssignmentLog(
  db: Database,
  filter: AssignmentLogFilter,
  page: { readonly offset: number; readonly limit: number },
): { readonly total: number; readonly rows: AssignmentLogRow[] } {
  const total =
    selectFirst(
      db,
      filtered(
        base().select((eb: ExpressionBuilder<From, 'a' | 'l'>) => eb.fn.countAll<number>().as('n')),
        filter,
      ),
    )?.n ?? 0;
  if (total === 0 || page.offset >= total) return { total, rows: [] };
  const rows = selectAll(
    db,
    filtered(
      base().select([
        'a.id',
        'a.lead_id',
        'a.rep_id',
        'a.kind',
        'a.rule_id',
        'a.reason',
        'a.explanation_json',
        'a.actor',
        'a.at',
        'l.name as lead_name',
        'l.company as lead_company',
        'l.source as lead_source',
        gradeThen.as('grade_then'),
        methodOf.as('method'),
      ]),
      filter,
    )
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(page.limit)
      .offset(page.offset),
  );
  return {
    total,
    rows: rows.map((row) => ({
      ...rowToAssignment(row),
      leadName: row.lead_name,
      company: row.lead_company,
      source: row.lead_source,
      grade: row.grade_then,
      method: typeof row.method === 'string' ? row.method : null,
    })),
  };
}

/** The lead sources among the period's assignments (for the source filter), sorted. */
export function listAssignmentLogSources(db: Database, from: number, to: number): string[] {
  return selectAll(
    db,
    filtered(base().select('l.source').distinct(), { from, to }).where('l.source', 'is not', null),
  )
    .map((row) => row.source)
    .filter((source): source is string => source !== null && source !== '')
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
