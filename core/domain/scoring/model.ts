// The rule-based scoring model: dimensions, criteria, decay, caps and grade thresholds, as plain JSON.
import type { BehaviourKind } from '../lead';

export const SCORING_DIMENSIONS = ['fit', 'behaviour', 'need'] as const;
export type ScoringDimension = (typeof SCORING_DIMENSIONS)[number];

/** Operators a criterion can use; `event` is the behaviour operator (points per matching event, decayed by age). */
export const CRITERION_OPERATORS = [
  'equals',
  'in',
  'contains',
  'range',
  'exists',
  'keywords',
  'event',
] as const;
export type CriterionOperator = (typeof CRITERION_OPERATORS)[number];

/**
 * Lead fields a field criterion can read. `custom.<key>` reads `lead.customFields[key]`.
 * Numeric fields: companySize, costFen, bant.budget (integer yuan); the rest are text.
 */
export const SCORABLE_FIELDS = [
  'title',
  'industry',
  'region',
  'companySize',
  'product',
  'source',
  'campaign',
  'needs',
  'company',
  'email',
  'phone',
  'wechat',
  'costFen',
  'bant.budget',
  'bant.authority',
  'bant.need',
  'bant.timeline',
] as const;
export type ScorableField = (typeof SCORABLE_FIELDS)[number] | `custom.${string}`;

/** Inclusive lower bound, exclusive upper bound: `min <= x < max`; a missing end is unbounded. */
export interface NumberRange {
  readonly min?: number | null;
  readonly max?: number | null;
}

interface CriterionBase {
  /** Stable, unique within the model; never empty. */
  readonly id: string;
  /** The user's own words for this criterion, shown as-is in explanations. */
  readonly label?: string;
  readonly dimension: ScoringDimension;
  /** Raw points when the criterion fires (per event for `event`); may be negative to penalise. */
  readonly points: number;
}

/** Case-insensitive, trimmed equality for text; numeric equality for numeric fields. */
export interface EqualsCriterion extends CriterionBase {
  readonly operator: 'equals';
  readonly field: ScorableField;
  readonly value: string | number;
}

/** Fires when the (case-insensitive, trimmed) value equals any entry of the list. */
export interface InCriterion extends CriterionBase {
  readonly operator: 'in';
  readonly field: ScorableField;
  readonly value: readonly string[];
}

/** Case-insensitive substring. */
export interface ContainsCriterion extends CriterionBase {
  readonly operator: 'contains';
  readonly field: ScorableField;
  readonly value: string;
}

/** Numeric range `min <= x < max`; text values are parsed as numbers, unparsable text never fires. */
export interface RangeCriterion extends CriterionBase {
  readonly operator: 'range';
  readonly field: ScorableField;
  readonly value: NumberRange;
}

/** Fires when the field holds a non-empty value. */
export interface ExistsCriterion extends CriterionBase {
  readonly operator: 'exists';
  readonly field: ScorableField;
  readonly value?: null;
}

/** Case-insensitive substring of any keyword (no regex); fires once however many keywords match. */
export interface KeywordsCriterion extends CriterionBase {
  readonly operator: 'keywords';
  readonly field: ScorableField;
  readonly value: readonly string[];
}

/**
 * Behaviour: `points` per event of `value` kind, each weighted by 0.5^(age days / half-life).
 * With `maxEvents`, only the most recent `maxEvents` events count.
 */
export interface EventCriterion extends CriterionBase {
  readonly operator: 'event';
  readonly field: 'events';
  readonly value: BehaviourKind;
  /** Overrides the model's half-life; null = no decay. */
  readonly halfLifeDays?: number | null;
  readonly maxEvents?: number | null;
}

export type FieldCriterion =
  EqualsCriterion | InCriterion | ContainsCriterion | RangeCriterion | ExistsCriterion | KeywordsCriterion;
export type Criterion = FieldCriterion | EventCriterion;
export type CriterionValue = Criterion['value'];

export interface DimensionSettings {
  /** Relative share of the 0–100 total; ≥ 0. */
  readonly weight: number;
  /** Raw points at which the dimension is full; raw points above it are cut, and it is the normaliser. */
  readonly cap: number;
}

/**
 * Integer score thresholds. A if score > a; B if b <= score <= a; C if c <= score < b; D if score < c.
 * Invariant for a valid model: integers with 0 <= c < b < a <= 100.
 */
export interface GradeThresholds {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = { a: 80, b: 60, c: 40 };

/**
 * A versioned, JSON-serialisable scoring model.
 * score = round(100 × Σ_d weight_d × clamp(raw_d, 0, cap_d) / cap_d / Σ_d weight_d), an integer in 0..100.
 */
export interface ScoringModel {
  /** Incremented on every saved change; scores record which version produced them. */
  readonly version: number;
  readonly name: string;
  readonly dimensions: Readonly<Record<ScoringDimension, DimensionSettings>>;
  /** Default half-life for event criteria, in days. */
  readonly halfLifeDays: number;
  readonly criteria: readonly Criterion[];
  readonly thresholds: GradeThresholds;
}
