// What the optimizer says about its decisions: the reason for one lead, the report for one rule's batch.
import type { Grade } from '../funnel';
import type { RepId } from '../ids';

/** Why the optimizer gave a lead to its rep. Fits are multipliers on the lead's probability (1 = like the team). */
export type OptimalReason =
  /** Every eligible rep fits the same (no history learned, or none better): spread by load. */
  | { readonly kind: 'equal-fit'; readonly fitStatus: 'learned' | 'too-little-history' | 'table' | 'none' }
  /** The best fit; with a learned model, the segment that sets it apart and the rates there. */
  | {
      readonly kind: 'best-fit';
      readonly fit: number;
      readonly segment?: 'grade' | 'source' | 'industry' | 'region';
      readonly key?: string;
      readonly rate?: number;
      readonly teamRate?: number;
      readonly n?: number;
    }
  /** `better` fits more but had no room left / had its share of this grade / this rep needed it for its share / the whole batch converts more this way. */
  | {
      readonly kind: 'no-room' | 'kept-share' | 'share-floor' | 'whole-batch';
      readonly fit: number;
      readonly better: RepId;
      readonly betterFit: number;
    };

/** What the optimizer achieved for one rule's batch. Expected conversions are sums of probability × fit. */
export interface OptimizationReport {
  readonly ruleId: string;
  readonly batchSize: number;
  readonly assigned: number;
  readonly expectedConversions: number;
  readonly roundRobinExpectedConversions: number;
  readonly gainOverRoundRobin: number;
  readonly tolerance: number;
  /** Per rep, per grade in the batch: received against the share bounds. */
  readonly shares: Readonly<
    Record<
      string,
      Readonly<
        Partial<
          Record<
            Grade | 'ungraded',
            { readonly received: number; readonly lower: number; readonly upper: number }
          >
        >
      >
    >
  >;
  readonly sharesWithinTolerance: boolean;
}
