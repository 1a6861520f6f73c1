// The engine's working memory for one run: reps sorted by id, parsed hours, mutable loads and method state.
import type { RepId } from '../ids';
import { isOnLeave } from '../rep';
import type { Rep } from '../rep';
import type {
  AffinityLookup,
  ConversionStat,
  DistributionContext,
  DistributionLead,
  DistributionRule,
  DistributionState,
  ExclusionReason,
  WorkingHours,
} from './types';
import { DEFAULT_RECYCLE_COOLDOWN_MS, type HoldingCap } from './types';
import { fitFor } from './rep-fit';
import type { RepFitModel } from './rep-fit';
import { parseClockTime, toLocalTime } from './local-time';
import type { LocalTime } from './local-time';
import { AwayLoads } from './away-load';

export interface ParsedHours {
  readonly days: ReadonlySet<number>;
  readonly from: number;
  readonly to: number;
}

export interface RuleInfo {
  /** Rep indexes in the target, ascending (= id order); null for `territory`, which depends on the lead. */
  readonly staticTarget: readonly number[] | null;
  readonly targetMask: Uint8Array | null;
  /** Capacity assumed for uncapped reps in load ratios. */
  readonly defaultCapacity: number;
}

export interface EngineContext {
  readonly reps: readonly Rep[];
  readonly repIds: readonly RepId[];
  readonly indexById: ReadonlyMap<string, number>;
  readonly foldedSkills: readonly ReadonlySet<string>[];
  readonly foldedRegions: readonly ReadonlySet<string>[];
  readonly hours: readonly (ParsedHours | null)[];
  readonly rules: readonly DistributionRule[];
  readonly ruleInfo: ReadonlyMap<DistributionRule, RuleInfo>;
  /** True when the rules place existing-customer matching themselves (an `existing-customer` step). */
  readonly hasAffinityStep: boolean;
  readonly utcOffsetMinutes: number;
  readonly isFullExplain: boolean;
  readonly seed: number;
  readonly affinity: AffinityLookup | undefined;
  readonly conversionStats: Readonly<Record<string, ConversionStat>> | undefined;
  readonly fit: Readonly<Record<string, Readonly<Record<string, number>>>> | undefined;
  readonly defaultFit: number;
  readonly repFit: RepFitModel | undefined;
  readonly recycleCooldownMs: number;
  /** The pool holding cap binding rep i, or null. */
  readonly holdingCaps: readonly (HoldingCap | null)[];
  // Mutable run state.
  now: number;
  nowLocal: LocalTime;
  day: string;
  /** Per rep index: availability exclusion for `day` (inactive, not started yet, out of office, leave) or null. */
  availability: (ExclusionReason | null)[];
  /** Per rep index: working hours exclusion at `now`, computed lazily (undefined = not yet). */
  hoursStatus: (ExclusionReason | null | undefined)[];
  readonly open: number[];
  readonly today: number[];
  readonly extraOpen: Record<string, number>;
  readonly extraToday: Record<string, number>;
  readonly pointers: Map<string, RepId>;
  readonly credits: Map<string, Map<string, number>>;
  /** Open leads by day and each rep's away load (time away is not spare capacity), refreshed each new day. */
  readonly away: AwayLoads;
  /** True when the input state carried openByDay: the exported state carries it too. */
  readonly exportsOpenByDay: boolean;
}

