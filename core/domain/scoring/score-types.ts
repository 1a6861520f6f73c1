// What the rule scoring engine answers: a lead's score with its itemised parts, per-dimension totals, the
// summary bulk rescoring stores, and the compiled scorer's shape.
import type { Grade } from '../funnel';
import type { LeadId } from '../ids';
import type { Lead } from '../lead';
import type { CriterionOperator, CriterionValue, ScoringDimension } from './model';

/** Structured facts behind one part, for the UI to phrase in any language. */
export interface ScorePartDetail {
  /** The lead's value the criterion looked at. */
  readonly leadValue?: string | number;
  /** For `keywords`: the model's keywords found in the value, in model order. */
  readonly matchedKeywords?: readonly string[];
  /** For `event`: events of that kind on the lead. */
  readonly eventCount?: number;
  /** For `event`: events that counted after the criterion's `maxEvents`. */
  readonly countedEvents?: number;
  /** For `event`: Σ 0.5^(age/half-life) over the counted events (equals countedEvents without decay). */
  readonly decayedEvents?: number;
  /** Set when the dimension's raw total was cut to its cap ('cap') or was ≤ 0 and counted as 0 ('floor'). */
  readonly dimensionClamp?: 'cap' | 'floor';
}

/** One fired criterion and what it added to the score. */
export interface ScorePart {
  readonly criterionId: string;
  /** The criterion's user-given label, if any. */
  readonly label?: string;
  readonly dimension: ScoringDimension;
  readonly field: string;
  readonly operator: CriterionOperator;
  readonly value: CriterionValue;
  /** Integer points in the final 0–100 score; Σ parts.points === score. May be negative for penalties. */
  readonly points: number;
  /** Criterion points after decay and event cap, before dimension cap, weight and scaling. */
  readonly rawPoints: number;
  /** Unrounded contribution after dimension cap, weight and scaling. */
  readonly exactPoints: number;
  readonly detail?: ScorePartDetail;
}

export interface DimensionScore {
  /** Σ raw points of the fired criteria. */
  readonly raw: number;
  /** raw clamped to [0, cap]. */
  readonly counted: number;
  /** Integer points of this dimension in the final score (Σ of its parts). */
  readonly points: number;
}

export interface LeadScore {
  /** Integer 0..100. */
  readonly score: number;
  readonly grade: Grade;
  /** Fired criteria in model order; Σ points === score exactly. */
  readonly parts: readonly ScorePart[];
  readonly dimensions: Readonly<Record<ScoringDimension, DimensionScore>>;
  readonly modelVersion: number;
}

/** Score and grade only: what bulk rescoring stores. Same numbers as the full LeadScore. */
export interface LeadScoreSummary {
  readonly leadId: LeadId;
  readonly score: number;
  readonly grade: Grade;
}

/**
 * A model compiled for repeated use; `now` is epoch ms, used only for behaviour decay.
 * Calling it gives the full explanation; `summarize` gives the same score and grade without building parts.
 */
export interface CompiledScorer {
  (lead: Lead, now: number): LeadScore;
  readonly summarize: (lead: Lead, now: number) => LeadScoreSummary;
  readonly modelVersion: number;
}
