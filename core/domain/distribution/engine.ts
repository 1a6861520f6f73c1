// The distribution pipeline: match a rule, honour affinity and every constraint, run the method, explain the decision.
import type { RepId } from '../ids';
import type {
  AffinityTrace,
  Assignment,
  CandidateRank,
  CandidateTrace,
  DistributionInput,
  DistributionLead,
  DistributionMethod,
  DistributionResult,
  DistributionRule,
  DistributionState,
  ExclusionCode,
  ExclusionReason,
  Explanation,
  MethodStateTrace,
  OptimizationReport,
  Outcome,
  PoolReason,
  PreviousOwner,
  RuleTrace,
  SingleLeadInput,
  SkippedRule,
  TieBreak,
} from './types';
import type { EngineContext, RuleInfo } from './engine-context';
import {
  baseExclusion,
  capExclusion,
  chargeRep,
  createEngineContext,
  exportState,
  fitOf,
  foldText,
  isInTarget,
} from './engine-context';
import { leadProbability } from './conditions';
import { checkAffinity, findAffinityOwner, isAffinityStep, matchWithSteps } from './affinity-step';
import type { AffinityOwner } from './affinity-step';
import { deriveLeadSeed, toLocalTime } from './local-time';
import { pickRep } from './methods';
import { planOptimalBatch } from './optimal';
import type { BatchItem } from './optimal';

