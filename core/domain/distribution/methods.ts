// The per-lead methods: each picks among eligible reps (already filtered by every constraint) and says how it ranked them.
import type { Grade } from '../funnel';
import type { RepId } from '../ids';
import { REP_TIERS } from '../rep';
import type { RepTier } from '../rep';
import type { DistributionLead, DistributionRule } from './types';
import type { CandidateRank, MethodStateTrace } from './trace-types';
import type { EngineContext } from './engine-context';
import { fitOf, foldText } from './engine-context';
import { NO_TIE, breakTie, compareLoad, leastLoaded, loadNumbers } from './pick-helpers';
import type { PickInput, PickResult } from './pick-helpers';
import { pickWeighted } from './pick-weighted';
import { pickOptimalSingle } from './pick-optimal';

export const DEFAULT_TIER_MAP: Readonly<Record<Grade | 'ungraded', RepTier>> = {
  A: 'senior',
  B: 'mid',
  C: 'junior',
  D: 'junior',
  ungraded: 'junior',
};

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
function tierLadderOrder(wanted: RepTier): RepTier[] {
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
