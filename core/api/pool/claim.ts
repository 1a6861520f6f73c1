// Claiming a pool lead (a rep) and handing one to a rep (the team lead): the pool's rules checked in the domain,
// the conditional owner write as the arbiter, and the reveal of masked contact data audited.
import { capsFor, checkCaps, checkClaim, type ClaimRefusal } from '../../domain/pool/claim';
import { claimTexts, poolHandOutTexts } from '../../domain/distribution/step-texts';
import type { PoolConfig } from '../../domain/pool/types';
import { isOpenStage } from '../../domain/funnel';
import type { Lead } from '../../domain/lead';
import type { Rep } from '../../domain/rep';
import { startOfLocalDay, teamUtcOffsetMinutes } from '../../domain/sla/local-day';
import { appendAssignment } from '../../store/assignments';
import { findLeadById } from '../../store/leads';
import { findRecycleFromRep, insertClaim } from '../../store/pool-claims';
import { countPoolClaimsSince, readOpenLoad } from '../../store/pools';
import { countActiveLocksOf } from '../../store/pools-locks';
import { findRepById } from '../../store/reps';
import { setLeadOwnerIf } from '../../store/work-leads';
import { actorLabel, type CallContext } from '../call-context';
import { ServiceError, type ErrorDetails } from '../errors';
import { readFunnelSettings, readSlaPolicy } from '../sla/settings';
import { WORK_ERRORS } from '../work/errors';
import { auditLead } from '../work/workable-lead';
import { POOL_ERRORS } from './errors';
import { poolOriginOf } from './pool-origin';
import { poolOf, readPools } from './pools-read';

/** Open leads a rep holds, locks in force not counted ("locked leads counted apart"). */
export function holdingOf(ctx: CallContext, repId: string): number {
  return Math.max(0, readOpenLoad(ctx.db, repId) - countActiveLocksOf(ctx.db, repId, ctx.now));
}

export function dayStartOf(ctx: CallContext): number {
  return startOfLocalDay(ctx.now, teamUtcOffsetMinutes(readSlaPolicy(ctx.db)));
}

/** A pooled lead (unowned, open, live) and its pool, or the refusal saying why it is not claimable. */
export function requirePooledLead(ctx: CallContext, leadId: string): { lead: Lead; pool: PoolConfig } {
  const lead = findLeadById(ctx.db, leadId);
  if (!lead) throw new ServiceError(WORK_ERRORS.leadNotFound, { id: leadId }, 'leadId');
  if (lead.isHistory || !isOpenStage(lead.stage))
    throw new ServiceError(POOL_ERRORS.notInPool, { id: lead.id }, 'leadId');
  if (lead.ownerId !== null) throw new ServiceError(POOL_ERRORS.claimedFirst, { id: lead.id }, 'leadId');
  return { lead, pool: poolOf(readPools(ctx.db), lead) };
}

/** The refusal as the contract words it: each names its pool and its figure. */
export function refusalOf(refusal: ClaimRefusal, pool: PoolConfig, repName: string): ServiceError {
  const base: ErrorDetails = { pool: pool.name, poolId: pool.id };
  switch (refusal.rule) {
    case 'notMember':
      return new ServiceError(POOL_ERRORS.notMember, base, 'leadId');
    case 'embargo':
      return new ServiceError(POOL_ERRORS.embargo, { ...base, ...refusal }, 'leadId');
    case 'coolDown':
      return new ServiceError(POOL_ERRORS.coolingDown, { ...base, ...refusal }, 'leadId');
    case 'claimDaily':
      return new ServiceError(POOL_ERRORS.dailyLimit, { ...base, cap: 'claimDaily', ...refusal }, 'leadId');
    case 'holding':
      return new ServiceError(
        POOL_ERRORS.holdingCap,
        { ...base, cap: 'holding', rep: repName, ...refusal },
        'leadId',
      );
  }
}

function requireRep(ctx: CallContext, repId: string): Rep {
  const rep = findRepById(ctx.db, repId);
  if (!rep) throw new ServiceError(WORK_ERRORS.leadNotFound, { id: repId }, 'repId');
  return rep;
}

/** The contact fields a claim reveals (those the lead has), when its pool masked them. */
function revealedFields(lead: Lead, pool: PoolConfig): string[] {
  if (!pool.masksContacts) return [];
  return (['phone', 'email', 'wechat'] as const).filter((key) => lead[key] !== null && lead[key] !== '');
}

interface ClaimCheck {
  readonly lead: Lead;
  readonly pool: PoolConfig;
  readonly rep: Rep;
  readonly claimsToday: number;
  /** What pool.claim would refuse with now, or null: the lead is the rep's to claim. */
  readonly refusal: ServiceError | null;
}