/** Sorts leads into arrival order: createdAt, then id. Stable and independent of the caller's order. */
export function sortByArrival<T extends Pick<DistributionLead, 'createdAt' | 'id'>>(
  leads: readonly T[],
): T[] {
  return [...leads].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface Statuses {
  /** Per rep index: why it is out, or null when eligible. */
  readonly exclusions: (ExclusionReason | null)[];
  readonly eligible: number[];
  readonly target: number[];
  readonly counts: Partial<Record<ExclusionCode, number>>;
}

function computeStatuses(
  ctx: EngineContext,
  rule: DistributionRule,
  info: RuleInfo,
  lead: DistributionLead,
  withCaps: boolean,
): Statuses {
  const respectHours = rule.respectWorkingHours === true;
  const exclusions: (ExclusionReason | null)[] = new Array<ExclusionReason | null>(ctx.reps.length);
  const eligible: number[] = [];
  const target: number[] = [];
  const counts: Partial<Record<ExclusionCode, number>> = {};
  const region = info.targetMask === null && lead.region !== null ? foldText(lead.region) : '';
  for (let i = 0; i < ctx.reps.length; i += 1) {
    let exclusion: ExclusionReason | null;
    if (!isInTarget(ctx, info, i, region)) exclusion = NOT_IN_TARGET;
    else {
      target.push(i);
      exclusion = baseExclusion(ctx, i, lead, respectHours, withCaps);
    }
    exclusions[i] = exclusion;
    if (exclusion === null) eligible.push(i);
    else counts[exclusion.code] = (counts[exclusion.code] ?? 0) + 1;
  }
  return { exclusions, eligible, target, counts };
}

const NOT_IN_TARGET: ExclusionReason = { code: 'not-in-target' };
const NO_TIE: TieBreak = { kind: 'none' };

function candidateTraces(
  ctx: EngineContext,
  statuses: Statuses | null,
  ranks: ReadonlyMap<number, CandidateRank> | null,
): CandidateTrace[] {
  if (!ctx.isFullExplain || statuses === null) return [];
  return ctx.repIds.map((repId, i) => {
    const exclusion = statuses.exclusions[i] ?? null;
    if (exclusion !== null) return { repId, eligible: false, exclusion };
    const rank = ranks?.get(i);
    return rank === undefined ? { repId, eligible: true } : { repId, eligible: true, rank };
  });
}

interface Draft {
  readonly lead: DistributionLead;
  readonly rule: RuleTrace | null;
  readonly ruleId: string | null;
  readonly skipped: readonly SkippedRule[];
  readonly affinity: AffinityTrace | null;
  readonly method: DistributionMethod | 'affinity' | null;
  readonly statuses: Statuses | null;
  readonly ranks: ReadonlyMap<number, CandidateRank> | null;
  readonly methodState: MethodStateTrace | null;
  readonly tieBreak: TieBreak;
  readonly outcome: Outcome;
  readonly repIndex: number | null;
  readonly coOwners: readonly number[];
  readonly poolReason: PoolReason | null;
}

/** The lead's previous owners for its explanation, the rep it is being recycled from last; nothing when none. */
function previousOwnersField(
  lead: DistributionLead,
  now: number,
): { previousOwners?: readonly PreviousOwner[] } {
  const list = [...(lead.previousOwners ?? [])];
  const from = lead.recycledFromRepId ?? null;
  if (from !== null && !list.some((p) => p.repId === from && p.at === now))
    list.push({ repId: from, at: now });
  return list.length === 0 ? {} : { previousOwners: list };
}

function finish(ctx: EngineContext, draft: Draft): Assignment {
  const repId = draft.repIndex === null ? null : (ctx.repIds[draft.repIndex] as RepId);
  const coOwnerIds = draft.coOwners.map((i) => ctx.repIds[i] as RepId);
  const explanation: Explanation = {
    version: 1,
    leadId: draft.lead.id,
    at: ctx.now,
    rule: draft.rule,
    skippedRules: draft.skipped,
    affinity: draft.affinity,
    method: draft.method,
    candidates: candidateTraces(ctx, draft.statuses, draft.ranks),
    eligibleCount: draft.statuses?.eligible.length ?? 0,
    exclusionCounts: draft.statuses?.counts ?? {},
    methodState: draft.methodState,
    tieBreak: draft.tieBreak,
    outcome: draft.outcome,
    repId,
    coOwnerIds,
    poolReason: draft.poolReason,
    ...previousOwnersField(draft.lead, ctx.now),
  };
  return {
    leadId: draft.lead.id,
    outcome: draft.outcome,
    repId,
    coOwnerIds,
    ruleId: draft.ruleId,
    poolReason: draft.poolReason,
    explanation,
  };
}

export interface Deferred {
  readonly item: BatchItem;
  readonly slot: number;
  readonly rule: DistributionRule;
  readonly draft: Omit<
    Draft,
    'ranks' | 'methodState' | 'tieBreak' | 'outcome' | 'repIndex' | 'coOwners' | 'poolReason'
  >;
}

/**
 * Decides one lead against the context's current loads and updates them. With `defer` given, leads of an
 * optimal rule are queued there (returning null) to be solved together. `owner` overrides the context's
 * existing-customer lookup (replays track owners as they go).
 */
export function routeLead(
  ctx: EngineContext,
  lead: DistributionLead,
  defer: ((d: Omit<Deferred, 'slot'>) => void) | null,
  owner?: AffinityOwner | null,
): Assignment | null {
  const arrival = toLocalTime(lead.createdAt, ctx.utcOffsetMinutes);
  const { match, skipped, step } = matchWithSteps(ctx, lead, arrival);
  const base = { lead, skipped };
  const rule = match?.rule ?? null;
  const explicitStep = step?.rule ?? null;
  const traceOf = (r: DistributionRule, index: number, conditions: RuleTrace['conditions']): RuleTrace => ({
    id: r.id,
    name: r.name,
    index,
    isFallback: r.conditions.length === 0 && !isAffinityStep(r),
    conditions,
  });
  // The implicit step runs only for leads some rule distributes; an explicit one wherever it stands.
  const found = owner === undefined ? findAffinityOwner(ctx, lead) : owner;
  const checked =
    step === null || found === null || (rule === null && explicitStep === null)
      ? null
      : checkAffinity(ctx, lead, found, step, rule);
  const affinity: AffinityTrace | null = checked?.trace ?? null;
  if (checked !== null && checked.repIndex !== null) {
    const decidedBy = explicitStep ?? rule;
    const info = decidedBy === null ? undefined : ctx.ruleInfo.get(decidedBy);
    if (decidedBy === null || info === undefined) throw new Error('an honored step needs a prepared rule');
    const ruleTrace =
      explicitStep !== null && step !== null
        ? traceOf(explicitStep, step.index ?? -1, step.conditions)
        : traceOf(decidedBy, match?.index ?? -1, match?.conditions ?? []);
    // Statuses first: the explanation shows the loads as they stood when the owner was chosen.
    const statuses = ctx.isFullExplain ? computeStatuses(ctx, decidedBy, info, lead, true) : null;
    chargeRep(ctx, checked.repIndex);
    return finish(ctx, {
      ...base,
      rule: ruleTrace,
      ruleId: decidedBy.id,
      affinity,
      method: 'affinity',
      statuses,
      ranks: null,
      methodState: null,
      tieBreak: NO_TIE,
      outcome: 'assigned',
      repIndex: checked.repIndex,
      coOwners: [],
      poolReason: null,
    });
  }
  if (rule === null || match === null) {
    return finish(ctx, {
      ...base,
      rule: null,
      ruleId: null,
      affinity,
      method: null,
      statuses: null,
      ranks: null,
      methodState: null,
      tieBreak: NO_TIE,
      outcome: 'pool',
      repIndex: null,
      coOwners: [],
      poolReason: 'no-rule-matched',
    });
  }
  const info = ctx.ruleInfo.get(rule);
  if (info === undefined) throw new Error(`rule ${rule.id} was not prepared`);
  const common = { ...base, rule: traceOf(rule, match.index, match.conditions), ruleId: rule.id };

  const deferring = defer !== null && rule.method === 'optimal';
  const statuses = computeStatuses(ctx, rule, info, lead, !deferring);
  const withMethod = { ...common, affinity, method: rule.method, statuses };
  if (rule.method === 'public-pool' || rule.method === 'manual') {
    return finish(ctx, {
      ...withMethod,
      ranks: null,
      methodState: null,
      tieBreak: NO_TIE,
      outcome: rule.method === 'manual' ? 'manual' : 'pool',
      repIndex: null,
      coOwners: [],
      poolReason: rule.method === 'manual' ? null : 'rule-public-pool',
    });
  }
  if (deferring) {
    defer({ item: { lead, eligible: statuses.eligible }, rule, draft: withMethod });
    return null;
  }
  if (statuses.eligible.length === 0) {
    return finish(ctx, {
      ...withMethod,
      ranks: null,
      methodState: null,
      tieBreak: NO_TIE,
      outcome: 'pool',
      repIndex: null,
      coOwners: [],
      poolReason: 'no-eligible-rep',
    });
  }
  const pick = pickRep({
    ctx,
    rule,
    info,
    lead,
    eligible: statuses.eligible,
    target: statuses.target,
    leadSeed: deriveLeadSeed(ctx.seed, lead.id),
  });
  if (pick.repIndex !== null) {
    chargeRep(ctx, pick.repIndex);
    for (const i of pick.coOwners) chargeRep(ctx, i);
  }
  return finish(ctx, {
    ...withMethod,
    ranks: pick.ranks,
    methodState: pick.methodState,
    tieBreak: pick.tieBreak,
    outcome: pick.repIndex === null ? 'pool' : 'assigned',
    repIndex: pick.repIndex,
    coOwners: pick.coOwners,
    poolReason: pick.repIndex === null ? (pick.poolReason ?? 'no-eligible-rep') : null,
  });
}

/** Solves the deferred optimal leads rule by rule (in rule order) with the loads left by the sequential pass. */
export function solveDeferred(
  ctx: EngineContext,
  deferred: readonly Deferred[],
  slots: (Assignment | null)[],
): OptimizationReport[] {
  const reports: OptimizationReport[] = [];
  for (const rule of ctx.rules) {
    const group = deferred.filter((d) => d.rule === rule);
    if (group.length === 0) continue;
    const plan = planOptimalBatch(
      ctx,
      rule,
      group.map((d) => d.item),
    );
    // The batch is one decision: every explanation shows the loads as they stood before it was solved.
    const before = { open: [...ctx.open], today: [...ctx.today] };
    group.forEach((d, k) => {
      const chosen = plan.repOf[k] ?? null;
      const exclusions = [...(d.draft.statuses?.exclusions ?? [])];
      const counts: Partial<Record<ExclusionCode, number>> = { ...(d.draft.statuses?.counts ?? {}) };
      const eligible: number[] = [];
      for (const i of d.item.eligible) {
        if ((plan.capacities.get(i) ?? 0) > 0) {
          eligible.push(i);
          continue;
        }
        const cap = capExclusion(ctx, i, before) ?? {
          code: 'open-cap',
          open: before.open[i] ?? 0,
          cap: ctx.reps[i]?.capOpen ?? 0,
        };
        exclusions[i] = cap;
        counts[cap.code] = (counts[cap.code] ?? 0) + 1;
      }
      const ranks = new Map<number, CandidateRank>();
      if (ctx.isFullExplain) {
        const probability = leadProbability(d.item.lead);
        for (const i of eligible) {
          const fit = fitOf(ctx, i, d.item.lead);
          ranks.set(i, { method: 'optimal', probability, fit, value: probability * fit });
        }
      }
      if (chosen !== null) chargeRep(ctx, chosen);
      slots[d.slot] = finish(ctx, {
        ...d.draft,
        statuses: { exclusions, eligible, target: d.draft.statuses?.target ?? [], counts },
        ranks,
        methodState: {
          method: 'optimal',
          mode: 'batch',
          batchSize: group.length,
          capacity: chosen === null ? null : (plan.capacities.get(chosen) ?? null),
          floor: chosen === null ? 0 : (plan.floors.get(chosen) ?? 0),
          expectedConversions: plan.expectedConversions,
          roundRobinExpectedConversions: plan.roundRobinExpectedConversions,
        },
        tieBreak: NO_TIE,
        outcome: chosen === null ? 'pool' : 'assigned',
        repIndex: chosen,
        coOwners: [],
        poolReason:
          chosen === null ? (eligible.length === 0 ? 'no-eligible-rep' : 'optimizer-no-capacity') : null,
      });
    });
    const floors: Record<string, number> = {};
    for (const [i, floor] of plan.floors) if (floor > 0) floors[ctx.repIds[i] as string] = floor;
    reports.push({
      ruleId: rule.id,
      batchSize: group.length,
      assigned: plan.assigned,
      expectedConversions: plan.expectedConversions,
      roundRobinExpectedConversions: plan.roundRobinExpectedConversions,
      gainOverRoundRobin: plan.expectedConversions - plan.roundRobinExpectedConversions,
      floors,
      floorsMet: plan.floorsMet,
    });
  }
  return reports;
}

function contextFor(input: Omit<DistributionInput, 'leads'>): EngineContext {
  return createEngineContext({
    ...input,
    utcOffsetMinutes: input.options?.utcOffsetMinutes ?? 0,
    isFullExplain: (input.options?.explain ?? 'full') === 'full',
  });
}

/**
 * Distributes a batch: leads in arrival order (createdAt, then id), loads updated as it goes; leads of an
 * optimal rule are solved jointly after the others. Same leads, reps (in any order), rules, state, now and
 * seed → the same assignments and explanations. Never assigns a rep that is inactive, out of office, on
 * leave, capped, outside working hours (when the rule asks), excluded or the one the lead was recycled from.
 */
export function distributeBatch(input: DistributionInput): DistributionResult {
  const ctx = contextFor(input);
  const leads = sortByArrival(input.leads);
  const slots: (Assignment | null)[] = [];
  const deferred: Deferred[] = [];
  for (const lead of leads) {
    const slot = slots.length;
    slots.push(routeLead(ctx, lead, (d) => deferred.push({ ...d, slot })));
  }
  const optimizations = solveDeferred(ctx, deferred, slots);
  const assignments = slots.filter((a): a is Assignment => a !== null);
  return { assignments, state: exportState(ctx), optimizations };
}

/** Distributes one lead; same rules as a batch of one (an optimal rule picks the best expected conversion with room). */
export function distributeLead(input: SingleLeadInput): {
  readonly assignment: Assignment;
  readonly state: DistributionState;
} {
  const ctx = contextFor(input);
  const assignment = routeLead(ctx, input.lead, null);
  if (assignment === null) throw new Error('a single lead is never deferred');
  return { assignment, state: exportState(ctx) };
}

/** An empty state: no pointers, no loads. */
export function createEmptyState(): DistributionState {
  return { pointers: {}, credits: {}, openLoads: {}, assignedToday: {}, day: null };
}
