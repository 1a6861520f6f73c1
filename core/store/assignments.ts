// Repository for assignment history: append-only, each row with the explanation of why.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import { noteClockAssignment } from './clock-facts';
import { decodeExplanation, encodeExplanation } from './explanation-codec';
import { countAssignmentDay } from './rep-loads';
import type { AssignmentsTable } from './schema';
import { getCompiled, qb, runCompiled, selectAll } from './sql';

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

/** Compiled once: distribution appends a row per decided lead, and compiling it each time showed in profiles. */
const INSERT_ASSIGNMENT_SQL = qb
  .insertInto('assignments')
  .values({
    id: '',
    lead_id: '',
    rep_id: null,
    kind: '',
    rule_id: null,
    reason: '',
    explanation_json: '',
    explanation_deflated: null,
    method: null,
    recycle_reason: null,
    actor: '',
    at: 0,
    // Kept facts (migration 0016). Parameters: whether the explanation recorded a grade, that grade, the lead.
    grade_then: sql<
      string | null
    >`CASE WHEN ${0} THEN ${''} ELSE (SELECT l.grade FROM leads AS l WHERE l.id = ${''}) END`,
    // Parameters: the lead, the rep, the hand-over time (a follow-up may predate the row, e.g. a demo's past).
    first_contact_at: sql<number | null>`(SELECT min(f.at) FROM follow_ups AS f
      WHERE f.lead_id = ${''} AND f.rep_id = ${''} AND f.at >= ${0})`,
    // Migration 0024. Parameters: the lead, the rep, the hand-over time (a row of the same time came in before it).
    prev_pair_at: sql<number | null>`(SELECT max(b.at) FROM assignments AS b
      WHERE b.lead_id = ${''} AND b.rep_id = ${''} AND b.at <= ${0})`,
  })
  .compile().sql;

/**
 * A hand-over written out of time order (a demo's or an import's past) comes before the pair's next one, which then
 * follows it: that one's prev_pair_at moves up to it. Parameters: the new time, lead, rep, lead, rep, the new time,
 * the new time. A no-op for the usual hand-over, the pair's latest.
 */
const MOVE_SUCCESSOR_PREVIOUS_SQL = qb
  .updateTable('assignments')
  .set({ prev_pair_at: 0 })
  .where('lead_id', '=', '')
  .where('rep_id', '=', '')
  .where(
    'at',
    '=',
    qb
      .selectFrom('assignments as b')
      .select((eb) => eb.fn.min('b.at').as('next'))
      .where('b.lead_id', '=', '')
      .where('b.rep_id', '=', '')
      .where('b.at', '>', 0),
  )
  .where((eb) => eb.or([eb('prev_pair_at', 'is', null), eb('prev_pair_at', '<', 0)]))
  .compile().sql;

/** Whether the pair has a hand-over after the given time. Parameters: the lead, the rep, the time. */
const HAS_LATER_PAIR_SQL = qb
  .selectFrom('assignments')
  .select(sql<number>`1`.as('later'))
  .where('lead_id', '=', '')
  .where('rep_id', '=', '')
  .where('at', '>', 0)
  .limit(sql.lit(1))
  .compile().sql;

/** The grade an explanation recorded (its own `grade`, even null), as SQLite's json_extract would read it. */
function recordedGradeOf(explanation: unknown): { isRecorded: boolean; grade: string | null } {
  if (typeof explanation !== 'object' || explanation === null || Array.isArray(explanation))
    return { isRecorded: false, grade: null };
  const grade = (explanation as { grade?: unknown }).grade;
  if (grade === undefined) return { isRecorded: false, grade: null };
  return {
    isRecorded: true,
    grade: typeof grade === 'string' || grade === null ? grade : JSON.stringify(grade),
  };
}

/** A string field of the explanation (its `method`, a recycle's `reason`), which SQL reads from its own column. */
function recordedTextOf(explanation: unknown, field: 'method' | 'reason'): string | null {
  if (typeof explanation !== 'object' || explanation === null) return null;
  const value = (explanation as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : null;
}

export function appendAssignment(db: Database, record: AssignmentRecord): void {
  const recorded = recordedGradeOf(record.explanation);
  const stored = encodeExplanation(record.explanation);
  // Same order as the columns of INSERT_ASSIGNMENT_SQL.
  runCompiled(db, INSERT_ASSIGNMENT_SQL, [
    record.id,
    record.leadId,
    record.repId,
    record.kind,
    record.ruleId,
    record.reason,
    stored.json,
    stored.deflated,
    recordedTextOf(record.explanation, 'method'),
    record.kind === 'recycle' ? recordedTextOf(record.explanation, 'reason') : null,
    record.actor,
    record.at,
    recorded.isRecorded ? 1 : 0,
    recorded.grade,
    record.leadId,
    record.leadId,
    record.repId,
    record.at,
    record.leadId,
    record.repId,
    record.at,
  ]);
  if (record.repId !== null) {
    const { leadId, repId, at } = record;
    // Usually the pair's latest: the probe (a few µs) spares the update's write cursors (~25 µs a hand-over).
    if (getCompiled(db, HAS_LATER_PAIR_SQL, [leadId, repId, at]) !== undefined)
      runCompiled(db, MOVE_SUCCESSOR_PREVIOUS_SQL, [at, leadId, repId, leadId, repId, at, at]);
  }
  noteClockAssignment(db, record.leadId, record.repId, record.at);
  countAssignmentDay(db, record.repId, record.at);
}

export function listAssignmentsForLead(db: Database, leadId: string): AssignmentRecord[] {
  return selectAll(
    db,
    qb.selectFrom('assignments').selectAll().where('lead_id', '=', leadId).orderBy('at').orderBy('id'),
  ).map(rowToAssignment);
}

/** An assignment row as the domain reads it (its explanation parsed). */
export function rowToAssignment(
  row: Omit<
    AssignmentsTable,
    'grade_then' | 'first_contact_at' | 'prev_pair_at' | 'method' | 'recycle_reason'
  >,
): AssignmentRecord {
  return {
    id: row.id,
    leadId: row.lead_id,
    repId: row.rep_id,
    kind: row.kind as AssignmentKind,
    ruleId: row.rule_id,
    reason: row.reason,
    explanation: decodeExplanation({ json: row.explanation_json, deflated: row.explanation_deflated }),
    actor: row.actor,
    at: row.at,
  };
}
