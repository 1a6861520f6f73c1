// What a model change would do before it is saved: grade counts before/after and which leads move.
import type { Grade } from '../funnel';
import { GRADES } from '../funnel';
import type { Lead } from '../lead';
import type { LeadId } from '../ids';
import { compileScoringModel } from './engine';
import type { ScoringModel } from './model';

export type GradeHistogram = Record<Grade, number>;

export interface GradeChange {
  readonly leadId: LeadId;
  readonly scoreBefore: number;
  readonly scoreAfter: number;
  readonly gradeBefore: Grade;
  readonly gradeAfter: Grade;
}

export interface ModelChangePreview {
  readonly total: number;
  readonly before: GradeHistogram;
  readonly after: GradeHistogram;
  /** moves[from][to]: leads going from grade `from` to grade `to` (diagonal = unchanged). */
  readonly moves: Record<Grade, GradeHistogram>;
  /** Leads whose grade changes. */
  readonly changedCount: number;
  /** Up to `sampleSize` changed leads: largest score change first, then by lead id. */
  readonly sample: readonly GradeChange[];
}

const emptyHistogram = (): GradeHistogram => ({ A: 0, B: 0, C: 0, D: 0 });

/**
 * Scores every lead under both models. Deterministic: the sample does not depend on input order.
 * Invariants: Σ before === Σ after === leads.length; changedCount === Σ off-diagonal moves.
 */
export function previewModelChange(
  leads: readonly Lead[],
  oldModel: ScoringModel,
  newModel: ScoringModel,
  now: number,
  options: { readonly sampleSize?: number } = {},
): ModelChangePreview {
  const sampleSize = Math.max(0, Math.floor(options.sampleSize ?? 20));
  const scoreOld = compileScoringModel(oldModel);
  const scoreNew = compileScoringModel(newModel);
  const before = emptyHistogram();
  const after = emptyHistogram();
  const moves = Object.fromEntries(GRADES.map((g) => [g, emptyHistogram()])) as Record<Grade, GradeHistogram>;
  const changed: GradeChange[] = [];
  for (const lead of leads) {
    const a = scoreOld(lead, now);
    const b = scoreNew(lead, now);
    before[a.grade] += 1;
    after[b.grade] += 1;
    moves[a.grade][b.grade] += 1;
    if (a.grade !== b.grade) {
      changed.push({
        leadId: lead.id,
        scoreBefore: a.score,
        scoreAfter: b.score,
        gradeBefore: a.grade,
        gradeAfter: b.grade,
      });
    }
  }
  changed.sort((x, y) => {
    const dx = Math.abs(x.scoreAfter - x.scoreBefore);
    const dy = Math.abs(y.scoreAfter - y.scoreBefore);
    if (dx !== dy) return dy - dx;
    return x.leadId < y.leadId ? -1 : x.leadId > y.leadId ? 1 : 0;
  });
  return {
    total: leads.length,
    before,
    after,
    moves,
    changedCount: changed.length,
    sample: changed.slice(0, sampleSize),
  };
}
