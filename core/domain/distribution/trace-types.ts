// What a method reports about one pick: each eligible rep's rank, the method's state, the tie-break, why a pool.
import type { Grade } from '../funnel';
import type { RepId } from '../ids';
import type { RepTier } from '../rep';
import type { OptimalReason } from './optimizer-types';

/** A rep's load as load-based methods compare it: (open + away) ÷ capacity = ratio. */
interface LoadRank {
  readonly open: number;
  readonly capacity: number;
  readonly ratio: number;
  /** Open leads a rep present on the days this rep was away would still hold (away-load.ts); omitted when none. */
  readonly away?: number;
}

/** Method-specific numbers for one eligible rep. */
export type CandidateRank =
  | { readonly method: 'round-robin'; readonly position: number; readonly of: number }
  | { readonly method: 'weighted'; readonly weight: number; readonly share: number; readonly credit: number }
  | ({ readonly method: 'load-balanced' } & LoadRank)
  | ({
      readonly method: 'skill-match';
      readonly overlap: number;
      readonly matched: readonly string[];
      /** Learned fit for this lead, when the context has a fit model. */
      readonly fit?: number;
    } & LoadRank)
  | ({ readonly method: 'tier-ladder'; readonly tier: RepTier } & LoadRank)
  | ({ readonly method: 'team'; readonly overlap: number } & LoadRank)
  | {
      readonly method: 'optimal';
      readonly probability: number;
      readonly fit: number;
      readonly value: number;
    };

export type MethodStateTrace =
  | {
      readonly method: 'round-robin';
      readonly pointerBefore: RepId | null;
      readonly pointerAfter: RepId | null;
      readonly skipped: readonly RepId[];
    }
  | {
      readonly method: 'weighted';
      readonly source: 'rep' | 'conversion';
      readonly weights: Readonly<Record<string, number>>;
      readonly creditsAfter: Readonly<Record<string, number>>;
      /** By conversion with a fit model: learned rates, or equal weights for too little history. */
      readonly fitStatus?: 'learned' | 'too-little-history';
    }
  // Loads (open, capacity, ratio, away) are on each candidate's rank, so they are not repeated here.
  | { readonly method: 'load-balanced' | 'team'; readonly eligible: number }
  | {
      readonly method: 'skill-match';
      readonly leadTags: readonly string[];
      /** True when no eligible rep shared a tag and the least loaded rep in target was used. */
      readonly fellBack: boolean;
    }
  | {
      readonly method: 'tier-ladder';
      readonly wantedTier: RepTier;
      readonly usedTier: RepTier | null;
      /** True when no eligible rep was in the wanted tier and a neighbouring tier was used. */
      readonly fellBack: boolean;
      /** How many eligible reps were in the tier used. */
      readonly tierSize: number;
    }
  | {
      readonly method: 'optimal';
      readonly mode: 'batch' | 'single';
      readonly batchSize: number;
      readonly capacity: number | null;
      /** The chosen rep's count of this lead's grade in the batch against its share bounds (batch mode). */
      readonly share: {
        readonly grade: Grade | 'ungraded';
        readonly received: number;
        readonly target: number;
        readonly lower: number;
        readonly upper: number;
        readonly tolerance: number;
      } | null;
      readonly reason: OptimalReason | null;
      readonly expectedConversions: number;
      readonly roundRobinExpectedConversions: number;
    };

export type TieBreak =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'seeded-random';
      readonly seed: number;
      readonly among: readonly RepId[];
      readonly picked: RepId;
    }
  | { readonly kind: 'rep-order'; readonly among: readonly RepId[]; readonly picked: RepId };

export type PoolReason =
  'rule-public-pool' | 'no-eligible-rep' | 'no-rule-matched' | 'no-skill-match' | 'optimizer-no-capacity';
