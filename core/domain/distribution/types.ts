// The JSON shapes of the distribution engine: rules, method state, inputs, assignments and explanations.
import type { Grade } from '../funnel';
import type { LeadId, RepId } from '../ids';
import type { Lead } from '../lead';
import type { Rep, RepTier } from '../rep';
import type { RepFitModel } from './rep-fit';
import type { Condition } from './condition-types';
import type { OptimizationReport } from './optimizer-types';
import type { CandidateRank, MethodStateTrace, PoolReason, TieBreak } from './trace-types';

export const DISTRIBUTION_METHODS = [
  'round-robin',
  'weighted',
  'load-balanced',
  'skill-match',
  'tier-ladder',
  'public-pool',
  'manual',
  'team',
  'optimal',
  'existing-customer',
] as const;
export type DistributionMethod = (typeof DISTRIBUTION_METHODS)[number];

/** Which reps a rule may pick from. `territory` = reps whose regions include the lead's region. */
export type RuleTarget =
  | { readonly kind: 'everyone' }
  | { readonly kind: 'reps'; readonly repIds: readonly RepId[] }
  | { readonly kind: 'tier'; readonly tiers: readonly RepTier[] }
  | { readonly kind: 'skill'; readonly tags: readonly string[] }
  | { readonly kind: 'region'; readonly regions: readonly string[] }
  | { readonly kind: 'territory' };

/** Method knobs; each method reads only its own. All optional, defaults in brackets. */
export interface MethodOptions {
  /** weighted: rep.weight, or recent conversion rate from `conversionStats` [rep]. */
  readonly weightSource?: 'rep' | 'conversion';
  /** weighted by conversion: lowest rate a rep is credited with, so nobody starves [0.05]. */
  readonly conversionFloor?: number;
  /** load-balanced and tie ranks: capacity assumed for reps without an open cap [largest cap in target, else 1]. */
  readonly defaultCapacity?: number;
  /** skill-match: which lead fields are matched against rep.skills [industry, product]. */
  readonly skillFields?: readonly ('industry' | 'product' | 'source' | 'region')[];
  /** skill-match: with no overlap at all, fall back to the least loaded rep in target, or leave in the pool [target]. */
  readonly skillFallback?: 'target' | 'pool';
  /** tier-ladder: grade → tier [A senior, B mid, C junior, D junior, ungraded junior]. */
  readonly tierMap?: Partial<Record<Grade | 'ungraded', RepTier>>;
  /** team: how many co-owners beside the primary [1]. */
  readonly coOwnerCount?: number;
  /** team: fixed co-owners (used when eligible) instead of picking by skill. */
  readonly coOwnerRepIds?: readonly RepId[];
  /**
   * existing-customer: the customer's owner takes the lead whatever the rule that would distribute it says (its
   * target, ignoreAffinity) [false = only when the owner is in that rule's target].
   */
  readonly ownerKeeps?: boolean;
  /** optimal: how far (0–1) a rep's count of a grade may stray from its share of the batch's leads of it [0.2]. */
  readonly fairnessTolerance?: number;
}

/**
 * A rule as stored and edited: JSON-serializable. Rules are tried in order; the last must be a catch-all fallback.
 * An `existing-customer` rule is a step, not a destination: where it stands, for the leads its conditions match,
 * an existing customer's owner (within its target) takes the lead if eligible; otherwise the lead goes on to the
 * next rules. Without such a step, existing customers are matched first (as a step at the top would).
 */
export interface DistributionRule {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  /** All must hold (AND). Empty = matches every lead. */
  readonly conditions: readonly Condition[];
  readonly target: RuleTarget;
  readonly method: DistributionMethod;
  readonly options?: MethodOptions;
  readonly respectWorkingHours?: boolean;
  /** When true an existing customer's owner does not take the lead first. */
  readonly ignoreAffinity?: boolean;
}

/** Method state carried between calls (state in, state out). Plain JSON. */
export interface DistributionState {
  /** round-robin: the rep served last, per rule id. */
  readonly pointers: Readonly<Record<string, RepId>>;
  /** weighted: smooth weighted round-robin credit per rule id per rep. */
  readonly credits: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Open leads per rep right now. */
  readonly openLoads: Readonly<Record<string, number>>;
  /** New leads per rep on `day`. */
  readonly assignedToday: Readonly<Record<string, number>>;
  /** Local ISO date `assignedToday` counts; when `now` falls on another day the counts restart at 0. Omit to never reset. */
  readonly day?: string | null;
  /**
   * Open leads (as counted in openLoads) by the local ISO date they arrived, for the days a rep was away
   * (away-load.ts); a count may stand for a run of days from its date with the same reps away (awayDayRuns). Omit
   * when no active rep was away in the last 90 days: nobody then carries an away load.
   */
  readonly openByDay?: Readonly<Record<string, number>>;
}

