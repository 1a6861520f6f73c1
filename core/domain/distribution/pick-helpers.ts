// What every per-lead method shares: its input and result, seeded tie-breaks and load comparisons.
import { createRng } from '../clock';
import type { RepId } from '../ids';
import type { DistributionLead, DistributionRule } from './types';
import type { CandidateRank, MethodStateTrace, PoolReason, TieBreak } from './trace-types';
import type { EngineContext, RuleInfo } from './engine-context';
import { capacityOf } from './engine-context';

export interface PickInput {
  readonly ctx: EngineContext;
  readonly rule: DistributionRule;
  readonly info: RuleInfo;
  readonly lead: DistributionLead;
  /** Eligible rep indexes, ascending (= rep id order). Never empty. */
  readonly eligible: readonly number[];
  /** All target rep indexes ascending, eligible or not (round-robin walks it). */
  readonly target: readonly number[];
  readonly leadSeed: number;
}

export interface PickResult {
  readonly repIndex: number | null;
  readonly coOwners: readonly number[];
  /** Rank per eligible rep index (only filled in full explain mode). */
  readonly ranks: Map<number, CandidateRank>;
  readonly methodState: MethodStateTrace;
  readonly tieBreak: TieBreak;
  readonly poolReason: PoolReason | null;
}

export const NO_TIE: TieBreak = { kind: 'none' };

/** Picks one of the tied reps with the lead's own seeded RNG; ties are listed in id order first. */
export function breakTie(
  ctx: EngineContext,
  tied: readonly number[],
  leadSeed: number,
): { index: number; tieBreak: TieBreak } {
  const first = tied[0];
  if (first === undefined) throw new Error('breakTie needs at least one rep');
  if (tied.length === 1) return { index: first, tieBreak: NO_TIE };
  const rng = createRng(leadSeed);
  const index = tied[Math.floor(rng() * tied.length)] ?? first;
  return {
    index,
    tieBreak: {
      kind: 'seeded-random',
      seed: leadSeed,
      among: tied.map((i) => ctx.repIds[i] as RepId),
      picked: ctx.repIds[index] as RepId,
    },
  };
}

/** Compares open/capacity ratios exactly (cross-multiplied integers). Negative when a is less loaded. */
export function compareLoad(ctx: EngineContext, info: RuleInfo, a: number, b: number): number {
  return (ctx.open[a] ?? 0) * capacityOf(ctx, info, b) - (ctx.open[b] ?? 0) * capacityOf(ctx, info, a);
}

export function leastLoaded(ctx: EngineContext, info: RuleInfo, among: readonly number[]): number[] {
  let best: number[] = [];
  for (const i of among) {
    const first = best[0];
    if (first === undefined) {
      best = [i];
      continue;
    }
    const cmp = compareLoad(ctx, info, i, first);
    if (cmp < 0) best = [i];
    else if (cmp === 0) best.push(i);
  }
  return best;
}

export function loadNumbers(
  ctx: EngineContext,
  info: RuleInfo,
  i: number,
): { open: number; capacity: number; ratio: number } {
  const open = ctx.open[i] ?? 0;
  const capacity = capacityOf(ctx, info, i);
  return { open, capacity, ratio: capacity > 0 ? open / capacity : open };
}
