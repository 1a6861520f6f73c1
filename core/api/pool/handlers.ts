// Handlers of the public pool: the list with each rep's cool-downs and claim count, and claiming first come first
// served within the daily limit.
import { DAY_MS } from '../../domain/clock';
import { isOpenStage } from '../../domain/funnel';
import { startOfLocalDay, teamUtcOffsetMinutes } from '../../domain/sla/local-day';
import { appendAssignment } from '../../store/assignments';
import { findLeadById } from '../../store/leads';
import {
  countClaimsSince,
  findRecycleFromRep,
  insertClaim,
  listRecyclesForLead,
} from '../../store/pool-claims';
import { countLeadsWhere, listLeadCards, setLeadOwnerIf, type LeadFilterInput } from '../../store/work-leads';
import { actorLabel, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { mapRepNames, toWorkCards } from '../sla/cards';
import { readFunnelSettings, readSlaPolicy } from '../sla/settings';
import { WORK_ERRORS } from '../work/errors';
import { auditLead, cardOf } from '../work/workable-lead';
import type { poolCalls } from './calls';
import { POOL_ERRORS } from './errors';
import { poolOriginOf } from './pool-origin';
import { previewDistribution } from './preview';
import { listOpenLeadIdsOf } from './rep-leads';

export const poolHandlers: HandlersOf<typeof poolCalls> = {
  'pool.list'(ctx, input) {
    const settings = readFunnelSettings(ctx.db);
    const policy = readSlaPolicy(ctx.db);
    const filter: LeadFilterInput = {
      owner: 'pool',
      text: input.text,
      grades: input.grades,
      source: input.source,
      openOnly: true,
      excludeHistory: true,
      recycledOnly: input.recycledOnly,
    };
    const rows = listLeadCards(ctx.db, filter, { offset: input.offset, limit: input.limit });
    const cards = toWorkCards(ctx.db, rows, policy, ctx.now);
    const repId = ctx.actor.role === 'rep' ? ctx.actor.repId : null;
    const coolDownMs = settings.claimCooldownDays * DAY_MS;
    const dayStart = startOfLocalDay(ctx.now, teamUtcOffsetMinutes(policy));
    const names = mapRepNames(ctx.db);
    const createdAt = new Map(rows.map((row) => [row.id, row.createdAt]));
    return {
      total: countLeadsWhere(ctx.db, filter),
      rows: cards.map((card) => {
        const recycles = listRecyclesForLead(ctx.db, card.id);
        const lastMine = recycles.findLast((r) => r.fromRepId === repId);
        const until = lastMine === undefined ? null : lastMine.at + coolDownMs;
        const origin = poolOriginOf(ctx.db, card.id);
        return {
          ...card,
          arrivedAt: origin?.at ?? createdAt.get(card.id) ?? 0,
          poolReason: origin?.reason ?? 'new',
          fromRepName: origin?.fromRepId == null ? null : (names.get(origin.fromRepId) ?? null),
          lastRecycledAt: recycles.at(-1)?.at ?? null,
          coolDownUntil: until !== null && until > ctx.now ? until : null,
        };
      }),
      claimsToday: repId === null ? 0 : countClaimsSince(ctx.db, repId, dayStart),
      claimDailyLimit: settings.claimDailyLimit,
    };
  },

  'pool.claim'(ctx, input) {
    if (ctx.actor.role !== 'rep') throw new ServiceError(POOL_ERRORS.repsOnly);
    const repId = ctx.actor.repId;
    const lead = findLeadById(ctx.db, input.leadId);
    if (!lead) throw new ServiceError(WORK_ERRORS.leadNotFound, { id: input.leadId }, 'leadId');
    if (lead.isHistory || !isOpenStage(lead.stage))
      throw new ServiceError(POOL_ERRORS.notInPool, { id: lead.id }, 'leadId');
    if (lead.ownerId !== null) throw new ServiceError(POOL_ERRORS.claimedFirst, { id: lead.id }, 'leadId');
    const settings = readFunnelSettings(ctx.db);
    const dayStart = startOfLocalDay(ctx.now, teamUtcOffsetMinutes(readSlaPolicy(ctx.db)));
    const today = countClaimsSince(ctx.db, repId, dayStart);
    if (today >= settings.claimDailyLimit)
      throw new ServiceError(POOL_ERRORS.dailyLimit, { limit: settings.claimDailyLimit, today }, 'leadId');
    const since = ctx.now - settings.claimCooldownDays * DAY_MS;
    if (findRecycleFromRep(ctx.db, lead.id, repId, since) !== null)
      throw new ServiceError(POOL_ERRORS.coolingDown, { days: settings.claimCooldownDays }, 'leadId');
    // First come, first served: the conditional UPDATE is the arbiter, whatever was read above.
    if (!setLeadOwnerIf(ctx.db, lead.id, null, repId, ctx.now))
      throw new ServiceError(POOL_ERRORS.claimedFirst, { id: lead.id }, 'leadId');
    insertClaim(ctx.db, { id: ctx.newId('clm'), leadId: lead.id, repId, at: ctx.now });
    appendAssignment(ctx.db, {
      id: ctx.newId('asg'),
      leadId: lead.id,
      repId,
      kind: 'claim',
      ruleId: null,
      reason: 'Claimed from the public pool',
      explanation: { kind: 'claim', claimsToday: today + 1, dailyLimit: settings.claimDailyLimit },
      actor: actorLabel(ctx.actor),
      at: ctx.now,
    });
    auditLead(ctx, 'pool.claim', lead.id, { repId });
    ctx.emit('leads.changed', { leadIds: [lead.id], reason: 'claimed' });
    return cardOf(ctx, lead.id);
  },

  'pool.previewDistribution'(ctx, input) {
    return previewDistribution(ctx, input);
  },

  'pool.openLeadsOf'(ctx, input) {
    return { count: listOpenLeadIdsOf(ctx.db, input.repId).length };
  },
};