/** A lead handed to the engine: a Lead plus what only distribution needs. */
export type DistributionLead = Lead & {
  /** Conversion probability 0–1 (from the scoring model); defaults to score / 100, else 0. */
  readonly probability?: number | null;
  /** Reps that must not get this lead (e.g. previous owners). */
  readonly excludeRepIds?: readonly RepId[];
  /** The rep the lead is being recycled from right now: never gets it back in this decision. */
  readonly recycledFromRepId?: RepId | null;
  /** Reps the lead was recycled from before (oldest first): each is kept away for the cool-down after `at`. */
  readonly previousOwners?: readonly PreviousOwner[];
};

/** A rep a lead was taken back from (recycled) at `at`, epoch ms. */
export interface PreviousOwner {
  readonly repId: RepId;
  readonly at: number;
}

/** A recycle cool-down of 7 days, the team default. */
export const DEFAULT_RECYCLE_COOLDOWN_MS = 7 * 86_400_000;

/** Weekly working hours in local time. days: ISO weekdays (1 = Monday); from/to `HH:MM`, to exclusive; from > to spans midnight. */
export interface WorkingHours {
  readonly days: readonly number[];
  readonly from: string;
  readonly to: string;
}

/** Existing-customer ownership, resolved by the caller from dedupe matches and company owners. */
export interface AffinityLookup {
  /** lead id → rep owning a duplicate/matching customer. */
  readonly byLead?: Readonly<Record<string, RepId>>;
  /** company key → owning rep; keys made with `companyKey` (default: trimmed, lower-cased, spaces collapsed). */
  readonly byCompany?: Readonly<Record<string, RepId>>;
  readonly companyKey?: (company: string) => string;
}

export interface ConversionStat {
  readonly assigned: number;
  readonly won: number;
}

interface DistributionOptions {
  /** Local time = UTC + this many minutes (480 for China) [0]. Used for dates, arrival conditions and working hours. */
  readonly utcOffsetMinutes?: number;
  /** `full` lists every rep with its reason; `compact` keeps only the chosen rep and counts (replays) [full]. */
  readonly explain?: 'full' | 'compact';
}

export interface DistributionContext {
  /** How long (ms) a rep may not get back a lead recycled from them [7 days]; the team's claim cool-down. */
  readonly recycleCooldownMs?: number;
  readonly workingHours?: {
    readonly byRep?: Readonly<Record<string, WorkingHours>>;
    readonly teamDefault?: WorkingHours | null;
  };
  readonly affinity?: AffinityLookup;
  /** Recent results per rep, for weighted-by-conversion. */
  readonly conversionStats?: Readonly<Record<string, ConversionStat>>;
  /**
   * Rep–lead fit learned from closed leads (rep-fit.ts): used by weighted-by-conversion, skill-match ties, the
   * optimizer and replays. Takes precedence over `fit` and `conversionStats`.
   */
  readonly repFit?: RepFitModel;
  /** Rep fit by industry (multiplier on lead probability, ~1 = average), for the optimizer; missing = defaultFit. */
  readonly fit?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly defaultFit?: number;
  /** The public pools' holding cap (库容) binding each rep, by rep id; a rep not named has none. */
  readonly holdingCaps?: Readonly<Record<string, HoldingCap>>;
}

/** A pool's holding cap on a rep: open leads held, locked ones not counted, may not exceed `cap`. */
export interface HoldingCap {
  readonly cap: number;
  /** The rep's open leads under a lock in force (counted apart). */
  readonly locked: number;
  /** The pool whose cap it is, by name (the explanation names it). */
  readonly pool: string;
}

export interface DistributionInput extends DistributionContext {
  readonly leads: readonly DistributionLead[];
  readonly reps: readonly Rep[];
  readonly rules: readonly DistributionRule[];
  readonly state?: DistributionState;
  /** Epoch ms of the distribution. */
  readonly now: number;
  readonly seed: number;
  readonly options?: DistributionOptions;
}

export interface SingleLeadInput extends Omit<DistributionInput, 'leads'> {
  readonly lead: DistributionLead;
}

// ---- explanations ----

