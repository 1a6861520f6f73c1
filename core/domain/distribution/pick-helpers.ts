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

/** Ties within this much of a lead's load count as equal when away loads (fractions) take part. */
const LOAD_EPSILON = 1e-9;

/**
 * Compares load ratios, negative when a is less loaded: (open + away load) ÷ capacity (away-load.ts). While nobody
 * carries an away load, exactly, by cross-multiplied integers.
 */
export function compareLoad(ctx: EngineContext, info: RuleInfo, a: number, b: number): number {
  const away = ctx.away.loads;
  if (away === null)
    return (ctx.open[a] ?? 0) * capacityOf(ctx, info, b) - (ctx.open[b] ?? 0) * capacityOf(ctx, info, a);
  const diff =
    ((ctx.open[a] ?? 0) + (away[a] ?? 0)) * capacityOf(ctx, info, b) -
    ((ctx.open[b] ?? 0) + (away[b] ?? 0)) * capacityOf(ctx, info, a);
  return Math.abs(diff) < LOAD_EPSILON ? 0 : diff;
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

/** A rep's load for explanations: open leads, capacity, the ratio compared, and the away load when there is one. */
export function loadNumbers(
  ctx: EngineContext,
  info: RuleInfo,
  i: number,
): { open: number; capacity: number; ratio: number; away?: number } {
  const open = ctx.open[i] ?? 0;
  const capacity = capacityOf(ctx, info, i);
  const away = ctx.away.loads?.[i] ?? 0;
  const load = open + away;
  const ratio = capacity > 0 ? load / capacity : load;
  return away > 0 ? { open, capacity, ratio, away: Math.round(away * 100) / 100 } : { open, capacity, ratio };
}
