// Handlers of the public pools: a pool's list with the caller's caps, cool-downs and embargoes, claiming first
// come first served within the pool's rules, and a rep putting a lead of theirs back.
import { DAY_MS } from '../../domain/clock';
import { capsFor, coolDownDaysOf, embargoEndsAt, isPoolMember } from '../../domain/pool/claim';
import type { PoolConfig } from '../../domain/pool/types';
import { listRecyclesForLead } from '../../store/pool-claims';
import { countPoolClaimsSince, listPooledLeadFacts } from '../../store/pools';
import { findRepById } from '../../store/reps';
import {
  countLeadsWhere,
  findLeadCard,
  listLeadCards,
  NOT_OPEN,
  type LeadFilterInput,
} from '../../store/work-leads';
import type { CallContext, HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { mapRepNames, toWorkCards } from '../sla/cards';
import { readFunnelSettings, readSlaPolicy } from '../sla/settings';
import { WORK_ERRORS } from '../work/errors';
import type { poolCalls } from './calls';
import { claimLead, claimRefusalFor, dayStartOf, holdingOf } from './claim';
import { POOL_ERRORS } from './errors';
import { isContactLike } from './masked-search';
import { poolAdminHandlers } from './handlers-admin';
import { poolOriginOf } from './pool-origin';
import { poolOf, readPools } from './pools-read';
import { previewDistribution } from './preview';
import { releaseLead } from './release';
import { listOpenLeadIdsOf } from './rep-leads';

function requireListedPool(ctx: CallContext, pools: readonly PoolConfig[], poolId: string | undefined) {
  const pool = poolId === undefined ? pools.find((p) => p.isDefault) : pools.find((p) => p.id === poolId);
  if (!pool) throw new ServiceError(POOL_ERRORS.poolNotFound, { id: poolId ?? 'default' }, 'poolId');
  if (ctx.actor.role === 'rep' && !isPoolMember(pool, ctx.actor.repId))
    throw new ServiceError(POOL_ERRORS.notMember, { pool: pool.name }, 'poolId');
  return pool;
}

export const poolHandlers: HandlersOf<typeof poolCalls> = {
  'pool.list'(ctx, input) {
    const settings = readFunnelSettings(ctx.db);
    const pools = readPools(ctx.db);
    const pool = requireListedPool(ctx, pools, input.poolId);
    const repId = ctx.actor.role === 'rep' ? ctx.actor.repId : null;
    const pooled = listPooledLeadFacts(ctx.db, NOT_OPEN);
    const inPool = pooled.filter((lead) => poolOf(pools, lead).id === pool.id);
    // A rep's typed phone or email must not find a lead whose contact data is masked from them.
    const isHidden = repId !== null && pool.masksContacts && isContactLike(input.text);
    const filter: LeadFilterInput = {
      owner: 'pool',
      text: input.text,
      grades: input.grades,
      source: input.source,
      openOnly: true,
      excludeHistory: true,
      recycledOnly: input.recycledOnly,
      leadIds: isHidden ? [] : inPool.length === pooled.length ? undefined : inPool.map((lead) => lead.id),
    };
    const rows = listLeadCards(ctx.db, filter, { offset: input.offset, limit: input.limit });
    const cards = toWorkCards(ctx.db, rows, readSlaPolicy(ctx.db), ctx.now);
    const coolDownMs = coolDownDaysOf(pool, settings.claimCooldownDays) * DAY_MS;
    const names = mapRepNames(ctx.db);
    const createdAt = new Map(rows.map((row) => [row.id, row.createdAt]));
    const rep = repId === null ? undefined : findRepById(ctx.db, repId);
    const caps = rep ? capsFor(pool, rep, settings.claimDailyLimit) : { claimDaily: null, holding: null };
    return {
      poolId: pool.id,
      total: countLeadsWhere(ctx.db, filter),
      rows: cards.map((card) => {
        const recycles = listRecyclesForLead(ctx.db, card.id);
        const lastMine = recycles.findLast((r) => r.fromRepId === repId);
        const until = lastMine === undefined ? null : lastMine.at + coolDownMs;
        const origin = poolOriginOf(ctx.db, card.id);
        const arrivedAt = origin?.at ?? createdAt.get(card.id) ?? 0;
        const embargoUntil = embargoEndsAt(pool, arrivedAt);
        return {
          ...card,
          arrivedAt,
          poolReason: origin?.reason ?? 'new',
          fromRepName: origin?.fromRepId == null ? null : (names.get(origin.fromRepId) ?? null),
          lastRecycledAt: recycles.at(-1)?.at ?? null,
          coolDownUntil: until !== null && until > ctx.now ? until : null,
          embargoUntil: embargoUntil > ctx.now ? embargoUntil : null,
          isMasked: repId !== null && pool.masksContacts,
        };
      }),
      claimsToday: repId === null ? 0 : countPoolClaimsSince(ctx.db, repId, pool.id, dayStartOf(ctx)),
      claimDailyLimit: caps.claimDaily,
      holding: repId === null ? 0 : holdingOf(ctx, repId),
      holdingLimit: caps.holding,
    };
  },

  'pool.claimCheck'(ctx, input) {
    const refusal =
      ctx.actor.role === 'rep'
        ? claimRefusalFor(ctx, ctx.actor.repId, input.leadId)
        : new ServiceError(POOL_ERRORS.repsOnly);
    return { refusal: refusal?.toRefusalData() ?? null };
  },

  'pool.claim'(ctx, input) {
    if (ctx.actor.role !== 'rep') throw new ServiceError(POOL_ERRORS.repsOnly);
    const rep = claimLead(ctx, ctx.actor.repId, input.leadId);
    // The card as cardOf words it; its owner is the claimer, so no need to read every rep's name (per claim).
    const row = findLeadCard(ctx.db, input.leadId);
    const card =
      row && toWorkCards(ctx.db, [row], readSlaPolicy(ctx.db), ctx.now, new Map([[rep.id, rep.name]]))[0];
    if (!card) throw new ServiceError(WORK_ERRORS.leadNotFound, { id: input.leadId }, 'leadId');
    return card;
  },

  'pool.release'(ctx, input) {
    if (ctx.actor.role !== 'rep') throw new ServiceError(POOL_ERRORS.releaseRepsOnly);
    return releaseLead(ctx, ctx.actor.repId, input.leadId, input.reason);
  },

  'pool.previewDistribution'(ctx, input) {
    return previewDistribution(ctx, input);
  },

  'pool.openLeadsOf'(ctx, input) {
    return { count: listOpenLeadIdsOf(ctx.db, input.repId).length };
  },

  ...poolAdminHandlers,
};
