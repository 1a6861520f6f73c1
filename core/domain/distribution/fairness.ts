// Fairness figures for replays and the dashboard: workload spread, Gini of good leads, shares, new reps' share.
import { DAY_MS } from '../clock';
import { GRADES } from '../funnel';
import type { Grade } from '../funnel';
import type { RepId } from '../ids';
import type { Rep } from '../rep';

export type GradeKey = Grade | 'ungraded';

interface RepLeadCounts {
  readonly total: number;
  readonly byGrade: Readonly<Record<GradeKey, number>>;
  /** With availability: days the rep could receive leads in the period. */
  readonly availableDays?: number;
  /**
   * With availability: the rep's fair share of the leads — with owed leads, what the days they were there owe them
   * (each day's leads split among the reps there); else the leads in proportion to their available days.
   */
  readonly fairShare?: number;
  /** With owed leads: the fair share per grade (summing to fairShare). */
  readonly owedByGrade?: Readonly<Record<GradeKey, number>>;
  /** With availability: total ÷ fairShare (1 = served fairly; null when the rep had no available day). */
  readonly ratio?: number | null;
}

interface FairnessInput {
  /** The reps the figures are about (usually the active team); leads of other reps are ignored. */
  readonly reps: readonly Pick<Rep, 'id' | 'joinedOn'>[];
  /** One entry per lead a rep received in the period, or per `count` such leads (1 when absent). */
  readonly assignments: readonly {
    readonly repId: RepId;
    readonly grade: Grade | null;
    readonly count?: number;
  }[];
  /** Epoch ms; a rep is new when joinedOn is at most `newRepDays` days before it. */
  readonly now: number;
  readonly newRepDays?: number;
  /**
   * Days each rep was available in the period (leave and start dates taken out). Given, the spread, Gini and ratios
   * are per available day: a rep away half the month with half the leads reads as fair.
   */
  readonly availableDays?: Readonly<Record<string, number>>;
  /**
   * With availableDays: the leads each rep was owed, day by day (owed-leads.ts). Given, fair shares (σ, ratios)
   * follow them, so a rep away on busy days is owed less than one away on quiet ones, as the ledger says.
   */
  readonly owed?: ReadonlyMap<string, Readonly<Record<GradeKey, number>>>;
}

const GRADE_KEYS: readonly GradeKey[] = [...GRADES, 'ungraded'];

function sumOf(record: Readonly<Record<GradeKey, number>>, keys: readonly GradeKey[]): number {
  let sum = 0;
  for (const key of keys) sum += record[key];
  return sum;
}

export interface FairnessFigures {
  readonly repCount: number;
  readonly leadCount: number;
  readonly perRep: Readonly<Record<string, RepLeadCounts>>;
  /** Population standard deviation of leads per rep (with availability: of leads minus the rep's fair share). */
  readonly workloadStdDev: number;
  readonly workloadStdDevByGrade: Readonly<Record<Grade, number>>;
  /** Gini coefficient (0 = equal, → 1 = one rep has all) of A+B leads per rep (with availability: per available day). */
  readonly abGini: number;
  /** Smallest and largest rep share of all leads (0–1). */
  readonly minShare: number;
  readonly maxShare: number;
  /** True when the figures allow for each rep's available days. */
  readonly availabilityAdjusted: boolean;
  /** With availability: smallest and largest received ÷ fair share over reps with available days (1 = fair). */
  readonly minRatio: number | null;
  readonly maxRatio: number | null;
  readonly newRepIds: readonly RepId[];
  /** Share of all leads (and of A/B leads) that went to new reps. */
  readonly newRepShare: number;
  readonly newRepAbShare: number;
}

/** Population standard deviation; 0 for an empty list. */
export function computeStdDev(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) * (v - mean), 0) / values.length;
  return Math.sqrt(variance);
}

