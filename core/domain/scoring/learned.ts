// Learned scoring: an L2-regularised logistic regression on the team's won/lost history, with honest held-out metrics.
import { createRng } from '../clock';
import type { Lead } from '../lead';
import { createFeatureTable, countSupport, internExamples, toRows } from './feature-table';
import type { FeatureOptions } from './features';
import { extractFeatures } from './features';
import type { ColumnFactor } from './column-factors';
import { readColumnFactors } from './column-factors';
import type { CustomEncoder, CustomEncodingOptions } from './custom-encoding';
import { fitCustomEncoders } from './custom-encoding';
import type { CalibrationBin } from './logistic-fit';
import { computeAuc, computeCalibration, fitLogistic, linear, sigmoid } from './logistic-fit';

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
  /** How custom columns are typed and encoded (kinds the team lead set, free text opted in, quantile bins). */
  readonly customColumns?: Omit<CustomEncodingOptions, 'minSupport'>;
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
  /**
   * How custom fields were encoded (fitted on the training split); predictions encode the same way.
   * Absent on models trained before typed features: their custom fields are one-hot per exact value.
   */
  readonly customEncoders?: readonly CustomEncoder[];
  /** One readout per column, strongest first (absent on older models). */
  readonly columnFactors?: readonly ColumnFactor[];
  /**
   * The held-out AUC with the columns flagged as leaks put back (same split), beside `metrics.auc` without them:
   * what the leaks would inflate. Null when that run was refused; absent on models trained without it.
   */
  readonly leakComparison?: {
    readonly aucWithFlagged: number | null;
    readonly flaggedFields: readonly string[];
  };
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

function strengthOf(auc: number): SignalStrength {
  if (auc < 0.6) return 'none';
  if (auc < 0.7) return 'weak';
  if (auc < 0.8) return 'moderate';
  return 'strong';
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
  // Types, scales and kept categories come from the training split only, as the vocabulary does.
  const customEncoders = fitCustomEncoders([...wonSplit.train, ...lostSplit.train], {
    ...options.customColumns,
    minSupport,
  });
  const featureOptions: FeatureOptions = { halfLifeDays, excludeFields, customEncoders };
  // Features interned as they are read (no object per feature kept); names first met in training come first.
  const table = createFeatureTable();
  const at = (lead: Lead) => referenceTime(lead, now);
  const train = internExamples(
    [
      { leads: wonSplit.train, y: 1 },
      { leads: lostSplit.train, y: 0 },
    ],
    at,
    featureOptions,
    table,
  );
  const holdout = internExamples(
    [
      { leads: wonSplit.holdout, y: 1 },
      { leads: lostSplit.holdout, y: 0 },
    ],
    at,
    featureOptions,
    table,
  );
  progress(0.1);

  const support = countSupport(train, table.names.length);
  const nameOf = (id: number) => table.names[id] ?? '';
  const supported: number[] = [];
  support.forEach((count, id) => {
    if (count > 0 && count >= minSupport) supported.push(id);
  });
  const vocabulary = supported
    .sort(
      (a, b) =>
        (support[b] ?? 0) - (support[a] ?? 0) || (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0),
    )
    .slice(0, maxFeatures);
  const columnOf = new Int32Array(table.names.length);
  vocabulary.forEach((id, i) => (columnOf[id] = i + 1));
  const d = vocabulary.length + 1;
  const trainRows = toRows(train, columnOf);
  const holdoutRows = toRows(holdout, columnOf);
  progress(0.15);

  const maxIterations = 50;
  const { beta, iterations } = fitLogistic(trainRows, d, l2, maxIterations, (it) =>
    progress(0.15 + (0.8 * (it + 1)) / maxIterations),
  );

  const z = new Float64Array(holdoutRows.n);
  linear(holdoutRows, beta, z);
  const probabilities = Float64Array.from(z, sigmoid);
  const auc = computeAuc(probabilities, holdoutRows.y) ?? 0.5;
  const features: LearnedFeature[] = vocabulary.map((id, i) => {
    const probe = table.probes[id];
    return {
      name: nameOf(id),
      field: table.fields[id] ?? '',
      coefficient: beta[i + 1] ?? 0,
      support: support[id] ?? 0,
      ...(probe !== undefined ? { probe } : {}),
    };
  });
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
    customEncoders,
    columnFactors: readColumnFactors(features),
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
    ...(learned.customEncoders !== undefined ? { customEncoders: learned.customEncoders } : {}),
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