/** A pool lead's claim checked for a rep without claiming it; throws when the lead is not a pooled one. */
function checkClaimOf(ctx: CallContext, repId: string, leadId: string): ClaimCheck {
  const { lead, pool } = requirePooledLead(ctx, leadId);
  const rep = requireRep(ctx, repId);
  const settings = readFunnelSettings(ctx.db);
  const claimsToday = countPoolClaimsSince(ctx.db, repId, pool.id, dayStartOf(ctx));
  const refusal = checkClaim({
    now: ctx.now,
    rep,
    pool,
    teamClaimDailyLimit: settings.claimDailyLimit,
    teamCoolDownDays: settings.claimCooldownDays,
    pooledAt: poolOriginOf(ctx.db, lead.id)?.at ?? lead.createdAt,
    lastRecycledFromRepAt: findRecycleFromRep(ctx.db, lead.id, repId, -1),
    claimsToday,
    // Read only when a holding cap binds the rep: two reads fewer on every claim from a pool without one.
    holding: capsFor(pool, rep, settings.claimDailyLimit).holding === null ? 0 : holdingOf(ctx, repId),
  });
  return {
    lead,
    pool,
    rep,
    claimsToday,
    refusal: refusal === null ? null : refusalOf(refusal, pool, rep.name),
  };
}

/**
 * Whether a rep may claim a lead now, and if not the refusal pool.claim would answer (so the lead's drawer offers
 * the claim exactly when the hub would take it). The caller checked the actor is a rep.
 */
export function claimRefusalFor(ctx: CallContext, repId: string, leadId: string): ServiceError | null {
  try {
    return checkClaimOf(ctx, repId, leadId).refusal;
  } catch (error) {
    // Not a pooled lead (claimed by another, closed, gone): the same refusal a claim would meet.
    if (error instanceof ServiceError) return error;
    throw error;
  }
}

/** A rep claims a pool lead; the caller checked the actor is a rep. Answers the rep, now the lead's owner. */
export function claimLead(ctx: CallContext, repId: string, leadId: string): Rep {
  const { lead, pool, rep, claimsToday, refusal } = checkClaimOf(ctx, repId, leadId);
  if (refusal !== null) throw refusal;
  // First come, first served: the conditional UPDATE is the arbiter, whatever was read above.
  if (!setLeadOwnerIf(ctx.db, lead.id, null, repId, ctx.now))
    throw new ServiceError(POOL_ERRORS.claimedFirst, { id: lead.id }, 'leadId');
  insertClaim(ctx.db, { id: ctx.newId('clm'), leadId: lead.id, repId, poolId: pool.id, at: ctx.now });
  const text = claimTexts(pool.name);
  appendAssignment(ctx.db, {
    id: ctx.newId('asg'),
    leadId: lead.id,
    repId,
    kind: 'claim',
    ruleId: null,
    reason: text.en,
    explanation: { kind: 'claim', poolId: pool.id, claimsToday: claimsToday + 1, text },
    actor: actorLabel(ctx.actor),
    at: ctx.now,
  });
  auditLead(ctx, 'pool.claim', lead.id, { repId, poolId: pool.id });
  const fields = revealedFields(lead, pool);
  if (fields.length > 0) auditLead(ctx, 'pool.reveal', lead.id, { repId, poolId: pool.id, fields });
  ctx.emit('leads.changed', { leadIds: [lead.id], reason: 'claimed' });
  return rep;
}

/** The team lead hands a pool lead to a rep, within the rep's holding cap for that pool. */
export function assignPoolLead(ctx: CallContext, leadId: string, repId: string): void {
  const { lead, pool } = requirePooledLead(ctx, leadId);
  const rep = requireRep(ctx, repId);
  const refusal = checkCaps(
    {
      rep,
      pool,
      teamClaimDailyLimit: readFunnelSettings(ctx.db).claimDailyLimit,
      claimsToday: 0,
      holding: holdingOf(ctx, repId),
    },
    false,
  );
  if (refusal !== null) throw refusalOf(refusal, pool, rep.name);
  if (!setLeadOwnerIf(ctx.db, lead.id, null, repId, ctx.now))
    throw new ServiceError(POOL_ERRORS.claimedFirst, { id: lead.id }, 'leadId');
  const text = poolHandOutTexts(pool.name);
  appendAssignment(ctx.db, {
    id: ctx.newId('asg'),
    leadId: lead.id,
    repId,
    kind: 'manual',
    ruleId: null,
    reason: text.en,
    explanation: { kind: 'manual', poolId: pool.id, text },
    actor: actorLabel(ctx.actor),
    at: ctx.now,
  });
  auditLead(ctx, 'pool.assign', lead.id, { repId, poolId: pool.id });
  const fields = revealedFields(lead, pool);
  if (fields.length > 0) auditLead(ctx, 'pool.reveal', lead.id, { repId, poolId: pool.id, fields });
  ctx.emit('leads.changed', { leadIds: [lead.id], reason: 'assigned' });
}
