// Repository for assignment history: append-only, each row with the explanation of why.
import type { Database } from 'better-sqlite3';
import { execute, qb, selectAll } from './sql';

export type AssignmentKind = 'auto' | 'manual' | 'claim' | 'recycle' | 'import' | 'demo' | 'appeal';

export interface AssignmentRecord {
  readonly id: string;
  readonly leadId: string;
  readonly repId: string | null;
  readonly kind: AssignmentKind;
  readonly ruleId: string | null;
  readonly reason: string;
  readonly explanation: unknown;
  readonly actor: string;
  readonly at: number;
}

export function appendAssignment(db: Database, record: AssignmentRecord): void {
  execute(
    db,
    qb.insertInto('assignments').values({
      id: record.id,
      lead_id: record.leadId,
      rep_id: record.repId,
      kind: record.kind,
      rule_id: record.ruleId,
      reason: record.reason,
      explanation_json: JSON.stringify(record.explanation ?? {}),
      actor: record.actor,
      at: record.at,
    }),
  );
}

export function listAssignmentsForLead(db: Database, leadId: string): AssignmentRecord[] {
  return selectAll(
    db,
    qb.selectFrom('assignments').selectAll().where('lead_id', '=', leadId).orderBy('at').orderBy('id'),
  ).map((row) => ({
    id: row.id,
    leadId: row.lead_id,
    repId: row.rep_id,
    kind: row.kind as AssignmentKind,
    ruleId: row.rule_id,
    reason: row.reason,
    explanation: JSON.parse(row.explanation_json) as unknown,
    actor: row.actor,
    at: row.at,
  }));
}
