// Learned scoring: an L2-regularised logistic regression on the team's won/lost history, with honest held-out metrics.
import { createRng } from '../clock';
import type { Lead } from '../lead';
import type { Feature, FeatureOptions } from './features';
import { extractFeatures } from './features';

export interface TrainingOptions {
  /** Seeds the shuffle before the split; same seed and leads → identical model. */
  readonly seed: number;
  /** Fields or feature names to leave out (e.g. ones that leak the outcome); see isFeatureExcluded. */
  readonly excludeFields?: readonly string[];
  /** Share of each outcome class held out for evaluation (default 0.25). */
  readonly holdoutFraction?: number;
  /** L2 penalty on coefficients, intercept excluded (default 1). */
  readonly l2?: number;
  /** Behaviour half-life for features, in days (default 30). */
  readonly halfLifeDays?: number;
  /** A feature must appear in this many training leads to be used (default 5). */
  readonly minSupport?: number;
  /** At most this many features, the most frequent first (default 300); bounds Newton's d³ cost. */
  readonly maxFeatures?: number;
  readonly minWon?: number;
  readonly minLost?: number;
  /** Called with a fraction in [0, 1], non-decreasing, ending at exactly 1 on success. */
  readonly onProgress?: (fraction: number) => void;
}

export interface LearnedFeature {
  readonly name: string;
  readonly field: string;
  /** Change in log-odds of winning per unit of the feature (per presence, for one-hots). */
  readonly coefficient: number;
  /** Training leads that had the feature. */
  readonly support: number;
  readonly probe?: string | number;
}

export interface Factor {
  readonly name: string;
  readonly field: string;
  readonly coefficient: number;
  /** e^coefficient: how the odds of winning multiply per unit. */
  readonly oddsRatio: number;
  readonly direction: 'raises' | 'lowers';
  readonly support: number;
}

export interface CalibrationBin {
  /** Predicted-probability bin [from, to); the last bin includes 1. */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanPredicted: number | null;
  readonly observedRate: number | null;
}

/** How much the held-out AUC says the history predicts: <0.6 none, <0.7 weak, <0.8 moderate, else strong. */
export type SignalStrength = 'none' | 'weak' | 'moderate' | 'strong';

export interface LearnedMetrics {
  /** Rank-based AUC on the held-out leads (ties count half). */
  readonly auc: number;
  readonly strength: SignalStrength;
  readonly calibration: readonly CalibrationBin[];
  readonly trainCount: number;
  readonly holdoutCount: number;
  readonly won: number;
  readonly lost: number;
  /** Won share of all labelled leads. */
  readonly baseRate: number;
  readonly iterations: number;
}

/** A trained model, JSON-serialisable. Shipped as trained on the training split, so metrics describe it. */
export interface LearnedModel {
  readonly kind: 'logistic';
  readonly version: 1;
  readonly trainedAt: number;
  readonly seed: number;
  readonly l2: number;
  readonly halfLifeDays: number;
  readonly excludeFields: readonly string[];
  readonly intercept: number;
  readonly features: readonly LearnedFeature[];
  readonly metrics: LearnedMetrics;
  /** Up to 10 each, strongest first. */
  readonly topPositive: readonly Factor[];
  readonly topNegative: readonly Factor[];
}

export interface TrainingRefusal {
  readonly code: 'not_enough_outcomes';
  readonly won: number;
  readonly lost: number;
  readonly minWon: number;
  readonly minLost: number;
  readonly moreWonNeeded: number;
  readonly moreLostNeeded: number;
}

export type TrainingResult =
  | { readonly ok: true; readonly value: LearnedModel }
  | { readonly ok: false; readonly error: TrainingRefusal };

interface Rows {
  readonly rowPtr: Int32Array;
  readonly cols: Int32Array;
  readonly vals: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/**
 * Exact rank-based AUC (Mann–Whitney U / (n₊ n₋)) with average ranks for ties; null when a class is missing.
 * labels: 1 = positive, anything else negative.
 */
export function computeAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1] ?? 0] === scores[order[i] ?? 0]) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k] ?? 0] === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Ten equal-width bins of predicted probability: mean predicted vs observed won rate. */
export function computeCalibration(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const sumY = new Array<number>(bins).fill(0);
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] ?? 0;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    count[b] = (count[b] ?? 0) + 1;
    sumP[b] = (sumP[b] ?? 0) + p;
    sumY[b] = (sumY[b] ?? 0) + (labels[i] === 1 ? 1 : 0);
  }
  return count.map((c, b) => ({
    from: b / bins,
    to: (b + 1) / bins,
    count: c,
    meanPredicted: c > 0 ? (sumP[b] ?? 0) / c : null,
    observedRate: c > 0 ? (sumY[b] ?? 0) / c : null,
  }));
}