/** Gini coefficient of non-negative values: 0 when all equal (or all zero), (n−1)/n when one holds everything. */
export function computeGini(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((v, i) => {
    weighted += (i + 1) * v;
  });
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** True when the rep joined at most `days` days before `now` (dates as UTC days). */
export function isNewRep(rep: Pick<Rep, 'joinedOn'>, now: number, days: number): boolean {
  const joined = Date.parse(`${rep.joinedOn}T00:00:00Z`);
  if (!Number.isFinite(joined)) return false;
  return joined <= now && now - joined <= days * DAY_MS;
}

export function emptyGradeCounts(): Record<GradeKey, number> {
  return { A: 0, B: 0, C: 0, D: 0, ungraded: 0 };
}

/** Fairness figures over the given reps; every rep counts, including those who received nothing. */
export function computeFairness(input: FairnessInput): FairnessFigures {
  const days = input.newRepDays ?? 90;
  const counts = new Map<string, { total: number; byGrade: Record<GradeKey, number> }>();
  for (const rep of input.reps) counts.set(rep.id, { total: 0, byGrade: emptyGradeCounts() });
  let leadCount = 0;
  for (const a of input.assignments) {
    const entry = counts.get(a.repId);
    const count = a.count ?? 1;
    if (entry === undefined) continue;
    entry.total += count;
    entry.byGrade[a.grade ?? 'ungraded'] += count;
    leadCount += count;
  }
  const available = input.availableDays;
  const daysOf = (id: string): number => Math.max(0, available?.[id] ?? 0);
  const totalDays = available === undefined ? 0 : [...counts.keys()].reduce((sum, id) => sum + daysOf(id), 0);
  const adjusted = available !== undefined && totalDays > 0;
  // Reps with no available day could not receive anything: they do not count against the spread.
  const counted = [...counts.entries()].filter(([id]) => !adjusted || daysOf(id) > 0);
  const owed = adjusted ? input.owed : undefined;
  const owedOf = (id: string) => owed?.get(id) ?? emptyGradeCounts();
  /** A rep's weight in the fair split of the grades `keys`: the leads owed to them, else their available days. */
  const weightOf = (id: string, keys: readonly GradeKey[]): number =>
    owed === undefined ? daysOf(id) : sumOf(owedOf(id), keys);
  /** Received less fair share per counted rep, for the grades `keys` (received alone without availability). */
  const deviation = (keys: readonly GradeKey[]): number[] => {
    const received = counted.map(([, e]) => sumOf(e.byGrade, keys));
    if (!adjusted) return received;
    const sum = received.reduce((a, b) => a + b, 0);
    const weights = counted.map(([id]) => weightOf(id, keys));
    const weightTotal = weights.reduce((a, b) => a + b, 0);
    return received.map((v, i) => v - (weightTotal > 0 ? (sum * (weights[i] ?? 0)) / weightTotal : 0));
  };
  const allWeights = [...counts.keys()].reduce((sum, id) => sum + weightOf(id, GRADE_KEYS), 0);
  const fairShare = (id: string): number =>
    adjusted && allWeights > 0 ? (leadCount * weightOf(id, GRADE_KEYS)) / allWeights : 0;
  const byGrade = {} as Record<Grade, number>;
  for (const grade of GRADES) byGrade[grade] = computeStdDev(deviation([grade]));
  const ab = counted.map(([id, e]) => {
    const value = e.byGrade.A + e.byGrade.B;
    return adjusted ? value / daysOf(id) : value;
  });
  const abTotal = [...counts.values()].reduce((sum, e) => sum + e.byGrade.A + e.byGrade.B, 0);
  const newRepIds = input.reps.filter((rep) => isNewRep(rep, input.now, days)).map((rep) => rep.id);
  let newLeads = 0;
  let newAb = 0;
  for (const id of newRepIds) {
    const entry = counts.get(id);
    if (entry === undefined) continue;
    newLeads += entry.total;
    newAb += entry.byGrade.A + entry.byGrade.B;
  }
  const perRep: Record<string, RepLeadCounts> = {};
  const ratios: number[] = [];
  for (const [id, entry] of counts) {
    if (!adjusted) {
      perRep[id] = entry;
      continue;
    }
    const share = fairShare(id);
    const ratio = daysOf(id) === 0 || share === 0 ? null : entry.total / share;
    if (ratio !== null) ratios.push(ratio);
    perRep[id] = {
      ...entry,
      availableDays: daysOf(id),
      fairShare: share,
      ratio,
      ...(owed === undefined ? {} : { owedByGrade: { ...owedOf(id) } }),
    };
  }
  const totals = counted.map(([, e]) => e.total);
  return {
    repCount: counted.length,
    leadCount,
    perRep,
    workloadStdDev: computeStdDev(deviation(GRADE_KEYS)),
    workloadStdDevByGrade: byGrade,
    abGini: computeGini(ab),
    minShare: leadCount === 0 || totals.length === 0 ? 0 : Math.min(...totals) / leadCount,
    maxShare: leadCount === 0 || totals.length === 0 ? 0 : Math.max(...totals) / leadCount,
    availabilityAdjusted: adjusted,
    minRatio: ratios.length === 0 ? null : Math.min(...ratios),
    maxRatio: ratios.length === 0 ? null : Math.max(...ratios),
    newRepIds,
    newRepShare: leadCount === 0 ? 0 : newLeads / leadCount,
    newRepAbShare: abTotal === 0 ? 0 : newAb / abTotal,
  };
}
