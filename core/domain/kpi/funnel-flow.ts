// Funnel flow: stage-to-stage conversion along the main path and the average days a lead spends in each stage.
import { DAY_MS } from '../clock';
import type { FunnelStage } from '../funnel';

/** The main path, in order; nurture and lost are side exits and do not count as progress. */
export const MAIN_PATH: readonly FunnelStage[] = ['raw', 'mql', 'sql', 'opportunity', 'won'];

export interface FunnelFlowInput {
  /** Leads by the furthest main-path stage they ever reached (SQL answers this from the stage history). */
  readonly furthest: ReadonlyMap<FunnelStage, number>;
  /** Completed stays per stage (the lead moved on): their count and total length in ms. */
  readonly stays: ReadonlyMap<FunnelStage, { readonly count: number; readonly totalMs: number }>;
}

export interface FunnelStep {
  readonly stage: FunnelStage;
  /** Leads that reached this stage or a later one on the main path. */
  readonly reached: number;
  /** reached(next) / reached(this); null for the last stage or when nobody reached this one. */
  readonly toNext: number | null;
  /** Mean days of the completed stays in this stage; null when no lead has left it yet. */
  readonly averageDays: number | null;
  readonly completedStays: number;
}

/**
 * Steps along MAIN_PATH. Invariants: reached never grows along the path (a lead that reached a stage reached
 * every earlier one); toNext ∈ [0, 1].
 */
export function computeFunnelFlow(input: FunnelFlowInput): FunnelStep[] {
  const reached: number[] = MAIN_PATH.map(() => 0);
  MAIN_PATH.forEach((stage, i) => {
    const n = input.furthest.get(stage) ?? 0;
    for (let j = 0; j <= i; j += 1) reached[j] = (reached[j] ?? 0) + n;
  });
  return MAIN_PATH.map((stage, i) => {
    const here = reached[i] ?? 0;
    const next = reached[i + 1];
    const stay = input.stays.get(stage);
    return {
      stage,
      reached: here,
      toNext: next === undefined || here === 0 ? null : next / here,
      averageDays: stay === undefined || stay.count === 0 ? null : stay.totalMs / stay.count / DAY_MS,
      completedStays: stay?.count ?? 0,
    };
  });
}