function strengthOf(auc: number): SignalStrength {
  if (auc < 0.6) return 'none';
  if (auc < 0.7) return 'weak';
  if (auc < 0.8) return 'moderate';
  return 'strong';
}

function buildRows(
  examples: ReadonlyArray<{ features: Feature[]; y: number }>,
  index: ReadonlyMap<string, number>,
): Rows {
  const rowPtr = new Int32Array(examples.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const y = new Float64Array(examples.length);
  examples.forEach((ex, i) => {
    const row: Array<[number, number]> = [[0, 1]];
    for (const f of ex.features) {
      const c = index.get(f.name);
      if (c !== undefined) row.push([c, f.value]);
    }
    row.sort((a, b) => a[0] - b[0]);
    for (const [c, v] of row) {
      cols.push(c);
      vals.push(v);
    }
    rowPtr[i + 1] = cols.length;
    y[i] = ex.y;
  });
  return { rowPtr, cols: Int32Array.from(cols), vals: Float64Array.from(vals), y, n: examples.length };
}

function linear(rows: Rows, beta: Float64Array, out: Float64Array): void {
  for (let i = 0; i < rows.n; i++) {
    let z = 0;
    for (let k = rows.rowPtr[i] ?? 0, end = rows.rowPtr[i + 1] ?? 0; k < end; k++) {
      z += (rows.vals[k] ?? 0) * (beta[rows.cols[k] ?? 0] ?? 0);
    }
    out[i] = z;
  }
}

function objective(rows: Rows, beta: Float64Array, l2: number, z: Float64Array): number {
  linear(rows, beta, z);
  let loss = 0;
  for (let i = 0; i < rows.n; i++) loss += softplus(z[i] ?? 0) - (rows.y[i] ?? 0) * (z[i] ?? 0);
  let penalty = 0;
  for (let j = 1; j < beta.length; j++) penalty += (beta[j] ?? 0) ** 2;
  return loss + (l2 / 2) * penalty;
}

/** Solves H x = g for symmetric positive-definite H (lower triangle used), by Cholesky in place. */
function solveCholesky(h: Float64Array, g: Float64Array, d: number): Float64Array {
  for (let j = 0; j < d; j++) {
    let s = h[j * d + j] ?? 0;
    for (let k = 0; k < j; k++) s -= (h[j * d + k] ?? 0) ** 2;
    const pivot = Math.sqrt(Math.max(s, 1e-12));
    h[j * d + j] = pivot;
    for (let i = j + 1; i < d; i++) {
      let t = h[i * d + j] ?? 0;
      for (let k = 0; k < j; k++) t -= (h[i * d + k] ?? 0) * (h[j * d + k] ?? 0);
      h[i * d + j] = t / pivot;
    }
  }
  const x = Float64Array.from(g);
  for (let i = 0; i < d; i++) {
    let t = x[i] ?? 0;
    for (let k = 0; k < i; k++) t -= (h[i * d + k] ?? 0) * (x[k] ?? 0);
    x[i] = t / (h[i * d + i] ?? 1);
  }
  for (let i = d - 1; i >= 0; i--) {
    let t = x[i] ?? 0;
    for (let k = i + 1; k < d; k++) t -= (h[k * d + i] ?? 0) * (x[k] ?? 0);
    x[i] = t / (h[i * d + i] ?? 1);
  }
  return x;
}

/** Newton's method (IRLS) with backtracking; deterministic. Returns coefficients (index 0 = intercept). */
function fitLogistic(
  rows: Rows,
  d: number,
  l2: number,
  maxIterations: number,
  onIteration: (it: number) => void,
) {
  const beta = new Float64Array(d);
  let wonCount = 0;
  for (let i = 0; i < rows.n; i++) wonCount += rows.y[i] ?? 0;
  const rate = Math.min(Math.max(wonCount / Math.max(1, rows.n), 1e-6), 1 - 1e-6);
  beta[0] = Math.log(rate / (1 - rate));
  const z = new Float64Array(rows.n);
  let current = objective(rows, beta, l2, z);
  let iterations = 0;
  for (let it = 0; it < maxIterations; it++) {
    iterations = it + 1;
    const grad = new Float64Array(d);
    const hess = new Float64Array(d * d);
    for (let i = 0; i < rows.n; i++) {
      const p = sigmoid(z[i] ?? 0);
      const r = p - (rows.y[i] ?? 0);
      const w = p * (1 - p);
      const start = rows.rowPtr[i] ?? 0;
      const end = rows.rowPtr[i + 1] ?? 0;
      for (let a = start; a < end; a++) {
        const ca = rows.cols[a] ?? 0;
        const va = rows.vals[a] ?? 0;
        grad[ca] = (grad[ca] ?? 0) + r * va;
        const wa = w * va;
        // Columns are sorted per row, so cb <= ca fills the lower triangle.
        for (let b = start; b <= a; b++) {
          const idx = ca * d + (rows.cols[b] ?? 0);
          hess[idx] = (hess[idx] ?? 0) + wa * (rows.vals[b] ?? 0);
        }
      }
    }
    for (let j = 0; j < d; j++) {
      if (j > 0) grad[j] = (grad[j] ?? 0) + l2 * (beta[j] ?? 0);
      hess[j * d + j] = (hess[j * d + j] ?? 0) + (j > 0 ? l2 : 1e-9);
    }
    const step = solveCholesky(hess, grad, d);
    let decrease = 0;
    for (let j = 0; j < d; j++) decrease += (grad[j] ?? 0) * (step[j] ?? 0);
    let t = 1;
    const trial = new Float64Array(d);
    let next = current;
    for (let halving = 0; halving < 30; halving++) {
      for (let j = 0; j < d; j++) trial[j] = (beta[j] ?? 0) - t * (step[j] ?? 0);
      next = objective(rows, trial, l2, z);
      if (next <= current - 1e-4 * t * decrease) break;
      t /= 2;
    }
    let moved = 0;
    for (let j = 0; j < d; j++) moved = Math.max(moved, Math.abs((trial[j] ?? 0) - (beta[j] ?? 0)));
    if (next <= current) {
      beta.set(trial);
      current = next;
    } else {
      linear(rows, beta, z);
    }
    onIteration(it);
    if (moved < 1e-8 || next > current) break;
  }
  return { beta, iterations };
}

function toFactor(f: LearnedFeature): Factor {
  return {
    name: f.name,
    field: f.field,
    coefficient: f.coefficient,
    oddsRatio: Math.exp(f.coefficient),
    direction: f.coefficient >= 0 ? 'raises' : 'lowers',
    support: f.support,
  };
}

/** The reference time for a closed lead's behaviour: when it closed (updatedAt), never after `now`. */
function referenceTime(lead: Lead, now: number): number {
  return Math.min(now, lead.updatedAt);
}

/**
 * Trains on leads whose stage is won (1) or lost (0); other leads are ignored.
 * Refuses (ok: false) with fewer than minWon won or minLost lost (default 30 each), saying how many more are needed.
 * Deterministic: leads are sorted by id, each class is shuffled with createRng(seed) and split, the vocabulary
 * comes from the training split only, and Newton's method has no randomness. Behaviour features of a closed
 * lead are measured as of its close (updatedAt), so old history is not decayed to nothing.
 */
export function trainConversionModel(
  leads: readonly Lead[],
  now: number,
  options: TrainingOptions,
): TrainingResult {
  const minWon = options.minWon ?? 30;
  const minLost = options.minLost ?? 30;
  const sorted = leads
    .filter((l) => l.stage === 'won' || l.stage === 'lost')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const wonLeads = sorted.filter((l) => l.stage === 'won');
  const lostLeads = sorted.filter((l) => l.stage === 'lost');
  if (wonLeads.length < minWon || lostLeads.length < minLost) {
    return {
      ok: false,
      error: {
        code: 'not_enough_outcomes',
        won: wonLeads.length,
        lost: lostLeads.length,
        minWon,
        minLost,
        moreWonNeeded: Math.max(0, minWon - wonLeads.length),
        moreLostNeeded: Math.max(0, minLost - lostLeads.length),
      },
    };
  }
  const progress = options.onProgress ?? (() => undefined);
  progress(0);
  const holdoutFraction = Math.min(Math.max(options.holdoutFraction ?? 0.25, 0.05), 0.5);
  const l2 = options.l2 ?? 1;
  const halfLifeDays = options.halfLifeDays ?? 30;
  const minSupport = options.minSupport ?? 5;
  const maxFeatures = options.maxFeatures ?? 300;
  const excludeFields = [...(options.excludeFields ?? [])];
  const featureOptions: FeatureOptions = { halfLifeDays, excludeFields };

  const rng = createRng(options.seed);
  const split = (group: Lead[]) => {
    const shuffled = [...group];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as Lead, shuffled[i] as Lead];
    }
    const holdout = Math.max(1, Math.round(shuffled.length * holdoutFraction));
    return { holdout: shuffled.slice(0, holdout), train: shuffled.slice(holdout) };
  };
  const wonSplit = split(wonLeads);
  const lostSplit = split(lostLeads);
  const toExamples = (ls: Lead[], y: number) =>
    ls.map((lead) => ({ features: extractFeatures(lead, referenceTime(lead, now), featureOptions), y }));
  const train = [...toExamples(wonSplit.train, 1), ...toExamples(lostSplit.train, 0)];
  const holdout = [...toExamples(wonSplit.holdout, 1), ...toExamples(lostSplit.holdout, 0)];
  progress(0.1);

  const support = new Map<string, { field: string; count: number; probe?: string | number }>();
  for (const ex of train) {
    for (const f of ex.features) {
      const s = support.get(f.name);
      if (s) s.count++;
      else
        support.set(
          f.name,
          f.probe === undefined ? { field: f.field, count: 1 } : { field: f.field, count: 1, probe: f.probe },
        );
    }
  }
  const vocabulary = [...support.entries()]
    .filter(([, s]) => s.count >= minSupport)
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, maxFeatures);
  const index = new Map<string, number>(vocabulary.map(([name], i) => [name, i + 1]));
  const d = vocabulary.length + 1;
  const trainRows = buildRows(train, index);
  const holdoutRows = buildRows(holdout, index);
  progress(0.15);

  const maxIterations = 50;
  const { beta, iterations } = fitLogistic(trainRows, d, l2, maxIterations, (it) =>
    progress(0.15 + (0.8 * (it + 1)) / maxIterations),
  );

  const z = new Float64Array(holdoutRows.n);
  linear(holdoutRows, beta, z);
  const probabilities = Float64Array.from(z, sigmoid);
  const auc = computeAuc(probabilities, holdoutRows.y) ?? 0.5;
  const features: LearnedFeature[] = vocabulary.map(([name, s], i) => ({
    name,
    field: s.field,
    coefficient: beta[i + 1] ?? 0,
    support: s.count,
    ...(s.probe !== undefined ? { probe: s.probe } : {}),
  }));
  const byStrength = (a: LearnedFeature, b: LearnedFeature) =>
    Math.abs(b.coefficient) - Math.abs(a.coefficient) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const topPositive = features
    .filter((f) => f.coefficient > 0)
    .sort(byStrength)
    .slice(0, 10)
    .map(toFactor);
  const topNegative = features
    .filter((f) => f.coefficient < 0)
    .sort(byStrength)
    .slice(0, 10)
    .map(toFactor);
  const model: LearnedModel = {
    kind: 'logistic',
    version: 1,
    trainedAt: now,
    seed: options.seed,
    l2,
    halfLifeDays,
    excludeFields,
    intercept: beta[0] ?? 0,
    features,
    metrics: {
      auc,
      strength: strengthOf(auc),
      calibration: computeCalibration(probabilities, holdoutRows.y),
      trainCount: trainRows.n,
      holdoutCount: holdoutRows.n,
      won: wonLeads.length,
      lost: lostLeads.length,
      baseRate: wonLeads.length / sorted.length,
      iterations,
    },
    topPositive,
    topNegative,
  };
  progress(1);
  return { ok: true, value: model };
}

