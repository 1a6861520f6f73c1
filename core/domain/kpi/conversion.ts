// Conversion: won / arrived and won / closed, per grade, and score calibration (did A leads really convert better?).
import type { Grade } from '../funnel';
import type { SlaGradeKey } from '../sla/sla-policy';
import { SLA_GRADE_KEYS } from '../sla/sla-policy';
import type { Estimate } from './stats';
import { meanOf, proportionEstimate } from './stats';

/** A lead that arrived in the period, with whether it has been won by now. */
export interface ArrivalFact {
  readonly grade: Grade | null;
  readonly isWon: boolean;
}

/** A lead closed in the period: its grade and score when closed, and the learned model's probability if any. */
export interface ClosureFact {
  readonly grade: Grade | null;
  /** 0–100; null when never scored. */
  readonly score: number | null;
  readonly isWon: boolean;
  /** The learned model's predicted probability of winning (0–1); null where no model was available. */
  readonly predicted: number | null;
}

export interface ConversionFigures {
  readonly arrived: number;
  /** Won among the leads that arrived in the period. */
  readonly wonOfArrived: Estimate;
  readonly closed: number;
  /** Won among the leads closed in the period (won + lost). */
  readonly wonOfClosed: Estimate;
}

/** Score bands of 20 points; the last includes 100. */
export const SCORE_BANDS = [0, 20, 40, 60, 80] as const;

export interface CalibrationCell {
  readonly grade: SlaGradeKey;
  /** Lower bound of the 20-point band; null for unscored leads. */
  readonly bandFrom: number | null;
  /** Share of the band's closed leads that were won, with its sample and interval. */
  readonly converted: Estimate;
  /** Mean predicted probability over the cell's leads that had one; null when none had. */
  readonly predicted: number | null;
  readonly predictedCount: number;
}

export interface ConversionReport {
  readonly overall: ConversionFigures;
  readonly byGrade: Readonly<Record<SlaGradeKey, ConversionFigures>>;
  /** Non-empty cells only, by grade (A first) then band. */
  readonly calibration: readonly CalibrationCell[];
}

function bandOf(score: number | null): number | null {
  if (score === null) return null;
  return Math.min(80, Math.max(0, Math.floor(score / 20) * 20));
}

function figuresOf(arrivals: readonly ArrivalFact[], closures: readonly ClosureFact[]): ConversionFigures {
  const wonArrived = arrivals.filter((a) => a.isWon).length;
  const wonClosed = closures.filter((c) => c.isWon).length;
  return {
    arrived: arrivals.length,
    wonOfArrived: proportionEstimate(wonArrived, arrivals.length),
    closed: closures.length,
    wonOfClosed: proportionEstimate(wonClosed, closures.length),
  };
}

/**
 * Conversion figures. Invariants: per-grade counts sum to the overall ones; every closure lands in exactly one
 * calibration cell; rates are null (not 0) with an empty sample.
 */
export function computeConversion(
  arrivals: readonly ArrivalFact[],
  closures: readonly ClosureFact[],
): ConversionReport {
  const byGrade = {} as Record<SlaGradeKey, ConversionFigures>;
  const calibration: CalibrationCell[] = [];
  for (const key of SLA_GRADE_KEYS) {
    const gradeClosures = closures.filter((c) => (c.grade ?? 'ungraded') === key);
    byGrade[key] = figuresOf(
      arrivals.filter((a) => (a.grade ?? 'ungraded') === key),
      gradeClosures,
    );
    for (const bandFrom of [...SCORE_BANDS, null]) {
      const cell = gradeClosures.filter((c) => bandOf(c.score) === bandFrom);
      if (cell.length === 0) continue;
      const predictions = cell.flatMap((c) => (c.predicted === null ? [] : [c.predicted]));
      calibration.push({
        grade: key,
        bandFrom,
        converted: proportionEstimate(cell.filter((c) => c.isWon).length, cell.length),
        predicted: meanOf(predictions),
        predictedCount: predictions.length,
      });
    }
  }
  return { overall: figuresOf(arrivals, closures), byGrade, calibration };
}
