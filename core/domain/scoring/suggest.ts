// Turning what the learned model found into a proposed rule model, and blending rule and learned scores.
import { criterionMatchesValue } from './engine';
import type { LearnedFeature, LearnedModel } from './learned';
import type { Criterion, ScoringDimension, ScoringModel } from './model';
import { SCORING_DIMENSIONS } from './model';

export interface CriterionChange {
  readonly criterionId: string;
  readonly pointsBefore: number;
  readonly pointsAfter: number;
  /** Multiplier applied to the points' magnitude, in [0.5, 2]. */
  readonly factor: number;
  /** Support-weighted mean coefficient of the evidence features, in log-odds. */
  readonly meanCoefficient: number;
  /** Names of the learned features that stand for this criterion. */
  readonly evidence: readonly string[];
}

export interface DimensionWeightChange {
  readonly dimension: ScoringDimension;
  readonly weightBefore: number;
  readonly weightAfter: number;
  readonly factor: number;
}

export interface RuleWeightSuggestion {
  /** The proposed model: version + 1, or the input model unchanged when there is no reliable signal. */
  readonly model: ScoringModel;
  readonly changes: readonly CriterionChange[];
  readonly dimensionChanges: readonly DimensionWeightChange[];
  /** 'no_signal' when the learned model's held-out AUC is below 0.6: nothing is suggested. */
  readonly reason: 'applied' | 'no_signal';
}

export interface SuggestOptions {
  /** Learned features seen in fewer training leads are not used as evidence (default 20). */
  readonly minSupport?: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function evidenceFor(criterion: Criterion, features: readonly LearnedFeature[]): LearnedFeature[] {
  if (criterion.operator === 'event') return features.filter((f) => f.field === `events.${criterion.value}`);
  return features.filter(
    (f) => f.field === criterion.field && f.probe !== undefined && criterionMatchesValue(criterion, f.probe),
  );
}

/**
 * Nudges a rule model toward what the history shows. For each criterion, its evidence is the learned features
 * of the same field whose value the criterion would fire on (`industry=制造` for "industry contains 制造"; the
 * behaviour count for an event criterion). With mean coefficient c̄ (weighted by support), the points' magnitude
 * is multiplied by clamp(e^(±c̄/2), 0.5, 2) — halfway to the odds ratio, sign flipped for penalties — and rounded
 * (never to 0). Each dimension weight is multiplied by the |points|-weighted geometric mean of its criteria's
 * factors. Criteria without evidence keep their points. Signs never flip; ids, fields and thresholds are kept.
 */
export function suggestRuleWeights(
  learned: LearnedModel,
  model: ScoringModel,
  options: SuggestOptions = {},
): RuleWeightSuggestion {
  if (learned.metrics.strength === 'none')
    return { model, changes: [], dimensionChanges: [], reason: 'no_signal' };
  const minSupport = options.minSupport ?? 20;
  const usable = learned.features.filter((f) => f.support >= minSupport);
  const changes: CriterionChange[] = [];
  const logFactorSum: Record<ScoringDimension, number> = { fit: 0, behaviour: 0, need: 0 };
  const magnitudeSum: Record<ScoringDimension, number> = { fit: 0, behaviour: 0, need: 0 };
  const criteria = model.criteria.map((criterion): Criterion => {
    const evidence = evidenceFor(criterion, usable);
    const totalSupport = evidence.reduce((s, f) => s + f.support, 0);
    if (evidence.length === 0 || totalSupport === 0 || criterion.points === 0) return criterion;
    const mean = evidence.reduce((s, f) => s + f.coefficient * f.support, 0) / totalSupport;
    const factor = clamp(Math.exp((Math.sign(criterion.points) * mean) / 2), 0.5, 2);
    const magnitude = Math.max(1, Math.round(Math.abs(criterion.points) * factor));
    const pointsAfter = Math.sign(criterion.points) * magnitude;
    logFactorSum[criterion.dimension] += Math.abs(criterion.points) * Math.log(factor);
    magnitudeSum[criterion.dimension] += Math.abs(criterion.points);
    changes.push({
      criterionId: criterion.id,
      pointsBefore: criterion.points,
      pointsAfter,
      factor,
      meanCoefficient: mean,
      evidence: evidence.map((f) => f.name),
    });
    return { ...criterion, points: pointsAfter };
  });
  const dimensionChanges: DimensionWeightChange[] = [];
  const dimensions = { ...model.dimensions };
  for (const d of SCORING_DIMENSIONS) {
    const settings = model.dimensions[d];
    if (magnitudeSum[d] === 0 || settings.weight === 0) continue;
    const factor = Math.exp(logFactorSum[d] / magnitudeSum[d]);
    const weightAfter = Math.round(settings.weight * factor * 100) / 100;
    dimensions[d] = { ...settings, weight: weightAfter };
    dimensionChanges.push({ dimension: d, weightBefore: settings.weight, weightAfter, factor });
  }
  return {
    model: { ...model, version: model.version + 1, dimensions, criteria },
    changes,
    dimensionChanges,
    reason: 'applied',
  };
}

/**
 * Mixes a rule score (integer 0..100) with a learned probability: round((1 − w) × ruleScore + w × 100 × p).
 * `weight` w and `probability` p are clamped to [0, 1]; the result is an integer in 0..100.
 * w = 0 gives the rule score back exactly.
 */
export function blendScore(ruleScore: number, probability: number, weight: number): number {
  const w = clamp(Number.isFinite(weight) ? weight : 0, 0, 1);
  const p = clamp(Number.isFinite(probability) ? probability : 0, 0, 1);
  return clamp(Math.round((1 - w) * ruleScore + w * 100 * p), 0, 100);
}