export interface LeadFactor {
  readonly name: string;
  readonly field: string;
  /** The feature's value for this lead (1 for one-hots). */
  readonly value: number;
  /** coefficient × value, in log-odds. */
  readonly contribution: number;
  readonly direction: 'raises' | 'lowers';
}

export interface ConversionPrediction {
  /** Estimated probability of winning, in (0, 1). */
  readonly probability: number;
  /** The model's probability for a lead with no features at all. */
  readonly baseline: number;
  /** Up to `topN` factors with the largest |contribution|, largest first. */
  readonly factors: readonly LeadFactor[];
}

const coefficientCache = new WeakMap<LearnedModel, Map<string, LearnedFeature>>();

/**
 * The learned probability that an open lead converts, with the factors behind it. `now` is epoch ms.
 * Invariant: logit(probability) === intercept + Σ contribution over all of the lead's known features.
 */
export function predictConversion(
  learned: LearnedModel,
  lead: Lead,
  now: number,
  topN = 5,
): ConversionPrediction {
  let byName = coefficientCache.get(learned);
  if (byName === undefined) {
    byName = new Map(learned.features.map((f) => [f.name, f]));
    coefficientCache.set(learned, byName);
  }
  let logOdds = learned.intercept;
  const factors: LeadFactor[] = [];
  const features = extractFeatures(lead, now, {
    halfLifeDays: learned.halfLifeDays,
    excludeFields: learned.excludeFields,
  });
  for (const f of features) {
    const known = byName.get(f.name);
    if (known === undefined) continue;
    const contribution = known.coefficient * f.value;
    logOdds += contribution;
    if (contribution !== 0) {
      factors.push({
        name: f.name,
        field: f.field,
        value: f.value,
        contribution,
        direction: contribution > 0 ? 'raises' : 'lowers',
      });
    }
  }
  factors.sort(
    (a, b) =>
      Math.abs(b.contribution) - Math.abs(a.contribution) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return {
    probability: sigmoid(logOdds),
    baseline: sigmoid(learned.intercept),
    factors: factors.slice(0, topN),
  };
}
