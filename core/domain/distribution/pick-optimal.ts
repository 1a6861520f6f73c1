// The optimizer for one lead on its own (single decisions and replays): the best expected conversion with room.
import type { CandidateRank } from './trace-types';
import type { OptimalReason } from './optimizer-types';
import { fitOf } from './engine-context';
import { leadProbability } from './conditions';
import { fitBreakdown } from './rep-fit';
import { breakTie, leastLoaded } from './pick-helpers';
import type { PickInput, PickResult } from './pick-helpers';

// One lead on its own: the best expected conversion now, least loaded on ties (batches solve jointly in optimal.ts).
export function pickOptimalSingle({ ctx, info, lead, eligible, leadSeed }: PickInput): PickResult {
  let bestValue = -Infinity;
  let best: number[] = [];
  const ranks = new Map<number, CandidateRank>();
  const probability = leadProbability(lead);
  for (const i of eligible) {
    const fit = fitOf(ctx, i, lead);
    const value = probability * fit;
    if (ctx.isFullExplain) ranks.set(i, { method: 'optimal', probability, fit, value });
    if (value > bestValue + 1e-12) {
      bestValue = value;
      best = [i];
    } else if (Math.abs(value - bestValue) <= 1e-12) best.push(i);
  }
  const { index, tieBreak } = breakTie(ctx, leastLoaded(ctx, info, best), leadSeed);
  const strongest = fitBreakdown(ctx.repFit, ctx.repIds[index] as string, lead).strongest;
  const fit = fitOf(ctx, index, lead);
  const reason: OptimalReason =
    best.length === eligible.length
      ? { kind: 'equal-fit', fitStatus: ctx.repFit?.status ?? (ctx.fit === undefined ? 'none' : 'table') }
      : strongest === null
        ? { kind: 'best-fit', fit }
        : { kind: 'best-fit', fit, ...strongest };
  return {
    repIndex: index,
    coOwners: [],
    ranks,
    methodState: {
      method: 'optimal',
      mode: 'single',
      batchSize: 1,
      capacity: null,
      share: null,
      reason,
      expectedConversions: bestValue,
      roundRobinExpectedConversions: bestValue,
    },
    tieBreak,
    poolReason: null,
  };
}
