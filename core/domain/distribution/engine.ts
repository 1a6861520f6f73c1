// The distribution pipeline: match a rule, honour affinity and every constraint, run the method, explain the decision.
import type {
  Assignment,
  AffinityTrace,
  DistributionInput,
  DistributionLead,
  DistributionResult,
  DistributionRule,
  DistributionState,
  ExclusionCode,
  ExclusionReason,
  RuleTrace,
  SingleLeadInput,
} from './types';
import type { EngineContext, RuleInfo } from './engine-context';
import { chargeRep, createEngineContext, exportState, foldText } from './engine-context';
import { baseExclusion, isInTarget } from './exclusions';
import { checkAffinity, findAffinityOwner, isAffinityStep, matchWithSteps } from './affinity-step';
import type { AffinityOwner } from './affinity-step';
import { solveDeferred } from './batch-decisions';
import type { Deferred } from './batch-decisions';
import { NO_TIE, finish } from './decision';
import type { Statuses } from './decision';
import { deriveLeadSeed, toLocalTime } from './local-time';
import { pickRep } from './methods';

/** Sorts leads into arrival order: createdAt, then id. Stable and independent of the caller's order. */
export function sortByArrival<T extends Pick<DistributionLead, 'createdAt' | 'id'>>(
  leads: readonly T[],
): T[] {
  return [...leads].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

/** The explanation's account of the rule (or step) that decided a lead. */
function traceOf(r: DistributionRule, index: number, conditions: RuleTrace['conditions']): RuleTrace {
  return {
    id: r.id,
    name: r.name,
    index,
    isFallback: r.conditions.length === 0 && !isAffinityStep(r),
    conditions,
  };
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
