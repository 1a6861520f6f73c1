// Per source/channel: leads, cost per lead, conversion, revenue and ROI = (revenue − cost) / cost. Money in fen.
import type { Estimate } from './stats';
import { proportionEstimate } from './stats';

/** One source's totals over the leads that arrived in the period (SQL sums them). */
export interface ChannelTotals {
  /** null: leads with no source recorded. */
  readonly source: string | null;
  readonly leads: number;
  /** Sum of the leads' campaign cost, integer fen. */
  readonly costFen: number;
  /** Leads of this cohort won by now, and their won amounts (integer fen). */
  readonly won: number;
  readonly revenueFen: number;
}

/** 'no_cost': the channel cost nothing, so ROI is undefined (not infinite, not zero). */
export type RoiKind = 'ratio' | 'no_cost';

export interface ChannelFigures extends ChannelTotals {
  /** Rounded to whole fen; null with no leads. */
  readonly costPerLeadFen: number | null;
  readonly conversion: Estimate;
  /** (revenue − cost) / cost; null when the cost is zero (see roiKind). */
  readonly roi: number | null;
  readonly roiKind: RoiKind;
}

/** ROI of one channel: (revenue − cost) / cost, or null for a channel that cost nothing. */
export function roiOf(revenueFen: number, costFen: number): { roi: number | null; roiKind: RoiKind } {
  if (costFen <= 0) return { roi: null, roiKind: 'no_cost' };
  return { roi: (revenueFen - costFen) / costFen, roiKind: 'ratio' };
}

/**
 * Channel figures, most leads first (then by source name, no source last). Invariants: conversion's n is the
 * channel's leads; roi is null exactly when costFen ≤ 0.
 */
export function computeChannels(totals: readonly ChannelTotals[]): ChannelFigures[] {
  return [...totals]
    .sort(
      (a, b) =>
        b.leads - a.leads ||
        (a.source === null ? 1 : 0) - (b.source === null ? 1 : 0) ||
        (a.source ?? '').localeCompare(b.source ?? ''),
    )
    .map((t) => ({
      ...t,
      costPerLeadFen: t.leads === 0 ? null : Math.round(t.costFen / t.leads),
      conversion: proportionEstimate(t.won, t.leads),
      ...roiOf(t.revenueFen, t.costFen),
    }));
}
