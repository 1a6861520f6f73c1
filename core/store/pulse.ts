// Repository for the satisfaction pulse: one answer per rep and month; reads never name an unsigned answer's rep.
import type { Database } from 'better-sqlite3';
import { execute, qb, selectAll, selectFirst } from './sql';

export interface PulseAnswerInput {
  readonly id: string;
  readonly month: string;
  readonly repId: string;
  readonly score: number;
  readonly comment: string | null;
  readonly isSigned: boolean;
  readonly at: number;
}

/** Saves the rep's answer for the month, replacing an earlier one of the same month. */
export function upsertPulseAnswer(db: Database, answer: PulseAnswerInput): void {
  execute(
    db,
    qb
      .insertInto('pulse_answers')
      .values({
        id: answer.id,
        month: answer.month,
        rep_id: answer.repId,
        score: answer.score,
        comment: answer.comment,
        is_signed: answer.isSigned ? 1 : 0,
        answered_at: answer.at,
      })
      .onConflict((oc) =>
        oc.columns(['month', 'rep_id']).doUpdateSet((eb) => ({
          score: eb.ref('excluded.score'),
          comment: eb.ref('excluded.comment'),
          is_signed: eb.ref('excluded.is_signed'),
          answered_at: eb.ref('excluded.answered_at'),
        })),
      ),
  );
}

/** The rep's own answer for a month, if any. */
export function findPulseAnswer(
  db: Database,
  month: string,
  repId: string,
): { score: number; comment: string | null; isSigned: boolean } | undefined {
  const row = selectFirst(
    db,
    qb
      .selectFrom('pulse_answers')
      .select(['score', 'comment', 'is_signed'])
      .where('month', '=', month)
      .where('rep_id', '=', repId),
  );
  return row && { score: row.score, comment: row.comment, isSigned: row.is_signed === 1 };
}

/** Scores of the months in [fromMonth, toMonth], without who gave them. */
export function listPulseScores(
  db: Database,
  fromMonth: string,
  toMonth: string,
): { month: string; score: number }[] {
  return selectAll(
    db,
    qb
      .selectFrom('pulse_answers')
      .select(['month', 'score'])
      .where('month', '>=', fromMonth)
      .where('month', '<=', toMonth)
      .orderBy('month')
      .orderBy('score'),
  );
}

/** A month's comments, newest first; the rep's id only where the rep signed. */
export function listPulseComments(
  db: Database,
  month: string,
): { score: number; comment: string; repId: string | null }[] {
  return selectAll(
    db,
    qb
      .selectFrom('pulse_answers')
      .select(['score', 'comment', 'is_signed', 'rep_id'])
      .where('month', '=', month)
      .where('comment', 'is not', null)
      .orderBy('answered_at', 'desc')
      .orderBy('id'),
  ).map((row) => ({
    score: row.score,
    comment: row.comment ?? '',
    repId: row.is_signed === 1 ? row.rep_id : null,
  }));
}
