// Rep–lead fit learned from the team's own closed leads: each rep's conversion by grade and by segment (source,
// industry, region), shrunk toward the team's rate so a few lucky wins do not make a star.
import type { Grade } from '../funnel';
import type { RepId } from '../ids';

export const FIT_SEGMENTS = ['source', 'industry', 'region'] as const;
type FitSegment = (typeof FIT_SEGMENTS)[number];
type FitGrade = Grade | 'ungraded';

/** One closed lead: who owned it when it closed, what it was, and whether it was won. */
export interface FitOutcome {
  readonly repId: RepId;
  readonly grade: Grade | null;
  readonly source: string | null;
  readonly industry: string | null;
  readonly region: string | null;
  readonly won: boolean;
}

/** A conversion rate with its evidence: wins of n, the raw rate, the shrunk rate and a 95% interval around it. */
export interface RateEstimate {
  readonly wins: number;
  readonly n: number;
  /** wins / n; null when n = 0. */
  readonly raw: number | null;
  readonly rate: number;
  readonly low: number;
  readonly high: number;
}

interface RepFitProfile {
  readonly repId: RepId;
  readonly overall: RateEstimate;
  readonly byGrade: Readonly<Partial<Record<FitGrade, RateEstimate>>>;
  readonly bySegment: Readonly<Record<FitSegment, Readonly<Record<string, RateEstimate>>>>;
}

export interface RepFitModel {
  /** `too-little-history`: fewer closed leads than `minOutcomes`; every rep then has equal fit (1). */
  readonly status: 'learned' | 'too-little-history';
  readonly outcomes: number;
  readonly minOutcomes: number;
  /** Pseudo-observations of the team's rate a rep's overall estimate starts from (the shrinkage). */
  readonly priorStrength: number;
  /** The same per kind of cell, learned from how much reps really differ there (never below the option's floor). */
  readonly strengths: Readonly<Record<'overall' | 'grade' | FitSegment, number>>;
  readonly team: Omit<RepFitProfile, 'repId'>;
  readonly reps: Readonly<Record<string, RepFitProfile>>;
}

interface FitOptions {
  /**
   * The least prior strength [20]: 3 wins of 5 moves a rep at most a fifth of the way from the team rate, 300 of
   * 500 almost all the way. More when the history shows reps differ less than chance alone would make them seem.
   */
  readonly priorStrength?: number;
  /** Closed leads needed before fit is learned at all [50]. */
  readonly minOutcomes?: number;
}

interface Cell {
  wins: number;
  n: number;
}

interface Cells {
  readonly overall: Cell;
  readonly byGrade: Map<FitGrade, Cell>;
  readonly bySegment: Record<FitSegment, Map<string, Cell>>;
}

function emptyCells(): Cells {
  return {
    overall: { wins: 0, n: 0 },
    byGrade: new Map(),
    bySegment: { source: new Map(), industry: new Map(), region: new Map() },
  };
}

function count(map: Map<string, Cell>, key: string, won: boolean): void {
  let cell = map.get(key);
  if (cell === undefined) {
    cell = { wins: 0, n: 0 };
    map.set(key, cell);
  }
  cell.n += 1;
  if (won) cell.wins += 1;
}

/** The segment key of a lead field: trimmed, lower-cased, spaces collapsed; null for empty. */
function segmentKey(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const key = value.trim().toLowerCase().replace(/\s+/g, ' ');
  return key === '' ? null : key;
}

/** Beta-binomial estimate: `strength` pseudo-observations at `prior`, then the cell's wins of n. */
function estimate(cell: Cell, prior: number, strength: number): RateEstimate {
  const p = Math.min(0.999, Math.max(0.001, prior));
  const a = cell.wins + strength * p;
  const b = cell.n - cell.wins + strength * (1 - p);
  const rate = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) * (a + b) * (a + b + 1)));
  return {
    wins: cell.wins,
    n: cell.n,
    raw: cell.n === 0 ? null : cell.wins / cell.n,
    rate,
    low: Math.max(0, rate - 1.96 * sd),
    high: Math.min(1, rate + 1.96 * sd),
  };
}

type FitKind = 'overall' | 'grade' | FitSegment;
const FIT_KINDS: readonly ('grade' | FitSegment)[] = ['grade', ...FIT_SEGMENTS];