export type ExclusionReason =
  | { readonly code: 'not-in-target' }
  | { readonly code: 'inactive' }
  /** The run's local day is before the rep's start date `date` (joinedOn). */
  | { readonly code: 'not-started'; readonly date: string }
  | { readonly code: 'out-of-office' }
  | { readonly code: 'on-leave'; readonly date: string }
  /** Recycled from this rep at `at` (epoch ms); kept away until `until` (the cool-down's end). */
  | { readonly code: 'recycled-from'; readonly at: number; readonly until: number }
  | { readonly code: 'excluded' }
  | { readonly code: 'outside-working-hours'; readonly localTime: string }
  | { readonly code: 'open-cap'; readonly open: number; readonly cap: number }
  | { readonly code: 'daily-cap'; readonly today: number; readonly cap: number }
  /** The pool's holding cap (库容): `holding` open leads held, locks not counted, against `cap`. */
  | { readonly code: 'holding-cap'; readonly holding: number; readonly cap: number; readonly pool: string }
  | { readonly code: 'unknown-rep' };
export type ExclusionCode = ExclusionReason['code'];

export interface CandidateTrace {
  readonly repId: RepId;
  readonly eligible: boolean;
  readonly exclusion?: ExclusionReason;
  readonly rank?: CandidateRank;
}

export interface ConditionTrace {
  readonly index: number;
  readonly condition: Condition;
  /** The lead's value for the field (null when missing). */
  readonly value: string | number | null;
  readonly passed: boolean;
}

export interface RuleTrace {
  readonly id: string;
  readonly name: string;
  readonly index: number;
  readonly isFallback: boolean;
  readonly conditions: readonly ConditionTrace[];
}

export interface SkippedRule {
  readonly id: string;
  readonly index: number;
  readonly reason: 'disabled' | 'conditions-not-met';
  /** The first failing condition. */
  readonly failed?: ConditionTrace;
}

/** Where existing-customer matching ran: an explicit step (its id and position) or the implicit one at the top. */
export interface AffinityStep {
  readonly stepId: string | null;
  readonly stepIndex: number | null;
  readonly ownerKeeps: boolean;
}

export type AffinityTrace =
  | ({ readonly kind: 'lead' | 'company'; readonly repId: RepId; readonly honored: true } & AffinityStep)
  | ({
      readonly kind: 'lead' | 'company';
      readonly repId: RepId;
      readonly honored: false;
      /** not-in-target: outside the step's target, or (unless the owner keeps) the distributing rule's. */
      readonly why: ExclusionReason | { readonly code: 'ignored-by-rule' };
    } & AffinityStep);

export type Outcome = 'assigned' | 'pool' | 'manual';

/** Why a lead went where it went. JSON; stored with the assignment, append-only. */
export interface Explanation {
  readonly version: 1;
  readonly leadId: LeadId;
  /** Epoch ms the decision was made. */
  readonly at: number;
  readonly rule: RuleTrace | null;
  readonly skippedRules: readonly SkippedRule[];
  readonly affinity: AffinityTrace | null;
  readonly method: DistributionMethod | 'affinity' | null;
  /** Every rep (sorted by id) with why it was excluded or how it ranked; empty in `compact` mode. */
  readonly candidates: readonly CandidateTrace[];
  readonly eligibleCount: number;
  /** Count of reps excluded per reason code. */
  readonly exclusionCounts: Readonly<Partial<Record<ExclusionCode, number>>>;
  readonly methodState: MethodStateTrace | null;
  readonly tieBreak: TieBreak;
  readonly outcome: Outcome;
  readonly repId: RepId | null;
  readonly coOwnerIds: readonly RepId[];
  readonly poolReason: PoolReason | null;
  /** Reps the lead was recycled from (oldest first), kept with every later decision; omitted when none. */
  readonly previousOwners?: readonly PreviousOwner[];
  /** The lead's grade when decided: fairness counts the lead at this grade, whatever it is re-graded to later. */
  readonly grade?: Grade | null;
}

export interface Assignment {
  readonly leadId: LeadId;
  readonly outcome: Outcome;
  readonly repId: RepId | null;
  readonly coOwnerIds: readonly RepId[];
  readonly ruleId: string | null;
  readonly poolReason: PoolReason | null;
  readonly explanation: Explanation;
}

export interface DistributionResult {
  /** One per lead, in arrival order (createdAt, then id). */
  readonly assignments: readonly Assignment[];
  readonly state: DistributionState;
  readonly optimizations: readonly OptimizationReport[];
}

export interface RuleProblem {
  /** JSON path into the rules array, e.g. `[2].conditions[0].max`. */
  readonly path: string;
  readonly code: string;
  readonly message: string;
}