export function foldText(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function parseHours(hours: WorkingHours | null | undefined): ParsedHours | null {
  if (!hours) return null;
  const from = parseClockTime(hours.from);
  const to = parseClockTime(hours.to);
  if (from === null || to === null) return null;
  return { days: new Set(hours.days), from, to };
}

function buildRuleInfo(
  rule: DistributionRule,
  reps: readonly Rep[],
  folded: readonly ReadonlySet<string>[],
  regions: readonly ReadonlySet<string>[],
): RuleInfo {
  const target = rule.target;
  let members: number[] | null;
  switch (target.kind) {
    case 'everyone':
      members = reps.map((_, i) => i);
      break;
    case 'reps': {
      const wanted = new Set<string>(target.repIds);
      members = reps.flatMap((rep, i) => (wanted.has(rep.id) ? [i] : []));
      break;
    }
    case 'tier': {
      const wanted = new Set<string>(target.tiers);
      members = reps.flatMap((rep, i) => (wanted.has(rep.tier) ? [i] : []));
      break;
    }
    case 'skill': {
      const tags = target.tags.map(foldText);
      members = reps.flatMap((_, i) => (tags.some((tag) => folded[i]?.has(tag)) ? [i] : []));
      break;
    }
    case 'region': {
      const wanted = target.regions.map(foldText);
      members = reps.flatMap((_, i) => (wanted.some((region) => regions[i]?.has(region)) ? [i] : []));
      break;
    }
    default:
      members = null;
  }
  let mask: Uint8Array | null = null;
  if (members !== null) {
    mask = new Uint8Array(reps.length);
    for (const i of members) mask[i] = 1;
  }
  let largestCap = 0;
  for (let i = 0; i < reps.length; i += 1) {
    if (mask !== null && mask[i] !== 1) continue;
    const cap = reps[i]?.capOpen ?? null;
    if (cap !== null && cap > largestCap) largestCap = cap;
  }
  return {
    staticTarget: members,
    targetMask: mask,
    defaultCapacity: rule.options?.defaultCapacity ?? (largestCap > 0 ? largestCap : 1),
  };
}

interface ContextInput extends DistributionContext {
  readonly reps: readonly Rep[];
  readonly rules: readonly DistributionRule[];
  readonly state?: DistributionState | undefined;
  readonly now: number;
  readonly seed: number;
  readonly utcOffsetMinutes: number;
  readonly isFullExplain: boolean;
}

/** The part of a context that depends only on the team and the rules: built once per (reps, rules) pair. */
interface TeamShape {
  readonly reps: readonly Rep[];
  readonly repIds: readonly RepId[];
  readonly indexById: ReadonlyMap<string, number>;
  readonly foldedSkills: readonly ReadonlySet<string>[];
  readonly foldedRegions: readonly ReadonlySet<string>[];
  readonly ruleInfo: ReadonlyMap<DistributionRule, RuleInfo>;
}

/**
 * Shapes already built, by the reps array, then the rules array. Callers pass readonly arrays, and a caller that
 * rereads its team gets new arrays (so a new shape); the shape is a pure function of both, so reusing it changes
 * no decision.
 */
const shapeCache = new WeakMap<readonly Rep[], WeakMap<readonly DistributionRule[], TeamShape>>();

function buildTeamShape(inputReps: readonly Rep[], rules: readonly DistributionRule[]): TeamShape {
  const reps = [...inputReps].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const indexById = new Map<string, number>();
  reps.forEach((rep, i) => indexById.set(rep.id, i));
  const foldedSkills = reps.map((rep) => new Set(rep.skills.map(foldText)));
  const foldedRegions = reps.map((rep) => new Set(rep.regions.map(foldText)));
  const ruleInfo = new Map<DistributionRule, RuleInfo>();
  for (const rule of rules) ruleInfo.set(rule, buildRuleInfo(rule, reps, foldedSkills, foldedRegions));
  return { reps, repIds: reps.map((rep) => rep.id), indexById, foldedSkills, foldedRegions, ruleInfo };
}

function teamShapeOf(reps: readonly Rep[], rules: readonly DistributionRule[]): TeamShape {
  let byRules = shapeCache.get(reps);
  if (byRules === undefined) {
    byRules = new WeakMap();
    shapeCache.set(reps, byRules);
  }
  let shape = byRules.get(rules);
  if (shape === undefined) {
    shape = buildTeamShape(reps, rules);
    byRules.set(rules, shape);
  }
  return shape;
}

/**
 * Builds the run context; reps are sorted by id so caller order never changes an allocation. The team's shape
 * (sorted reps, folded skills and regions, rule targets) is reused while the same reps and rules arrays come back.
 */
export function createEngineContext(input: ContextInput): EngineContext {
  const { reps, repIds, indexById, foldedSkills, foldedRegions, ruleInfo } = teamShapeOf(
    input.reps,
    input.rules,
  );
  const byRep = input.workingHours?.byRep ?? {};
  const teamDefault = input.workingHours?.teamDefault ?? null;
  const hours = reps.map((rep) => parseHours(byRep[rep.id] ?? teamDefault));

  const state = input.state;
  const nowLocal = toLocalTime(input.now, input.utcOffsetMinutes);
  const keepToday = state?.day === undefined || state.day === null || state.day === nowLocal.date;
  const open = reps.map((rep) => state?.openLoads[rep.id] ?? 0);
  const today = reps.map((rep) => (keepToday ? (state?.assignedToday[rep.id] ?? 0) : 0));
  const extraOpen: Record<string, number> = {};
  const extraToday: Record<string, number> = {};
  for (const [id, value] of Object.entries(state?.openLoads ?? {}))
    if (!indexById.has(id)) extraOpen[id] = value;
  if (keepToday)
    for (const [id, value] of Object.entries(state?.assignedToday ?? {}))
      if (!indexById.has(id)) extraToday[id] = value;
  const pointers = new Map<string, RepId>(Object.entries(state?.pointers ?? {}));
  const credits = new Map<string, Map<string, number>>();
  for (const [ruleId, perRep] of Object.entries(state?.credits ?? {}))
    credits.set(ruleId, new Map(Object.entries(perRep)));

  const ctx: EngineContext = {
    reps,
    repIds,
    indexById,
    foldedSkills,
    foldedRegions,
    hours,
    rules: input.rules,
    ruleInfo,
    hasAffinityStep: input.rules.some((rule) => rule.method === 'existing-customer'),
    utcOffsetMinutes: input.utcOffsetMinutes,
    isFullExplain: input.isFullExplain,
    seed: input.seed,
    affinity: input.affinity,
    conversionStats: input.conversionStats,
    fit: input.fit,
    defaultFit: input.defaultFit ?? 1,
    repFit: input.repFit,
    recycleCooldownMs: Math.max(0, input.recycleCooldownMs ?? DEFAULT_RECYCLE_COOLDOWN_MS),
    holdingCaps: reps.map((rep) => input.holdingCaps?.[rep.id] ?? null),
    now: input.now,
    nowLocal,
    day: nowLocal.date,
    availability: [],
    hoursStatus: [],
    open,
    today,
    extraOpen,
    extraToday,
    pointers,
    credits,
    away: new AwayLoads(reps, state?.openByDay),
    exportsOpenByDay: state?.openByDay !== undefined,
  };
  refreshAvailability(ctx);
  return ctx;
}

function refreshAvailability(ctx: EngineContext): void {
  ctx.availability = ctx.reps.map((rep): ExclusionReason | null => {
    if (!rep.isActive) return { code: 'inactive' };
    // Before the start date (the ledger and the away loads count those days as time away too: isPresentOn).
    if (ctx.day < rep.joinedOn) return { code: 'not-started', date: rep.joinedOn };
    if (rep.isOutOfOffice) return { code: 'out-of-office' };
    if (isOnLeave(rep, ctx.day)) return { code: 'on-leave', date: ctx.day };
    return null;
  });
  ctx.hoursStatus = new Array<ExclusionReason | null | undefined>(ctx.reps.length);
  ctx.away.refresh(ctx.day);
}

/** Moves the run's clock forward (replays): a new local day restarts daily counts and availability. */
export function advanceClock(ctx: EngineContext, now: number): void {
  if (now === ctx.now) return;
  ctx.now = now;
  ctx.nowLocal = toLocalTime(now, ctx.utcOffsetMinutes);
  if (ctx.nowLocal.date !== ctx.day) {
    ctx.day = ctx.nowLocal.date;
    ctx.today.fill(0);
    for (const key of Object.keys(ctx.extraToday)) delete ctx.extraToday[key];
    refreshAvailability(ctx);
  } else {
    ctx.hoursStatus = new Array<ExclusionReason | null | undefined>(ctx.reps.length);
  }
}

/** Records one more open lead and one more lead today for rep i. */
export function chargeRep(ctx: EngineContext, i: number): void {
  ctx.open[i] = (ctx.open[i] ?? 0) + 1;
  ctx.today[i] = (ctx.today[i] ?? 0) + 1;
  ctx.away.charge();
}

/** One open lead of rep i, handed out on local day number `day`, closed or left them (replays). */
export function releaseRep(ctx: EngineContext, i: number, day: number): void {
  ctx.open[i] = Math.max(0, (ctx.open[i] ?? 0) - 1);
  ctx.away.release(day);
}

/** The run's state as plain JSON. */
export function exportState(ctx: EngineContext): DistributionState {
  const openLoads: Record<string, number> = { ...ctx.extraOpen };
  const assignedToday: Record<string, number> = { ...ctx.extraToday };
  ctx.repIds.forEach((id, i) => {
    openLoads[id] = ctx.open[i] ?? 0;
    assignedToday[id] = ctx.today[i] ?? 0;
  });
  const pointers: Record<string, RepId> = {};
  for (const key of [...ctx.pointers.keys()].sort()) {
    const value = ctx.pointers.get(key);
    if (value !== undefined) pointers[key] = value;
  }
  const credits: Record<string, Record<string, number>> = {};
  for (const key of [...ctx.credits.keys()].sort()) {
    const perRep: Record<string, number> = {};
    const map = ctx.credits.get(key);
    if (map) for (const id of [...map.keys()].sort()) perRep[id] = map.get(id) ?? 0;
    credits[key] = perRep;
  }
  const state = { pointers, credits, openLoads, assignedToday, day: ctx.day };
  return ctx.exportsOpenByDay ? { ...state, openByDay: ctx.away.toJson() } : state;
}

/** A rep's capacity for load ratios: its open cap, else the rule's default. */
export function capacityOf(ctx: EngineContext, info: RuleInfo, i: number): number {
  return ctx.reps[i]?.capOpen ?? info.defaultCapacity;
}

/**
 * Fit of rep i for a lead (multiplier on its conversion probability): learned from history when the context has a
 * fit model (1 for everyone when it has too little history), else the given per-industry table, else the default.
 */
export function fitOf(ctx: EngineContext, i: number, lead: DistributionLead): number {
  const id = ctx.repIds[i];
  if (id === undefined) return ctx.defaultFit;
  if (ctx.repFit !== undefined) return fitFor(ctx.repFit, id, lead);
  if (ctx.fit === undefined) return ctx.defaultFit;
  const row = ctx.fit[id];
  const industry = lead.industry;
  if (row === undefined || industry === null) return ctx.defaultFit;
  const value = row[industry] ?? row[foldText(industry)];
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : ctx.defaultFit;
}
