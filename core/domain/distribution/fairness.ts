// Fairness figures for replays and the dashboard: workload spread, Gini of good leads, shares, new reps' share.
import { DAY_MS } from '../clock';
import { GRADES } from '../funnel';
import type { Grade } from '../funnel';
import type { RepId } from '../ids';
import type { Rep } from '../rep';

export type GradeKey = Grade | 'ungraded';

export interface RepLeadCounts {
  readonly total: number;
  readonly byGrade: Readonly<Record<GradeKey, number>>;
}

export interface FairnessInput {
  /** The reps the figures are about (usually the active team); leads of other reps are ignored. */
  readonly reps: readonly Pick<Rep, 'id' | 'joinedOn'>[];
  /** One entry per lead a rep received in the period. */
  readonly assignments: readonly { readonly repId: RepId; readonly grade: Grade | null }[];
  /** Epoch ms; a rep is new when joinedOn is at most `newRepDays` days before it. */
  readonly now: number;
  readonly newRepDays?: number;
}

export interface FairnessFigures {
  readonly repCount: number;
  readonly leadCount: number;
  readonly perRep: Readonly<Record<string, RepLeadCounts>>;
  /** Population standard deviation of leads per rep. */
  readonly workloadStdDev: number;
  readonly workloadStdDevByGrade: Readonly<Record<Grade, number>>;
  /** Gini coefficient (0 = equal, → 1 = one rep has all) of A+B leads per rep. */
  readonly abGini: number;
  /** Smallest and largest rep share of all leads (0–1). */
  readonly minShare: number;
  readonly maxShare: number;
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
    if (entry === undefined) continue;
    entry.total += 1;
    entry.byGrade[a.grade ?? 'ungraded'] += 1;
    leadCount += 1;
  }
  const entries = [...counts.values()];
  const totals = entries.map((e) => e.total);
  const byGrade = {} as Record<Grade, number>;
  for (const grade of GRADES) byGrade[grade] = computeStdDev(entries.map((e) => e.byGrade[grade]));
  const ab = entries.map((e) => e.byGrade.A + e.byGrade.B);
  const abTotal = ab.reduce((a, b) => a + b, 0);
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
  for (const [id, entry] of counts) perRep[id] = entry;
  return {
    repCount: input.reps.length,
    leadCount,
    perRep,
    workloadStdDev: computeStdDev(totals),
    workloadStdDevByGrade: byGrade,
    abGini: computeGini(ab),
    minShare: leadCount === 0 || totals.length === 0 ? 0 : Math.min(...totals) / leadCount,
    maxShare: leadCount === 0 || totals.length === 0 ? 0 : Math.max(...totals) / leadCount,
    newRepIds,
    newRepShare: leadCount === 0 ? 0 : newLeads / leadCount,
    newRepAbShare: abTotal === 0 ? 0 : newAb / abTotal,
  };
}
