// What a replay measures (per rep, fairness, expected conversions, the difference from what happened) and the
// comparison of two replays of the same leads.
import type { DistributionState } from './types';
import { emptyGradeCounts } from './fairness';
import type { FairnessFigures, GradeKey } from './fairness';

export interface ReplayRepFigures {
  readonly total: number;
  readonly byGrade: Readonly<Record<GradeKey, number>>;
  readonly expectedConversions: number;
}

export interface ReplayComparisonToActual {
  /** Leads with an actual assignment that the replay gave to someone else (or the pool). */
  readonly changed: number;
  readonly compared: number;
  /** Replayed minus actual leads per rep. */
  readonly perRepDelta: Readonly<Record<string, number>>;
  readonly actualExpectedConversions: number;
  /** Replayed minus actual. */
  readonly expectedConversionsDelta: number;
  readonly actualWorkloadStdDev: number;
  readonly workloadStdDevDelta: number;
}

export interface ReplayResult {
  readonly processed: number;
  readonly total: number;
  readonly cancelled: boolean;
  readonly perRep: Readonly<Record<string, ReplayRepFigures>>;
  readonly pooled: number;
  readonly manual: number;
  /** Replayed recycles that took a lead from its replayed owner, and how many of those went to another rep (counted apart from perRep). */
  readonly recycled: number;
  readonly redistributed: number;
  readonly workloadStdDev: number;
  readonly newRepShare: number;
  /** Σ probability × fit over replayed assignments. */
  readonly expectedConversions: number;
  readonly fairness: FairnessFigures;
  readonly vsActual: ReplayComparisonToActual | null;
  readonly finalState: DistributionState;
}

interface ReplayComparison {
  /** b minus a throughout. */
  readonly expectedConversionsDelta: number;
  readonly workloadStdDevDelta: number;
  readonly newRepShareDelta: number;
  readonly abGiniDelta: number;
  readonly pooledDelta: number;
  readonly perRepDelta: Readonly<
    Record<string, { readonly total: number; readonly byGrade: Readonly<Record<GradeKey, number>> }>
  >;
}

/** Differences between two replays of the same leads (b − a), e.g. current rules vs. a proposed rule set. */
export function compareReplays(a: ReplayResult, b: ReplayResult): ReplayComparison {
  const ids = [...new Set([...Object.keys(a.perRep), ...Object.keys(b.perRep)])].sort();
  const perRepDelta: Record<string, { total: number; byGrade: Record<GradeKey, number> }> = {};
  for (const id of ids) {
    const ra = a.perRep[id];
    const rb = b.perRep[id];
    const byGrade = emptyGradeCounts();
    for (const key of Object.keys(byGrade) as GradeKey[])
      byGrade[key] = (rb?.byGrade[key] ?? 0) - (ra?.byGrade[key] ?? 0);
    perRepDelta[id] = { total: (rb?.total ?? 0) - (ra?.total ?? 0), byGrade };
  }
  return {
    expectedConversionsDelta: b.expectedConversions - a.expectedConversions,
    workloadStdDevDelta: b.workloadStdDev - a.workloadStdDev,
    newRepShareDelta: b.newRepShare - a.newRepShare,
    abGiniDelta: b.fairness.abGini - a.fairness.abGini,
    pooledDelta: b.pooled - a.pooled,
    perRepDelta,
  };
}
