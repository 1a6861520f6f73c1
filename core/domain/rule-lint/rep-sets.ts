// Which reps a rule may pick from, and which of them can take leads on a given day.
import { foldText } from '../distribution/engine-context';
import { DEFAULT_TIER_MAP } from '../distribution/methods';
import type { DistributionLead, DistributionRule } from '../distribution/types';
import { isOnLeave } from '../rep';
import type { Rep } from '../rep';
import type { Unavailability } from './types';

/** Reps in the rule's target for a lead of `region` (territories) — availability not yet applied. */
export function targetReps(rule: DistributionRule, reps: readonly Rep[], region: string | null): Rep[] {
  const target = rule.target;
  switch (target.kind) {
    case 'everyone':
      return [...reps];
    case 'reps': {
      const wanted = new Set<string>(target.repIds);
      return reps.filter((rep) => wanted.has(rep.id));
    }
    case 'tier': {
      const wanted = new Set<string>(target.tiers);
      return reps.filter((rep) => wanted.has(rep.tier));
    }
    case 'skill': {
      const tags = target.tags.map(foldText);
      return reps.filter((rep) => rep.skills.some((s) => tags.includes(foldText(s))));
    }
    case 'region': {
      const wanted = target.regions.map(foldText);
      return reps.filter((rep) => rep.regions.some((r) => wanted.includes(foldText(r))));
    }
    case 'territory': {
      if (region === null) return reps.filter((rep) => rep.regions.length > 0);
      const folded = foldText(region);
      return reps.filter((rep) => rep.regions.some((r) => foldText(r) === folded));
    }
    default:
      return [];
  }
}

/** Why the rep cannot take new leads on `date`, or null when they can. */
export function unavailabilityOn(rep: Rep, date: string): Unavailability | null {
  if (!rep.isActive) return 'inactive';
  if (rep.isOutOfOffice) return 'out-of-office';
  if (isOnLeave(rep, date)) return 'on-leave';
  return null;
}

/** The last day of the leave covering `date`, or null. */
export function leaveEnd(rep: Rep, date: string): string | null {
  const period = rep.leave.find((p) => p.from <= date && date <= p.to);
  return period?.to ?? null;
}

/** True when the rule hands leads to reps (not the pool, the team lead, nor a pass-through step). */
export function assignsToReps(rule: DistributionRule): boolean {
  return rule.method !== 'public-pool' && rule.method !== 'manual' && rule.method !== 'existing-customer';
}

/**
 * The reps a lead would be spread over on `date`: the target's available reps, narrowed to the wanted tier for the
 * tier ladder (the whole target when that tier has nobody available).
 */
export function candidatesOn(
  rule: DistributionRule,
  reps: readonly Rep[],
  lead: Pick<DistributionLead, 'region' | 'grade'>,
  date: string,
): Rep[] {
  const available = targetReps(rule, reps, lead.region).filter((rep) => unavailabilityOn(rep, date) === null);
  if (rule.method !== 'tier-ladder') return available;
  const map = { ...DEFAULT_TIER_MAP, ...(rule.options?.tierMap ?? {}) };
  const wanted = map[lead.grade ?? 'ungraded'];
  const inTier = available.filter((rep) => rep.tier === wanted);
  return inTier.length > 0 ? inTier : available;
}
