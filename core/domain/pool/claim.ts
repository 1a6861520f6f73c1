// Whether a rep may claim a pool lead now, or be handed one: membership, embargo, cool-down, the daily claim cap
// and the holding cap (库容), in that order; a refusal names the rule that refused and its figure.
import { DAY_MS, MINUTE_MS } from '../clock';
import type { RepTier } from '../rep';
import type { CapPair, PoolConfig } from './types';

/** The caps that bind a rep in a pool; null = no cap. */
export function capsFor(
  pool: Pick<PoolConfig, 'caps'>,
  rep: { readonly id: string; readonly tier: RepTier },
  teamClaimDailyLimit: number,
): CapPair {
  if (pool.caps.exemptRepIds.includes(rep.id)) return { claimDaily: null, holding: null };
  const tier = pool.caps.byTier[rep.tier] ?? {};
  return {
    claimDaily:
      tier.claimDaily !== undefined ? tier.claimDaily : (pool.caps.claimDaily ?? teamClaimDailyLimit),
    holding: tier.holding !== undefined ? tier.holding : pool.caps.holding,
  };
}

export type ClaimRefusal =
  | { readonly rule: 'notMember' }
  | { readonly rule: 'embargo'; readonly until: number; readonly minutes: number }
  | { readonly rule: 'coolDown'; readonly until: number; readonly days: number }
  | { readonly rule: 'claimDaily'; readonly limit: number; readonly today: number }
  | { readonly rule: 'holding'; readonly limit: number; readonly holding: number };

export interface ClaimFacts {
  readonly now: number;
  readonly rep: { readonly id: string; readonly tier: RepTier };
  readonly pool: PoolConfig;
  readonly teamClaimDailyLimit: number;
  readonly teamCoolDownDays: number;
  /** When the lead last arrived in the pool (epoch ms). */
  readonly pooledAt: number;
  /** The latest time this rep lost this lead to a recycle; null = never. */
  readonly lastRecycledFromRepAt: number | null;
  /** Claims the rep made from this pool since the start of the local day. */
  readonly claimsToday: number;
  /** Open leads the rep holds, locked ones not counted. */
  readonly holding: number;
}

export function isPoolMember(
  pool: Pick<PoolConfig, 'isOpenToAll' | 'memberRepIds' | 'adminRepIds'>,
  repId: string,
) {
  return pool.isOpenToAll || pool.memberRepIds.includes(repId) || pool.adminRepIds.includes(repId);
}

/** When the embargo of a lead pooled at `pooledAt` ends: it is claimable from that instant on. */
export function embargoEndsAt(pool: Pick<PoolConfig, 'embargoMinutes'>, pooledAt: number): number {
  return pooledAt + pool.embargoMinutes * MINUTE_MS;
}

/** Cool-down days in force: the pool's, else the team's. */
export function coolDownDaysOf(pool: Pick<PoolConfig, 'coolDownDays'>, teamDays: number): number {
  return pool.coolDownDays ?? teamDays;
}

/**
 * The first rule a claim breaks, or null when the claim may go ahead. Invariants: the embargo holds for
 * `now < pooledAt + embargo`; the cool-down for `now < recycledAt + days`; while both hold, the one that ends later
 * is named (when the claim opens, as the pool's table says); the daily cap refuses the (cap+1)th claim; the holding
 * cap refuses a claim that would make holdings exceed it.
 */
export function checkClaim(facts: ClaimFacts): ClaimRefusal | null {
  const { pool, now } = facts;
  if (!isPoolMember(pool, facts.rep.id)) return { rule: 'notMember' };
  const embargoUntil = embargoEndsAt(pool, facts.pooledAt);
  const embargo: ClaimRefusal | null =
    now < embargoUntil ? { rule: 'embargo', until: embargoUntil, minutes: pool.embargoMinutes } : null;
  const days = coolDownDaysOf(pool, facts.teamCoolDownDays);
  const coolDownUntil =
    facts.lastRecycledFromRepAt === null ? null : facts.lastRecycledFromRepAt + days * DAY_MS;
  const coolDown: ClaimRefusal | null =
    coolDownUntil !== null && now < coolDownUntil ? { rule: 'coolDown', until: coolDownUntil, days } : null;
  if (embargo !== null && coolDown !== null) return coolDown.until >= embargo.until ? coolDown : embargo;
  return embargo ?? coolDown ?? checkCaps(facts, true);
}

/** The caps alone: for a claim (daily and holding) or a hand-over by the team lead (holding only). */
export function checkCaps(
  facts: Pick<ClaimFacts, 'rep' | 'pool' | 'teamClaimDailyLimit' | 'claimsToday' | 'holding'>,
  isClaim: boolean,
): ClaimRefusal | null {
  const caps = capsFor(facts.pool, facts.rep, facts.teamClaimDailyLimit);
  if (isClaim && caps.claimDaily !== null && facts.claimsToday >= caps.claimDaily)
    return { rule: 'claimDaily', limit: caps.claimDaily, today: facts.claimsToday };
  if (caps.holding !== null && facts.holding >= caps.holding)
    return { rule: 'holding', limit: caps.holding, holding: facts.holding };
  return null;
}
