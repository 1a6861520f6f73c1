// Weighted distribution: smooth weighted round-robin over rep weights or learned conversion rates.
import type { DistributionLead, DistributionRule } from './types';
import type { CandidateRank } from './trace-types';
import type { EngineContext } from './engine-context';
import { learnedRate } from './rep-fit';
import { breakTie } from './pick-helpers';
import type { PickInput, PickResult } from './pick-helpers';

/**
 * Weight of rep i: its configured weight, or its conversion rate (floored) in thousandths so credits stay integers.
 * The rate is the learned one for the lead's grade (shrunk toward the team's) when the context has a fit model —
 * equal for everyone while it has too little history — else the raw `conversionStats`.
 */
function weightOf(ctx: EngineContext, rule: DistributionRule, i: number, lead: DistributionLead): number {
  const rep = ctx.reps[i];
  if (rule.options?.weightSource !== 'conversion') return Math.max(1, Math.round(rep?.weight ?? 1));
  const floor = rule.options.conversionFloor ?? 0.05;
  if (ctx.repFit !== undefined) {
    const learned = learnedRate(ctx.repFit, ctx.repIds[i] as string, lead.grade);
    return learned === null ? 1000 : Math.max(1, Math.round(Math.max(floor, Math.min(1, learned)) * 1000));
  }
  const stat = ctx.conversionStats?.[ctx.repIds[i] as string];
  const rate = stat !== undefined && stat.assigned > 0 ? stat.won / stat.assigned : 0;
  return Math.max(1, Math.round(Math.max(floor, Math.min(1, rate)) * 1000));
}

// Smooth weighted round-robin (as in nginx): deterministic, and over any run each rep's share stays within one lead of its weight share.
export function pickWeighted({ ctx, rule, lead, eligible, leadSeed }: PickInput): PickResult {
  let credits = ctx.credits.get(rule.id);
  if (credits === undefined) {
    credits = new Map();
    ctx.credits.set(rule.id, credits);
  }
  let total = 0;
  let best: number[] = [];
  let bestCredit = -Infinity;
  const weights: Record<string, number> = {};
  for (const i of eligible) {
    const id = ctx.repIds[i] as string;
    const weight = weightOf(ctx, rule, i, lead);
    weights[id] = weight;
    total += weight;
    const credit = (credits.get(id) ?? 0) + weight;
    credits.set(id, credit);
    if (credit > bestCredit) {
      bestCredit = credit;
      best = [i];
    } else if (credit === bestCredit) best.push(i);
  }
  const { index, tieBreak } = breakTie(ctx, best, leadSeed);
  const ranks = new Map<number, CandidateRank>();
  if (ctx.isFullExplain) {
    for (const i of eligible) {
      const id = ctx.repIds[i] as string;
      const weight = weights[id] ?? 0;
      ranks.set(i, { method: 'weighted', weight, share: weight / total, credit: credits.get(id) ?? 0 });
    }
  }
  const chosenId = ctx.repIds[index] as string;
  credits.set(chosenId, (credits.get(chosenId) ?? 0) - total);
  const creditsAfter: Record<string, number> = {};
  if (ctx.isFullExplain)
    for (const i of eligible)
      creditsAfter[ctx.repIds[i] as string] = credits.get(ctx.repIds[i] as string) ?? 0;
  return {
    repIndex: index,
    coOwners: [],
    ranks,
    methodState: {
      method: 'weighted',
      source: rule.options?.weightSource ?? 'rep',
      weights,
      creditsAfter,
      ...(rule.options?.weightSource === 'conversion' && ctx.repFit !== undefined
        ? { fitStatus: ctx.repFit.status }
        : {}),
    },
    tieBreak,
    poolReason: null,
  };
}
