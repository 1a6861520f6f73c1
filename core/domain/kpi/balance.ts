// Distribution balance with honest samples: workload σ and Gini per grade and new reps' share against the floor,
// each with its sample size and a 95% interval, and no alarm when the sample is too small to support one. The
// figures are the distribution page's (computePeriodFairness: leads given by distribution, at their grade then, fair
// shares owed day by day); this adds the intervals and the verdicts.
import type { Rng } from '../clock';
import type { FairnessFigures } from '../distribution/fairness';
import { computeStdDev } from '../distribution/fairness';
import type { Grade } from '../funnel';
import type { SlaGradeKey } from '../sla/sla-policy';
import { SLA_GRADE_KEYS } from '../sla/sla-policy';
import type { Estimate } from './stats';
import { bootstrapCountsEstimates, proportionEstimate } from './stats';

export interface BalanceRep {
  readonly id: string;
  readonly isNew: boolean;
  /**
   * Days the rep could receive leads in the period. Given for every rep, the figures are per available day as
   * computeFairness counts them: σ of (leads − fair share), Gini of leads per day, reps with no day left out.
   */
  readonly availableDays?: number | undefined;
  /**
   * With available days: the leads owed to the rep per grade, day by day (computeFairness's owedByGrade). Given for
   * every rep, σ measures leads less these fair shares, as the distribution page and the ledger count them.
   */
  readonly owed?: Readonly<Record<SlaGradeKey, number>> | undefined;
}

