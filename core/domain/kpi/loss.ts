// Loss rate: of the leads that arrived in a period, how many were lost, recycled, or never contacted — apart.
import type { Estimate } from './stats';
import { proportionEstimate } from './stats';

/** A lead that arrived in the period, as it stands now. */
export interface LossFact {
  readonly isLost: boolean;
  /** Taken back from a rep at least once (SLA, stale or nurture recycling). */
  readonly wasRecycled: boolean;
  /** Some follow-up or call was logged on it. */
  readonly isContacted: boolean;
}

export interface LossReport {
  readonly arrived: number;
  readonly lost: Estimate;
  readonly recycled: Estimate;
  readonly neverContacted: Estimate;
  /** Leads with at least one of the three: the headline loss rate. Not the sum (a lead can be several). */
  readonly any: Estimate;
}

/** The cohort's counts (SQL answers these directly); `any` counts leads with at least one of the three. */
export interface LossCounts {
  readonly arrived: number;
  readonly lost: number;
  readonly recycled: number;
  readonly neverContacted: number;
  readonly any: number;
}

export function lossFromCounts(counts: LossCounts): LossReport {
  const n = counts.arrived;
  return {
    arrived: n,
    lost: proportionEstimate(counts.lost, n),
    recycled: proportionEstimate(counts.recycled, n),
    neverContacted: proportionEstimate(counts.neverContacted, n),
    any: proportionEstimate(counts.any, n),
  };
}

/**
 * Loss figures over one cohort of arrivals. Invariants: each of the three counts ≤ any ≤ arrived, and any ≥ the
 * largest of the three; rates are null with no arrivals.
 */
export function computeLoss(facts: readonly LossFact[]): LossReport {
  let lost = 0;
  let recycled = 0;
  let never = 0;
  let any = 0;
  for (const fact of facts) {
    if (fact.isLost) lost += 1;
    if (fact.wasRecycled) recycled += 1;
    if (!fact.isContacted) never += 1;
    if (fact.isLost || fact.wasRecycled || !fact.isContacted) any += 1;
  }
  return lossFromCounts({ arrived: facts.length, lost, recycled, neverContacted: never, any });
}