function estimateCells(
  cells: Cells,
  strengthOf: (kind: FitKind) => number,
  overallPrior: number,
  priorOf: (kind: 'grade' | FitSegment, key: string) => number,
): Omit<RepFitProfile, 'repId'> {
  const overall = estimate(cells.overall, overallPrior, strengthOf('overall'));
  const byGrade: Partial<Record<FitGrade, RateEstimate>> = {};
  for (const [grade, cell] of cells.byGrade)
    byGrade[grade] = estimate(cell, priorOf('grade', grade), strengthOf('grade'));
  const bySegment = { source: {}, industry: {}, region: {} } as Record<
    FitSegment,
    Record<string, RateEstimate>
  >;
  for (const segment of FIT_SEGMENTS)
    for (const [key, cell] of cells.bySegment[segment])
      bySegment[segment][key] = estimate(cell, priorOf(segment, key), strengthOf(segment));
  return { overall, byGrade, bySegment };
}

/** Largest prior strength: reps that do not differ at all end up with (almost exactly) the team's rate. */
const MAX_STRENGTH = 1_000_000;

/**
 * Empirical-Bayes prior strength for a set of cells, each with the rate it would have if the rep were like the team
 * (`expected`): the spread of the observed rates around it, less the spread binomial noise alone explains, is the
 * real differences' variance τ²; the strength is p(1−p)/τ² − 1, never below `floor`. No real differences → the
 * largest strength, so noise is not mistaken for skill.
 */
function strengthFor(cells: readonly { wins: number; n: number; expected: number }[], floor: number): number {
  let weight = 0;
  let squares = 0;
  let noise = 0;
  let variance = 0;
  for (const c of cells) {
    if (c.n === 0) continue;
    const e = Math.min(0.999, Math.max(0.001, c.expected));
    const r = c.wins / c.n;
    weight += c.n;
    squares += c.n * (r - e) * (r - e);
    noise += e * (1 - e);
    variance += c.n * e * (1 - e);
  }
  if (weight === 0) return floor;
  const tau2 = (squares - noise) / weight;
  if (tau2 <= 0) return MAX_STRENGTH;
  return Math.min(MAX_STRENGTH, Math.max(floor, variance / weight / tau2 - 1));
}

/**
 * Learns each rep's conversion from closed leads. The team's rates (overall, per grade, per segment value) are
 * themselves shrunk toward the team's overall rate; a rep's overall rate is shrunk toward the team's, and a rep's
 * rate in a grade or segment toward the team's rate there scaled by the rep's overall ratio — so with little
 * evidence every estimate falls back to what the team does. How hard each kind of cell is shrunk is learned from
 * how much reps really differ there (empirical Bayes). Linear in the number of outcomes.
 */
export function estimateRepFit(outcomes: readonly FitOutcome[], options: FitOptions = {}): RepFitModel {
  const strength = Math.max(0, options.priorStrength ?? 20);
  const minOutcomes = Math.max(1, options.minOutcomes ?? 50);
  const team = emptyCells();
  const perRep = new Map<string, Cells>();
  for (const o of outcomes) {
    let rep = perRep.get(o.repId);
    if (rep === undefined) {
      rep = emptyCells();
      perRep.set(o.repId, rep);
    }
    const grade: FitGrade = o.grade ?? 'ungraded';
    for (const cells of [team, rep]) {
      cells.overall.n += 1;
      if (o.won) cells.overall.wins += 1;
      count(cells.byGrade as Map<string, Cell>, grade, o.won);
      for (const segment of FIT_SEGMENTS) {
        const key = segmentKey(o[segment]);
        if (key !== null) count(cells.bySegment[segment], key, o.won);
      }
    }
  }
  const teamRaw = team.overall.n === 0 ? 0.1 : team.overall.wins / team.overall.n;
  const teamProfile = estimateCells(
    team,
    () => strength,
    teamRaw,
    () => teamRaw,
  );
  const teamOverall = teamProfile.overall.rate;
  const teamRate = (kind: 'grade' | FitSegment, key: string): number =>
    (kind === 'grade' ? teamProfile.byGrade[key as FitGrade] : teamProfile.bySegment[kind][key])?.rate ??
    teamOverall;
  const ids = [...perRep.keys()].sort();
  const repCells = ids.map((id) => perRep.get(id) as Cells);
  // How much reps really differ: overall, then in each grade and segment beyond their overall ratio.
  const strengths: Record<FitKind, number> = {
    overall: strengthFor(
      repCells.map((c) => ({ ...c.overall, expected: teamOverall })),
      strength,
    ),
    grade: strength,
    source: strength,
    industry: strength,
    region: strength,
  };
  const overalls = repCells.map((c) => estimate(c.overall, teamOverall, strengths.overall));
  const ratios = overalls.map((o) => o.rate / teamOverall);
  for (const kind of FIT_KINDS) {
    const list: { wins: number; n: number; expected: number }[] = [];
    repCells.forEach((c, r) => {
      const map = kind === 'grade' ? (c.byGrade as Map<string, Cell>) : c.bySegment[kind];
      for (const [key, cell] of map) list.push({ ...cell, expected: teamRate(kind, key) * (ratios[r] ?? 1) });
    });
    strengths[kind] = strengthFor(list, strength);
  }
  const reps: Record<string, RepFitProfile> = {};
  ids.forEach((id, r) => {
    const ratio = ratios[r] ?? 1;
    const profile = estimateCells(
      repCells[r] as Cells,
      (kind) => strengths[kind],
      teamOverall,
      (kind, key) => Math.min(0.999, teamRate(kind, key) * ratio),
    );
    reps[id] = { repId: id as RepId, ...profile, overall: overalls[r] ?? profile.overall };
  });
  return {
    status: outcomes.length >= minOutcomes ? 'learned' : 'too-little-history',
    outcomes: outcomes.length,
    minOutcomes,
    priorStrength: strengths.overall,
    strengths,
    team: teamProfile,
    reps,
  };
}

