// Existing-customer matching as a rule step: where it stands in the rules, whose customers it keeps, and why not.
import type { RepId } from '../ids';
import type {
  AffinityStep,
  AffinityTrace,
  ConditionTrace,
  DistributionLead,
  DistributionRule,
  SkippedRule,
} from './types';
import type { EngineContext } from './engine-context';
import { foldText } from './engine-context';
import { baseExclusion, isInTarget } from './exclusions';
import { matchRule } from './conditions';
import type { RuleMatch } from './conditions';
import type { LocalTime } from './local-time';

/** The existing customer's owner for a lead, and whether the match was by contact or by company. */
export interface AffinityOwner {
  readonly kind: 'lead' | 'company';
  readonly repId: RepId;
}

/** The step that applies to a lead: an explicit `existing-customer` rule, or the implicit one at the top. */
interface StepMatch {
  /** null = implicit (the rule set has no existing-customer step). */
  readonly rule: DistributionRule | null;
  readonly index: number | null;
  readonly conditions: readonly ConditionTrace[];
}

const IMPLICIT_STEP: StepMatch = { rule: null, index: null, conditions: [] };

interface StepRouting {
  /** The distributing rule the lead reaches (steps passed over), or null. */
  readonly match: RuleMatch | null;
  readonly skipped: readonly SkippedRule[];
  /** The first step whose conditions hold before that rule; null when the rules have steps but none applies. */
  readonly step: StepMatch | null;
}

/** True when the rule is a step rather than a destination. */
export function isAffinityStep(rule: DistributionRule): boolean {
  return rule.method === 'existing-customer';
}

/**
 * Matches the rules in order, passing over `existing-customer` steps (the first one that matches is remembered).
 * A rule set with no step at all (enabled or not) has the implicit step at the top; a disabled step turns matching off.
 */
export function matchWithSteps(ctx: EngineContext, lead: DistributionLead, arrival: LocalTime): StepRouting {
  const skipped: SkippedRule[] = [];
  let step: StepMatch | null = ctx.hasAffinityStep ? null : IMPLICIT_STEP;
  let start = 0;
  for (;;) {
    const match = matchRule(ctx.rules, lead, arrival, ctx.isFullExplain, start);
    skipped.push(...match.skipped);
    if (match.rule === null) return { match: null, skipped, step };
    if (!isAffinityStep(match.rule)) return { match, skipped, step };
    step ??= { rule: match.rule, index: match.index, conditions: match.conditions };
    start = match.index + 1;
  }
}

/** The owner of a matching contact first, then of the company, from the context's lookup. */
export function findAffinityOwner(ctx: EngineContext, lead: DistributionLead): AffinityOwner | null {
  const lookup = ctx.affinity;
  if (lookup === undefined) return null;
  const byLead = lookup.byLead?.[lead.id];
  if (byLead !== undefined) return { kind: 'lead', repId: byLead };
  if (lookup.byCompany !== undefined && lead.company !== null && lead.company.trim() !== '') {
    const key = (lookup.companyKey ?? foldText)(lead.company);
    const byCompany = lookup.byCompany[key];
    if (byCompany !== undefined) return { kind: 'company', repId: byCompany };
  }
  return null;
}

/**
 * Whether the owner takes the lead at this step. Refused when the distributing rule ignores existing customers,
 * when the owner is outside the step's target or (unless the step says the owner keeps the customer) outside the
 * distributing rule's target, and when the owner is unavailable, capped, recycled from, or off hours (if either
 * rule asks). Answers the trace and, when honored, the owner's rep index.
 */
export function checkAffinity(
  ctx: EngineContext,
  lead: DistributionLead,
  owner: AffinityOwner,
  step: StepMatch,
  rule: DistributionRule | null,
): { readonly trace: AffinityTrace; readonly repIndex: number | null } {
  const ownerKeeps = step.rule?.options?.ownerKeeps === true;
  const where: AffinityStep = { stepId: step.rule?.id ?? null, stepIndex: step.index, ownerKeeps };
  const refuse = (why: Extract<AffinityTrace, { honored: false }>['why']) => ({
    trace: { ...owner, ...where, honored: false as const, why },
    repIndex: null,
  });
  if (!ownerKeeps && rule?.ignoreAffinity === true) return refuse({ code: 'ignored-by-rule' });
  const index = ctx.indexById.get(owner.repId);
  if (index === undefined) return refuse({ code: 'unknown-rep' });
  const region = lead.region === null ? '' : foldText(lead.region);
  for (const scope of [step.rule, ownerKeeps ? null : rule]) {
    const info = scope === null ? undefined : ctx.ruleInfo.get(scope);
    if (info !== undefined && !isInTarget(ctx, info, index, region)) return refuse({ code: 'not-in-target' });
  }
  const respectHours = step.rule?.respectWorkingHours === true || rule?.respectWorkingHours === true;
  const why = baseExclusion(ctx, index, lead, respectHours, true);
  if (why !== null) return refuse(why);
  return { trace: { ...owner, ...where, honored: true }, repIndex: index };
}