/** How many leads of a grade one rep received in the period (SQL counts them). */
export interface BalanceCount {
  readonly repId: string;
  readonly grade: Grade | null;
  readonly count: number;
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

/**
 * below_floor: the whole interval is under the floor (an alarm); below_floor_by_chance: the share is under it but
 * its interval reaches it, so chance alone could give it (no alarm, but never worded as "not below").
 */
export type NewRepVerdict =
  'too_few' | 'at_or_above_floor' | 'below_floor_by_chance' | 'below_floor' | 'no_new_reps';

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

/**
 * The two statistics the bootstrap evaluates thousands of times, over leads per counted rep: σ of leads (less each
 * rep's fair share, with `totalDays`) and Gini of leads (per available day, with `totalDays`). The same arithmetic
 * in the same order as computeStdDev and computeGini over the mapped values, in reused typed buffers instead of
 * two new arrays and a comparator sort per call.
 */
export function balanceStatistics(
  countedDays: readonly number[],
  totalDays: number | null,
  /** Each counted rep's weight in the fair split for σ (owed leads); countedDays without. */
  shareWeights: readonly number[] = countedDays,
): { stdDevOf: (values: readonly number[]) => number; giniOf: (values: readonly number[]) => number } {
  let buffer = new Float64Array(countedDays.length);
  const scratch = (n: number): Float64Array => {
    if (buffer.length < n) buffer = new Float64Array(n);
    return buffer;
  };
  const weightTotal = shareWeights.reduce((a, b) => a + b, 0);
  const stdDevOf = (values: readonly number[]): number => {
    const n = values.length;
    if (n === 0) return 0;
    if (totalDays === null) return computeStdDev(values);
    let sum = 0;
    for (let k = 0; k < n; k += 1) sum += values[k] ?? 0;
    const mapped = scratch(n);
    let mappedSum = 0;
    for (let k = 0; k < n; k += 1) {
      const v = (values[k] ?? 0) - (weightTotal > 0 ? (sum * (shareWeights[k] ?? 0)) / weightTotal : 0);
      mapped[k] = v;
      mappedSum += v;
    }
    const mean = mappedSum / n;
    let variance = 0;
    for (let k = 0; k < n; k += 1) {
      const d = (mapped[k] ?? 0) - mean;
      variance += d * d;
    }
    return Math.sqrt(variance / n);
  };
  const giniOf = (values: readonly number[]): number => {
    const n = values.length;
    const mapped = scratch(n);
    let total = 0;
    for (let k = 0; k < n; k += 1) {
      const v = totalDays === null ? (values[k] ?? 0) : (values[k] ?? 0) / (countedDays[k] ?? 1);
      mapped[k] = v;
      total += v;
    }
    if (n === 0 || total === 0) return 0;
    // Ascending, numerically: the order computeGini's comparator sort gives (equal values are interchangeable).
    const sorted = mapped.subarray(0, n).sort();
    let weighted = 0;
    for (let i = 0; i < n; i += 1) weighted += (i + 1) * (sorted[i] ?? 0);
    return (2 * weighted) / (n * total) - (n + 1) / n;
  };
  return { stdDevOf, giniOf };
}

function isInGroup(grade: Grade | null, group: BalanceGroup): boolean {
  if (group === 'all') return true;
  if (group === 'ab') return grade === 'A' || grade === 'B';
  return (grade ?? 'ungraded') === group;
}

/** The reps and groups computeBalance judges: who counts (with their days) and each group's leads per rep. */
interface BalanceSamples {
  readonly sortedReps: readonly BalanceRep[];
  /** Indexes into sortedReps of the reps that count against the spread. */
  readonly counted: readonly number[];
  readonly countedDays: readonly number[];
  readonly isAdjusted: boolean;
  readonly totalDays: number;
  readonly perGroup: ReadonlyMap<BalanceGroup, readonly number[]>;
  /** Each counted rep's weight in a group's fair split: the leads of the group owed to them, else their days. */
  readonly weightsOf: (group: BalanceGroup) => readonly number[];
}

function balanceSamples(reps: readonly BalanceRep[], counts: readonly BalanceCount[]): BalanceSamples {
  const sortedReps = [...reps].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const indexOf = new Map(sortedReps.map((rep, i) => [rep.id, i]));
  const days = sortedReps.map((rep) => Math.max(0, rep.availableDays ?? 0));
  const totalDays = days.reduce((a, b) => a + b, 0);
  const isAdjusted =
    sortedReps.length > 0 && sortedReps.every((r) => r.availableDays !== undefined) && totalDays > 0;
  // Reps with no available day could not receive anything: they do not count against the spread.
  const counted = sortedReps.flatMap((_, i) => (!isAdjusted || (days[i] ?? 0) > 0 ? [i] : []));
  const perGroup = new Map<BalanceGroup, number[]>(
    GROUPS.map((g) => [g, new Array<number>(sortedReps.length).fill(0)]),
  );
  for (const entry of counts) {
    const index = indexOf.get(entry.repId);
    if (index === undefined || !(entry.count > 0)) continue;
    for (const group of GROUPS) {
      const row = perGroup.get(group);
      if (row !== undefined && isInGroup(entry.grade, group)) row[index] = (row[index] ?? 0) + entry.count;
    }
  }
  const countedDays = counted.map((i) => days[i] ?? 0);
  const hasOwed = isAdjusted && sortedReps.every((r) => r.owed !== undefined);
  const weightsOf = (group: BalanceGroup): readonly number[] =>
    hasOwed
      ? counted.map((i) => {
          const owed = sortedReps[i]?.owed;
          if (owed === undefined) return 0;
          return SLA_GRADE_KEYS.reduce(
            (sum, key) => sum + (isInGroup(key === 'ungraded' ? null : key, group) ? owed[key] : 0),
            0,
          );
        })
      : countedDays;
  return { sortedReps, counted, countedDays, isAdjusted, totalDays, perGroup, weightsOf };
}

/** One group's leads per counted rep and the two statistics over them (balanceStatistics). */
function groupSample(samples: BalanceSamples, group: BalanceGroup) {
  const { counted, countedDays, isAdjusted, totalDays } = samples;
  const all = samples.perGroup.get(group) ?? [];
  const perRep = counted.map((i) => all[i] ?? 0);
  return {
    perRep,
    leads: perRep.reduce((a, b) => a + b, 0),
    statistics: balanceStatistics(countedDays, isAdjusted ? totalDays : null, samples.weightsOf(group)),
  };
}

/**
 * Balance over the given reps (reps who got nothing count as zero; assignments to other reps are ignored).
 * Intervals come from a percentile bootstrap over the group's leads with `rng` (multinomial resampling of the
 * per-rep counts); reps are sorted by id first, so caller order never changes a figure. Invariants: verdict is
 * 'too_few' whenever leads < minSample; with available days, each value equals computeFairness's for the group.
 */
export function computeBalance(
  reps: readonly BalanceRep[],
  counts: readonly BalanceCount[],
  rng: Rng,
  options: BalanceOptions = DEFAULT_BALANCE_OPTIONS,
): BalanceReport {
  const samples = balanceSamples(reps, counts);
  const { sortedReps, counted, isAdjusted, perGroup, weightsOf } = samples;
  const repCount = counted.length;

  const groups = GROUPS.map((group): GroupBalance => {
    const { perRep, leads, statistics } = groupSample(samples, group);
    const [stdDev, gini] = bootstrapCountsEstimates(
      perRep,
      [statistics.stdDevOf, statistics.giniOf],
      rng,
    ) as [Estimate, Estimate];
    const isTooFew = leads < options.minSample || repCount < 2;
    const verdict: BalanceVerdict = isTooFew
      ? 'too_few'
      : (gini.low ?? 0) > options.giniAlarm
        ? 'uneven'
        : 'even';
    return { group, leads, reps: repCount, stdDev, gini, verdict };
  });

  const newCount = sortedReps.filter((rep) => rep.isNew).length;
  const ab = perGroup.get('ab') ?? [];
  const abTotal = ab.reduce((a, b) => a + b, 0);
  const toNew = ab.reduce((sum, n, i) => sum + (sortedReps[i]?.isNew === true ? n : 0), 0);
  const share = proportionEstimate(toNew, abTotal);
  // The promise is a fraction of an equal share: of reps, or (with availability) of the A/B leads owed to new reps
  // (else of the days they could work).
  const abWeights = weightsOf('ab');
  const abWeightTotal = abWeights.reduce((a, b) => a + b, 0);
  const newPart = isAdjusted
    ? abWeightTotal > 0
      ? counted.reduce((sum, i, k) => sum + (sortedReps[i]?.isNew === true ? (abWeights[k] ?? 0) : 0), 0) /
        abWeightTotal
      : 0
    : repCount === 0
      ? 0
      : counted.filter((i) => sortedReps[i]?.isNew === true).length / repCount;
  const floor = options.newRepFloorFraction * newPart;
  const verdict: NewRepVerdict =
    newCount === 0
      ? 'no_new_reps'
      : abTotal < options.minSample
        ? 'too_few'
        : (share.high ?? 0) < floor
          ? 'below_floor'
          : (share.value ?? 0) < floor
            ? 'below_floor_by_chance'
            : 'at_or_above_floor';
  return { groups, newReps: { newReps: newCount, share, floor, verdict } };
}

type FairnessOfBalance = Pick<FairnessFigures, 'perRep' | 'newRepIds' | 'availabilityAdjusted'>;

/** The reps (of those `isIncluded`) and their counts per grade in fairness figures, as computeBalance takes them. */
function balanceInputsOf(
  fairness: FairnessOfBalance,
  isIncluded: (repId: string) => boolean,
): { reps: BalanceRep[]; counts: BalanceCount[] } {
  const newIds = new Set<string>(fairness.newRepIds);
  const reps: BalanceRep[] = [];
  const counts: BalanceCount[] = [];
  for (const [repId, row] of Object.entries(fairness.perRep)) {
    if (!isIncluded(repId)) continue;
    reps.push({
      id: repId,
      isNew: newIds.has(repId),
      availableDays: fairness.availabilityAdjusted ? (row.availableDays ?? 0) : undefined,
      owed: fairness.availabilityAdjusted ? row.owedByGrade : undefined,
    });
    for (const grade of ['A', 'B', 'C', 'D'] as const)
      counts.push({ repId, grade, count: row.byGrade[grade] });
    counts.push({ repId, grade: null, count: row.byGrade.ungraded });
  }
  return { reps, counts };
}

/**
 * Balance of the distribution page's fairness figures (computePeriodFairness), optionally for some of its reps
 * (a tier): the same received counts, grades, available days and owed leads, so both pages say the same σ and
 * Gini.
 */
export function balanceFromFairness(
  fairness: FairnessOfBalance,
  rng: Rng,
  options: BalanceOptions = DEFAULT_BALANCE_OPTIONS,
  isIncluded: (repId: string) => boolean = () => true,
): BalanceReport {
  const { reps, counts } = balanceInputsOf(fairness, isIncluded);
  return computeBalance(reps, counts, rng, options);
}

/** A group's figures without intervals: what balanceFromFairness gives as each estimate's value. */
export interface GroupBalancePoint {
  readonly group: BalanceGroup;
  readonly leads: number;
  /** Null without leads. */
  readonly stdDev: number | null;
  readonly gini: number | null;
  /** Fewer than minSample leads, or fewer than two reps counted: the verdict would be "too few to judge". */
  readonly isTooFew: boolean;
}

/**
 * Each group's σ and Gini (every group's unless `groups` says which) in fairness figures without the bootstrap: for
 * a period only compared with (the one before) or a point of a trend, each the value balanceFromFairness gives for
 * the same figures.
 */
export function balancePointsOf(
  fairness: FairnessOfBalance,
  options: Pick<BalanceOptions, 'minSample'> = DEFAULT_BALANCE_OPTIONS,
  isIncluded: (repId: string) => boolean = () => true,
  groups: readonly BalanceGroup[] = GROUPS,
): GroupBalancePoint[] {
  const { reps, counts } = balanceInputsOf(fairness, isIncluded);
  const samples = balanceSamples(reps, counts);
  return groups.map((group) => {
    const { perRep, leads, statistics } = groupSample(samples, group);
    return {
      group,
      leads,
      stdDev: leads === 0 ? null : statistics.stdDevOf(perRep),
      gini: leads === 0 ? null : statistics.giniOf(perRep),
      isTooFew: leads < options.minSample || samples.counted.length < 2,
    };
  });
}