/** The lead fields fit reads. */
interface FitLead {
  readonly grade: Grade | null;
  readonly source: string | null;
  readonly industry: string | null;
  readonly region: string | null;
}

interface FitBreakdown {
  /** Multiplier on the team's conversion for this lead (1 = like the team; equal for all without enough history). */
  readonly fit: number;
  /** The segment that moves fit most (|log| largest), with the rep's and the team's rates there; null when none. */
  readonly strongest: {
    readonly segment: 'grade' | FitSegment;
    readonly key: string;
    readonly rate: number;
    readonly teamRate: number;
    readonly n: number;
  } | null;
}

const MIN_FIT = 0.05;
const MAX_FIT = 20;

/**
 * Fit of a rep for a lead: (rep's rate in the lead's grade ÷ the team's) × for each segment the rep's rate there ÷
 * what the rep's overall ratio predicts, clamped to [0.05, 20] and rounded to the hundredth. Exactly 1 for every
 * rep when the model has too little history or the rep has no closed leads.
 */
export function fitBreakdown(model: RepFitModel | undefined, repId: string, lead: FitLead): FitBreakdown {
  if (model === undefined || model.status !== 'learned') return { fit: 1, strongest: null };
  const rep = model.reps[repId];
  if (rep === undefined) return { fit: 1, strongest: null };
  const teamOverall = model.team.overall.rate;
  const ratio = rep.overall.rate / teamOverall;
  const grade: FitGrade = lead.grade ?? 'ungraded';
  const teamGrade = model.team.byGrade[grade]?.rate ?? teamOverall;
  const repGrade = rep.byGrade[grade];
  let logFit = Math.log(repGrade === undefined ? ratio : repGrade.rate / teamGrade);
  let strongest: FitBreakdown['strongest'] = null;
  let strongestLog = 0;
  if (repGrade !== undefined) {
    strongestLog = Math.abs(Math.log(repGrade.rate / teamGrade));
    strongest = { segment: 'grade', key: grade, rate: repGrade.rate, teamRate: teamGrade, n: repGrade.n };
  }
  for (const segment of FIT_SEGMENTS) {
    const key = segmentKey(lead[segment]);
    if (key === null) continue;
    const cell = rep.bySegment[segment][key];
    if (cell === undefined) continue;
    const teamRate = model.team.bySegment[segment][key]?.rate ?? teamOverall;
    const deviation = Math.log(cell.rate / Math.min(0.999, teamRate * ratio));
    logFit += deviation;
    const strength = Math.abs(Math.log(cell.rate / teamRate));
    if (strength > strongestLog) {
      strongestLog = strength;
      strongest = { segment, key, rate: cell.rate, teamRate, n: cell.n };
    }
  }
  // To the hundredth: finer differences are not evidence, and must not outweigh evenness in the optimizer.
  const fit = Math.round(Math.min(MAX_FIT, Math.max(MIN_FIT, Math.exp(logFit))) * 100) / 100;
  return { fit, strongest };
}

/** Just the multiplier of fitBreakdown. */
export function fitFor(model: RepFitModel | undefined, repId: string, lead: FitLead): number {
  return fitBreakdown(model, repId, lead).fit;
}

/** The rep's shrunk conversion rate for a lead's grade (the team's when unknown); null without enough history. */
export function learnedRate(
  model: RepFitModel | undefined,
  repId: string,
  grade: Grade | null,
): number | null {
  if (model === undefined || model.status !== 'learned') return null;
  const key: FitGrade = grade ?? 'ungraded';
  const rep = model.reps[repId];
  return (
    rep?.byGrade[key]?.rate ?? rep?.overall.rate ?? model.team.byGrade[key]?.rate ?? model.team.overall.rate
  );
}
