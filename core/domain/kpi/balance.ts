// Distribution balance with honest samples: workload σ and Gini per grade and new reps' share against the floor,
// each with its sample size and a 95% interval, and no alarm when the sample is too small to support one.
import type { Rng } from '../clock';
import { computeGini, computeStdDev } from '../distribution/fairness';
import type { Grade } from '../funnel';
import type { SlaGradeKey } from '../sla/sla-policy';
import { SLA_GRADE_KEYS } from '../sla/sla-policy';
import type { Estimate } from './stats';
import { bootstrapEstimate, proportionEstimate } from './stats';

export interface BalanceRep {
  readonly id: string;
  readonly isNew: boolean;
}

export interface BalanceAssignment {
  readonly repId: string;
  readonly grade: Grade | null;
}

export interface BalanceOptions {
  /** Below this many leads in a group, the verdict is "too few to judge" [20]. */
  readonly minSample: number;
  /** A group is uneven when even the interval's low end of its Gini exceeds this [0.4]. */
  readonly giniAlarm: number;
  /** New reps are promised this fraction of an equal share of A/B leads [0.5]. */
  readonly newRepFloorFraction: number;
}

export const DEFAULT_BALANCE_OPTIONS: BalanceOptions = {
  minSample: 20,
  giniAlarm: 0.4,
  newRepFloorFraction: 0.5,
};

/** 'too_few': the sample cannot support a verdict, so none is given. */
export type BalanceVerdict = 'too_few' | 'even' | 'uneven';

export type BalanceGroup = SlaGradeKey | 'all' | 'ab';

export interface GroupBalance {
  readonly group: BalanceGroup;
  /** Leads in the group (the sample); the σ and Gini are over reps. */
  readonly leads: number;
  readonly reps: number;
  /** Population σ of leads per rep. */
  readonly stdDev: Estimate;
  /** Gini of leads per rep: 0 = equal, → 1 = one rep got all. */
  readonly gini: Estimate;
  readonly verdict: BalanceVerdict;
}

export type NewRepVerdict = 'too_few' | 'at_or_above_floor' | 'below_floor' | 'no_new_reps';

export interface NewRepShare {
  readonly newReps: number;
  /** Share of A/B leads that went to new reps, n = A/B leads. */
  readonly share: Estimate;
  /** newRepFloorFraction × newReps / reps: the share the promise implies. */
  readonly floor: number;
  readonly verdict: NewRepVerdict;
}

export interface BalanceReport {
  readonly groups: readonly GroupBalance[];
  readonly newReps: NewRepShare;
}

const GROUPS: readonly BalanceGroup[] = ['all', 'ab', ...SLA_GRADE_KEYS];

function isInGroup(grade: Grade | null, group: BalanceGroup): boolean {
  if (group === 'all') return true;
  if (group === 'ab') return grade === 'A' || grade === 'B';
  return (grade ?? 'ungraded') === group;
}

function countsPerRep(sample: readonly number[], repCount: number): number[] {
  const counts = new Array<number>(repCount).fill(0);
  for (const index of sample) counts[index] = (counts[index] ?? 0) + 1;
  return counts;
}

/**
 * Balance over the given reps (reps who got nothing count as zero; assignments to other reps are ignored).
 * Intervals come from a percentile bootstrap over the group's leads with `rng`; inputs are sorted by rep id
 * first, so caller order never changes a figure. Invariant: verdict is 'too_few' whenever leads < minSample.
 */
export function computeBalance(
  reps: readonly BalanceRep[],
  assignments: readonly BalanceAssignment[],
  rng: Rng,
  options: BalanceOptions = DEFAULT_BALANCE_OPTIONS,
): BalanceReport {
  const sortedReps = [...reps].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const indexOf = new Map(sortedReps.map((rep, i) => [rep.id, i]));
  const known = assignments
    .flatMap((a) => {
      const index = indexOf.get(a.repId);
      return index === undefined ? [] : [{ index, grade: a.grade }];
    })
    .sort((a, b) => a.index - b.index || (a.grade ?? 'Z').localeCompare(b.grade ?? 'Z'));
  const repCount = sortedReps.length;

  const groups = GROUPS.map((group): GroupBalance => {
    const sample = known.filter((a) => isInGroup(a.grade, group)).map((a) => a.index);
    const stdDev = bootstrapEstimate(sample, (s) => computeStdDev(countsPerRep(s, repCount)), rng);
    const gini = bootstrapEstimate(sample, (s) => computeGini(countsPerRep(s, repCount)), rng);
    const isTooFew = sample.length < options.minSample || repCount < 2;
    const verdict: BalanceVerdict = isTooFew
      ? 'too_few'
      : (gini.low ?? 0) > options.giniAlarm
        ? 'uneven'
        : 'even';
    return { group, leads: sample.length, reps: repCount, stdDev, gini, verdict };
  });

  const newCount = sortedReps.filter((rep) => rep.isNew).length;
  const ab = known.filter((a) => isInGroup(a.grade, 'ab'));
  const toNew = ab.filter((a) => sortedReps[a.index]?.isNew === true).length;
  const share = proportionEstimate(toNew, ab.length);
  const floor = repCount === 0 ? 0 : (options.newRepFloorFraction * newCount) / repCount;
  const verdict: NewRepVerdict =
    newCount === 0
      ? 'no_new_reps'
      : ab.length < options.minSample
        ? 'too_few'
        : (share.high ?? 0) < floor
          ? 'below_floor'
          : 'at_or_above_floor';
  return { groups, newReps: { newReps: newCount, share, floor, verdict } };
}
