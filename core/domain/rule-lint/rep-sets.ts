// Which reps a rule may pick from, and which of them can take leads on a given day.
import { foldText } from '../distribution/engine-context';
import { DEFAULT_TIER_MAP } from '../distribution/methods';
import type { DistributionLead, DistributionRule } from '../distribution/types';
import { isOnLeave } from '../rep';
import type { Rep } from '../rep';
import type { Unavailability } from './types';

/** A rep with its skills and regions folded once, for target tests. */
export interface FoldedRep {
  readonly rep: Rep;
  readonly skills: ReadonlySet<string>;
  readonly regions: ReadonlySet<string>;
}

export function foldReps(reps: readonly Rep[]): FoldedRep[] {
  return reps.map((rep) => ({
    rep,
    skills: new Set(rep.skills.map(foldText)),
    regions: new Set(rep.regions.map(foldText)),
  }));
}

/** Reps in the rule's target for a lead of `region` (territories) — availability not yet applied. */
export function targetReps(rule: DistributionRule, reps: readonly FoldedRep[], region: string | null): Rep[] {
  const target = rule.target;
  const keep = (test: (f: FoldedRep) => boolean): Rep[] => reps.filter(test).map((f) => f.rep);
  switch (target.kind) {
    case 'everyone':
      return reps.map((f) => f.rep);
    case 'reps': {
      const wanted = new Set<string>(target.repIds);
      return keep((f) => wanted.has(f.rep.id));
    }
    case 'tier': {
      const wanted = new Set<string>(target.tiers);
      return keep((f) => wanted.has(f.rep.tier));
    }
    case 'skill': {
      const tags = target.tags.map(foldText);
      return keep((f) => tags.some((tag) => f.skills.has(tag)));
    }
    case 'region': {
      const wanted = target.regions.map(foldText);
      return keep((f) => wanted.some((r) => f.regions.has(r)));
    }
    case 'territory': {
      if (region === null) return keep((f) => f.regions.size > 0);
      const folded = foldText(region);
      return keep((f) => f.regions.has(folded));
    }
    default:
      return [];
  }
}

/** Why the rep cannot take new leads on `date`, or null when they can. */
export function unavailabilityOn(rep: Rep, date: string): Unavailability | null {
  if (!rep.isActive) return 'inactive';
  // Before the start date, as the engine (distribution/engine-context.ts) and the ledger count it.
  if (date < rep.joinedOn) return 'not-started';
  if (rep.isOutOfOffice) return 'out-of-office';
  if (isOnLeave(rep, date)) return 'on-leave';
  return null;
}

/** The last day of the leave covering `date`, or null. */
export function leaveEnd(rep: Rep, date: string): string | null {
  const period = rep.leave.find((p) => p.from <= date && date <= p.to);
  return period?.to ?? null;
}

/** The date that ends `why` on `date`: the leave's last day, the start date of a rep not started; else null. */
export function unavailableUntil(rep: Rep, why: Unavailability, date: string): string | null {
  if (why === 'on-leave') return leaveEnd(rep, date);
  return why === 'not-started' ? rep.joinedOn : null;
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
  reps: readonly FoldedRep[],
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
