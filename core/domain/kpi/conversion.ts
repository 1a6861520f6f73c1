// Conversion: won / arrived and won / closed, per grade, and score calibration (did A leads really convert better?).
import type { Grade } from '../funnel';
import type { SlaGradeKey } from '../sla/sla-policy';
import { SLA_GRADE_KEYS } from '../sla/sla-policy';
import type { Estimate } from './stats';
import { proportionEstimate } from './stats';

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

/** Arrivals of one grade, counted (SQL answers these directly). */
export interface ArrivalCount {
  readonly grade: SlaGradeKey;
  readonly arrived: number;
  readonly won: number;
}

/** Closures of one grade and score band, counted, with the sum of the predictions that existed. */
export interface ClosureCount {
  readonly grade: SlaGradeKey;
  readonly bandFrom: number | null;
  readonly closed: number;
  readonly won: number;
  readonly predictedSum: number;
  readonly predictedCount: number;
}

/** The 20-point band a score falls in (100 belongs to the 80 band); null for unscored. */
export function scoreBandOf(score: number | null): number | null {
  if (score === null) return null;
  return Math.min(80, Math.max(0, Math.floor(score / 20) * 20));
}

export function countArrivals(arrivals: readonly ArrivalFact[]): ArrivalCount[] {
  return SLA_GRADE_KEYS.map((grade) => {
    const mine = arrivals.filter((a) => (a.grade ?? 'ungraded') === grade);
    return { grade, arrived: mine.length, won: mine.filter((a) => a.isWon).length };
  });
}

export function countClosures(closures: readonly ClosureFact[]): ClosureCount[] {
  const cells = new Map<string, ClosureCount>();
  for (const c of closures) {
    const grade = c.grade ?? 'ungraded';
    const bandFrom = scoreBandOf(c.score);
    const key = `${grade}|${bandFrom}`;
    const cell = cells.get(key) ?? { grade, bandFrom, closed: 0, won: 0, predictedSum: 0, predictedCount: 0 };
    cells.set(key, {
      ...cell,
      closed: cell.closed + 1,
      won: cell.won + (c.isWon ? 1 : 0),
      predictedSum: cell.predictedSum + (c.predicted ?? 0),
      predictedCount: cell.predictedCount + (c.predicted === null ? 0 : 1),
    });
  }
  return [...cells.values()];
}

/** Conversion figures from totals: won of the leads that arrived, won of the leads closed. */
export function conversionFigures(
  arrivals: { readonly arrived: number; readonly won: number },
  closures: { readonly closed: number; readonly won: number },
): ConversionFigures {
  return {
    arrived: arrivals.arrived,
    wonOfArrived: proportionEstimate(arrivals.won, arrivals.arrived),
    closed: closures.closed,
    wonOfClosed: proportionEstimate(closures.won, closures.closed),
  };
}

function figuresOf(arrivals: readonly ArrivalCount[], closures: readonly ClosureCount[]): ConversionFigures {
  return conversionFigures(
    {
      arrived: arrivals.reduce((sum, a) => sum + a.arrived, 0),
      won: arrivals.reduce((sum, a) => sum + a.won, 0),
    },
    {
      closed: closures.reduce((sum, c) => sum + c.closed, 0),
      won: closures.reduce((sum, c) => sum + c.won, 0),
    },
  );
}

/**
 * Conversion figures from counts. Invariants: per-grade counts sum to the overall ones; every closure lands in
 * exactly one calibration cell; rates are null (not 0) with an empty sample.
 */
export function conversionFromCounts(
  arrivals: readonly ArrivalCount[],
  closures: readonly ClosureCount[],
): ConversionReport {
  const byGrade = {} as Record<SlaGradeKey, ConversionFigures>;
  const calibration: CalibrationCell[] = [];
  for (const key of SLA_GRADE_KEYS) {
    const gradeClosures = closures.filter((c) => c.grade === key);
    byGrade[key] = figuresOf(
      arrivals.filter((a) => a.grade === key),
      gradeClosures,
    );
    for (const bandFrom of [...SCORE_BANDS, null]) {
      const cells = gradeClosures.filter((c) => c.bandFrom === bandFrom);
      const closed = cells.reduce((sum, c) => sum + c.closed, 0);
      if (closed === 0) continue;
      const predictedCount = cells.reduce((sum, c) => sum + c.predictedCount, 0);
      const predictedSum = cells.reduce((sum, c) => sum + c.predictedSum, 0);
      calibration.push({
        grade: key,
        bandFrom,
        converted: proportionEstimate(
          cells.reduce((sum, c) => sum + c.won, 0),
          closed,
        ),
        predicted: predictedCount === 0 ? null : predictedSum / predictedCount,
        predictedCount,
      });
    }
  }
  return { overall: figuresOf(arrivals, closures), byGrade, calibration };
}

/** Conversion figures over per-lead facts (see conversionFromCounts). */
export function computeConversion(
  arrivals: readonly ArrivalFact[],
  closures: readonly ClosureFact[],
): ConversionReport {
  return conversionFromCounts(countArrivals(arrivals), countClosures(closures));
}
