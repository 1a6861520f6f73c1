// The per-lead methods: each picks among eligible reps (already filtered by every constraint) and says how it ranked them.
import { createRng } from '../clock';
import type { Grade } from '../funnel';
import type { RepId } from '../ids';
import { REP_TIERS } from '../rep';
import type { RepTier } from '../rep';
import type {
  CandidateRank,
  DistributionLead,
  DistributionRule,
  MethodStateTrace,
  PoolReason,
  TieBreak,
} from './types';
import type { OptimalReason } from './optimizer-types';
import type { EngineContext, RuleInfo } from './engine-context';
import { capacityOf, fitOf, foldText } from './engine-context';
import { leadProbability } from './conditions';
import { fitBreakdown, learnedRate } from './rep-fit';

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

export const DEFAULT_TIER_MAP: Readonly<Record<Grade | 'ungraded', RepTier>> = {
  A: 'senior',
  B: 'mid',
  C: 'junior',
  D: 'junior',
  ungraded: 'junior',
};

const NO_TIE: TieBreak = { kind: 'none' };

/** Picks one of the tied reps with the lead's own seeded RNG; ties are listed in id order first. */
function breakTie(
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
function compareLoad(ctx: EngineContext, info: RuleInfo, a: number, b: number): number {
  return (ctx.open[a] ?? 0) * capacityOf(ctx, info, b) - (ctx.open[b] ?? 0) * capacityOf(ctx, info, a);
}

function leastLoaded(ctx: EngineContext, info: RuleInfo, among: readonly number[]): number[] {
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

function loadNumbers(
  ctx: EngineContext,
  info: RuleInfo,
  i: number,
): { open: number; capacity: number; ratio: number } {
  const open = ctx.open[i] ?? 0;
  const capacity = capacityOf(ctx, info, i);
  return { open, capacity, ratio: capacity > 0 ? open / capacity : open };
}

function pickRoundRobin({ ctx, rule, eligible, target }: PickInput): PickResult {
  const pointerBefore = ctx.pointers.get(rule.id) ?? null;
  const eligibleSet = new Set(eligible);
  // Start just after the pointer's id in id order, so a removed or renamed rep never resets the rotation.
  let start = 0;
  if (pointerBefore !== null) {
    start = target.findIndex((i) => (ctx.repIds[i] as string) > pointerBefore);
    if (start < 0) start = 0;
  }
  const skipped: RepId[] = [];
  const ranks = new Map<number, CandidateRank>();
  let chosen: number | null = null;
  let position = 0;
  for (let step = 0; step < target.length; step += 1) {
    const i = target[(start + step) % target.length];
    if (i === undefined) continue;
    if (!eligibleSet.has(i)) {
      if (chosen === null) skipped.push(ctx.repIds[i] as RepId);
      continue;
    }
    position += 1;
    if (chosen === null) chosen = i;
    if (ctx.isFullExplain) ranks.set(i, { method: 'round-robin', position, of: eligible.length });
    else if (chosen !== null) break;
  }
  const pointerAfter = chosen === null ? pointerBefore : (ctx.repIds[chosen] as RepId);
  if (pointerAfter !== null) ctx.pointers.set(rule.id, pointerAfter);
  return {
    repIndex: chosen,
    coOwners: [],
    ranks,
    methodState: { method: 'round-robin', pointerBefore, pointerAfter, skipped },
    tieBreak: NO_TIE,
    poolReason: null,
  };
}

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
function pickWeighted({ ctx, rule, lead, eligible, leadSeed }: PickInput): PickResult {
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

function pickLoadBalanced({ ctx, info, eligible, leadSeed }: PickInput): PickResult {
  const { index, tieBreak } = breakTie(ctx, leastLoaded(ctx, info, eligible), leadSeed);
  const ranks = new Map<number, CandidateRank>();
  if (ctx.isFullExplain)
    for (const i of eligible) ranks.set(i, { method: 'load-balanced', ...loadNumbers(ctx, info, i) });
  return {
    repIndex: index,
    coOwners: [],
    ranks,
    methodState: { method: 'load-balanced', eligible: eligible.length },
    tieBreak,
    poolReason: null,
  };
}

function leadTags(lead: DistributionLead, rule: DistributionRule): string[] {
  const fields = rule.options?.skillFields ?? ['industry', 'product'];
  const tags: string[] = [];
  for (const field of fields) {
    const value = lead[field];
    if (value !== null && value.trim() !== '') {
      const tag = foldText(value);
      if (!tags.includes(tag)) tags.push(tag);
    }
  }
  return tags;
}

function overlapOf(ctx: EngineContext, i: number, tags: readonly string[]): string[] {
  const skills = ctx.foldedSkills[i];
  return skills === undefined ? [] : tags.filter((tag) => skills.has(tag));
}

function pickSkillMatch({ ctx, rule, info, lead, eligible, leadSeed }: PickInput): PickResult {
  const tags = leadTags(lead, rule);
  const overlaps = new Map<number, string[]>();
  const fits = new Map<number, number>();
  let bestOverlap = 0;
  for (const i of eligible) {
    const matched = overlapOf(ctx, i, tags);
    overlaps.set(i, matched);
    if (ctx.repFit !== undefined) fits.set(i, fitOf(ctx, i, lead));
    if (matched.length > bestOverlap) bestOverlap = matched.length;
  }
  const fellBack = bestOverlap === 0;
  const ranks = new Map<number, CandidateRank>();
  if (ctx.isFullExplain) {
    for (const i of eligible) {
      const matched = overlaps.get(i) ?? [];
      ranks.set(i, {
        method: 'skill-match',
        overlap: matched.length,
        matched,
        ...loadNumbers(ctx, info, i),
        ...(fits.has(i) ? { fit: fits.get(i) } : {}),
      });
    }
  }
  const methodState: MethodStateTrace = {
    method: 'skill-match',
    leadTags: tags,
    fellBack,
  };
  if (fellBack && rule.options?.skillFallback === 'pool') {
    return {
      repIndex: null,
      coOwners: [],
      ranks,
      methodState,
      tieBreak: NO_TIE,
      poolReason: 'no-skill-match',
    };
  }
  let best = eligible.filter((i) => (overlaps.get(i)?.length ?? 0) === bestOverlap);
  // Learned fit narrows equally skilled reps to those within 10% of the best fit; load decides among them.
  if (ctx.repFit?.status === 'learned' && best.length > 1) {
    const top = Math.max(...best.map((i) => fits.get(i) ?? 1));
    best = best.filter((i) => (fits.get(i) ?? 1) >= top * 0.9);
  }
  const { index, tieBreak } = breakTie(ctx, leastLoaded(ctx, info, best), leadSeed);
  return { repIndex: index, coOwners: [], ranks, methodState, tieBreak, poolReason: null };
}

/** Tiers to try for a wanted tier: itself, then nearer neighbours first, the more senior first when equally near. */
export function tierLadderOrder(wanted: RepTier): RepTier[] {
  const w = REP_TIERS.indexOf(wanted);
  return [...REP_TIERS].sort((a, b) => {
    const da = Math.abs(REP_TIERS.indexOf(a) - w);
    const db = Math.abs(REP_TIERS.indexOf(b) - w);
    return da !== db ? da - db : REP_TIERS.indexOf(a) - REP_TIERS.indexOf(b);
  });
}

function pickTierLadder({ ctx, rule, info, lead, eligible, leadSeed }: PickInput): PickResult {
  const map = { ...DEFAULT_TIER_MAP, ...(rule.options?.tierMap ?? {}) };
  const wanted = map[lead.grade ?? 'ungraded'];
  let usedTier: RepTier | null = null;
  let pool: number[] = [];
  for (const tier of tierLadderOrder(wanted)) {
    pool = eligible.filter((i) => ctx.reps[i]?.tier === tier);
    if (pool.length > 0) {
      usedTier = tier;
      break;
    }
  }
  const ranks = new Map<number, CandidateRank>();
  if (ctx.isFullExplain) {
    for (const i of eligible)
      ranks.set(i, {
        method: 'tier-ladder',
        tier: ctx.reps[i]?.tier ?? 'junior',
        ...loadNumbers(ctx, info, i),
      });
  }
  const { index, tieBreak } = breakTie(ctx, leastLoaded(ctx, info, pool), leadSeed);
  return {
    repIndex: index,
    coOwners: [],
    ranks,
    methodState: {
      method: 'tier-ladder',
      wantedTier: wanted,
      usedTier,
      fellBack: usedTier !== wanted,
      tierSize: pool.length,
    },
    tieBreak,
    poolReason: null,
  };
}

const TIER_RANK: Readonly<Record<RepTier, number>> = { senior: 0, mid: 1, junior: 2 };

function pickTeam({ ctx, rule, info, lead, eligible, leadSeed }: PickInput): PickResult {
  const tags = leadTags(lead, {
    ...rule,
    options: { ...rule.options, skillFields: rule.options?.skillFields ?? ['industry', 'product'] },
  });
  const overlap = new Map<number, number>();
  for (const i of eligible) overlap.set(i, overlapOf(ctx, i, tags).length);
  const top = Math.max(...eligible.map((i) => overlap.get(i) ?? 0));
  const best = eligible.filter((i) => (overlap.get(i) ?? 0) === top);
  const { index: primary, tieBreak } = breakTie(ctx, leastLoaded(ctx, info, best), leadSeed);
  let coOwners: number[];
  const fixed = rule.options?.coOwnerRepIds;
  if (fixed !== undefined && fixed.length > 0) {
    const eligibleSet = new Set(eligible);
    coOwners = fixed
      .map((id) => ctx.indexById.get(id))
      .filter((i): i is number => i !== undefined && i !== primary && eligibleSet.has(i))
      .sort((a, b) => a - b);
  } else {
    const count = rule.options?.coOwnerCount ?? 1;
    coOwners = eligible
      .filter((i) => i !== primary)
      .sort(
        (a, b) =>
          (overlap.get(b) ?? 0) - (overlap.get(a) ?? 0) ||
          TIER_RANK[ctx.reps[a]?.tier ?? 'junior'] - TIER_RANK[ctx.reps[b]?.tier ?? 'junior'] ||
          compareLoad(ctx, info, a, b) ||
          a - b,
      )
      .slice(0, count);
  }
  const ranks = new Map<number, CandidateRank>();
  if (ctx.isFullExplain)
    for (const i of eligible)
      ranks.set(i, { method: 'team', overlap: overlap.get(i) ?? 0, ...loadNumbers(ctx, info, i) });
  return {
    repIndex: primary,
    coOwners,
    ranks,
    methodState: { method: 'team', eligible: eligible.length },
    tieBreak,
    poolReason: null,
  };
}

/** Expected conversions of giving the lead to rep i: probability × fit. */
export function expectedValue(ctx: EngineContext, lead: DistributionLead, i: number): number {
  return leadProbability(lead) * fitOf(ctx, i, lead);
}

// One lead on its own: the best expected conversion now, least loaded on ties (batches solve jointly in optimal.ts).
function pickOptimalSingle({ ctx, info, lead, eligible, leadSeed }: PickInput): PickResult {
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

/** Runs the rule's method for one lead. public-pool and manual never reach here. */
export function pickRep(input: PickInput): PickResult {
  switch (input.rule.method) {
    case 'round-robin':
      return pickRoundRobin(input);
    case 'weighted':
      return pickWeighted(input);
    case 'skill-match':
      return pickSkillMatch(input);
    case 'tier-ladder':
      return pickTierLadder(input);
    case 'team':
      return pickTeam(input);
    case 'optimal':
      return pickOptimalSingle(input);
    case 'load-balanced':
    default:
      return pickLoadBalanced(input);
  }
}
