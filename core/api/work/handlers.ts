// Handlers of one feature: Working the leads: funnel, queue, follow-ups, SLA, pool and notifications (issue 6).
import { DAY_MS } from '../../domain/clock';
import { isOpenStage, visibleStages, type FunnelStage } from '../../domain/funnel';
import type { Lead } from '../../domain/lead';
import { DEFAULT_SLA_POLICY } from '../../domain/sla/sla-policy';
import { slaDeadline, staleLeads } from '../../domain/sla/due-actions';
import { appendAssignment } from '../../store/assignments';
import { appendAudit } from '../../store/audit-log';
import { insertFollowUp } from '../../store/follow-ups';
import { findLeadById } from '../../store/leads';
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
} from '../../store/notifications';
import { deleteNurtureWakeup, findNurtureWakeup, upsertNurtureWakeup } from '../../store/nurture-wakeups';
import {
  countClaimsSince,
  findRecycleFromRep,
  insertClaim,
  listRecyclesForLead,
} from '../../store/pool-claims';
import { listSlaActionsForLead } from '../../store/sla-actions';
import { appendStageChange, listStageHistory } from '../../store/stage-history';
import {
  countLeadsByStage,
  countLeadsWhere,
  listAllLeadCards,
  listLeadCards,
  setLeadOwnerIf,
  setLeadStage,
  toSlaInput,
  type LeadFilterInput,
  type LeadCardRow,
} from '../../store/work-leads';
import { actorLabel, requireTeamLead, type CallContext } from '../call-context';
import type { BoardFilter, PoolRow, WorkCard } from './calls';
import type { CallOutput, ParsedInput } from '../contract';
import { ServiceError } from '../errors';
import { recipientOf } from '../notifications/send';
import { compareQueueCards, mapRepNames, toWorkCards } from '../sla/cards';
import { recycleLead } from '../sla/recycle';
import {
  readFunnelSettings,
  readSlaPolicy,
  startOfLocalDay,
  writeFunnelSettings,
  writeSlaPolicy,
} from '../sla/settings';
import { findClockAdvancer } from '../dev/test-clock';
import { countLiveLeadsByStage, moveLeadsOffRetiredStages, requireShownStage } from '../funnel/funnel-stages';
import { runSlaTick } from '../sla/tick';

/** A rep works only their own leads (the pool they see, but must claim first). */
function requireWorkableLead(ctx: CallContext, id: string): Lead {
  const lead = findLeadById(ctx.db, id);
  if (!lead) throw new ServiceError('not_found', `No lead with id ${id}.`, 'id');
  if (ctx.actor.role === 'rep' && lead.ownerId !== ctx.actor.repId) {
    throw new ServiceError(
      'forbidden',
      lead.ownerId === null
        ? 'Claim this lead from the public pool first.'
        : 'This lead belongs to another rep.',
    );
  }
  return lead;
}

/** The board's filter in store terms; a rep's board shows only their own leads. */
function boardFilterOf(ctx: CallContext, filter: BoardFilter): LeadFilterInput {
  const owner = ctx.actor.role === 'rep' ? ctx.actor.repId : filter.owner;
  return {
    text: filter.text,
    grades: filter.grades,
    source: filter.source,
    owner,
  };
}

function withoutHistory(filter: LeadFilterInput): LeadFilterInput {
  return { ...filter, excludeHistory: true };
}

/** Overdue-only views need every card's clock: they are computed in memory, then paged. */
function overdueCards(ctx: CallContext, filter: LeadFilterInput): WorkCard[] {
  const policy = readSlaPolicy(ctx.db);
  const rows = listAllLeadCards(ctx.db, withoutHistory(filter));
  return toWorkCards(ctx.db, rows, policy, ctx.now)
    .filter((card) => card.sla?.isOverdue === true)
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.id < b.id ? -1 : 1));
}

function cardsPage(
  ctx: CallContext,
  stage: FunnelStage,
  filter: BoardFilter,
  offset: number,
  limit: number,
): { total: number; cards: WorkCard[] } {
  const base = { ...boardFilterOf(ctx, filter), stages: [stage] };
  if (filter.overdueOnly) {
    const all = overdueCards(ctx, base);
    return { total: all.length, cards: all.slice(offset, offset + limit) };
  }
  const rows = listLeadCards(ctx.db, withoutHistory(base), { offset, limit });
  return {
    total: countLeadsWhere(ctx.db, withoutHistory(base)),
    cards: toWorkCards(ctx.db, rows, readSlaPolicy(ctx.db), ctx.now),
  };
}

function cardOf(ctx: CallContext, leadId: string): WorkCard {
  const rows = listAllLeadCards(ctx.db, { leadIds: [leadId] });
  const card = toWorkCards(ctx.db, rows, readSlaPolicy(ctx.db), ctx.now)[0];
  if (!card) throw new ServiceError('not_found', `No lead with id ${leadId}.`, 'id');
  return card;
}

function audit(ctx: CallContext, action: string, leadId: string, detail: object): void {
  appendAudit(ctx.db, {
    at: ctx.now,
    actor: actorLabel(ctx.actor),
    action,
    entity: 'lead',
    entityId: leadId,
    detail,
  });
}

/** Local midnight of an ISO date in the team's time zone, as epoch ms. */
function epochOfLocalDate(iso: string, utcOffsetMinutes: number): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) - utcOffsetMinutes * 60_000;
}

export const workHandlers = {
  'work.settings'(ctx: CallContext): CallOutput<'work.settings'> {
    return {
      funnel: readFunnelSettings(ctx.db),
      sla: readSlaPolicy(ctx.db),
      slaDefaults: DEFAULT_SLA_POLICY,
    };
  },

  'funnel.saveSettings'(
    ctx: CallContext,
    input: ParsedInput<'funnel.saveSettings'>,
  ): CallOutput<'funnel.saveSettings'> {
    requireTeamLead(ctx);
    const { reassign, ...funnel } = input;
    const moved = moveLeadsOffRetiredStages(ctx, readFunnelSettings(ctx.db), funnel, reassign);
    writeFunnelSettings(ctx.db, funnel, ctx.now);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'funnel.settings',
      entity: 'settings',
      entityId: 'work.funnel',
      detail: input,
    });
    ctx.emit('workspace.changed', { reason: 'funnel-settings' });
    return { funnel, moved };
  },

  'funnel.stageCounts'(ctx: CallContext): CallOutput<'funnel.stageCounts'> {
    requireTeamLead(ctx);
    return { counts: Object.fromEntries(countLiveLeadsByStage(ctx.db)) };
  },

  'sla.savePolicy'(ctx: CallContext, input: ParsedInput<'sla.savePolicy'>): CallOutput<'sla.savePolicy'> {
    requireTeamLead(ctx);
    writeSlaPolicy(ctx.db, input.policy, ctx.now);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'sla.policy',
      entity: 'settings',
      entityId: 'sla.policy',
      detail: input.policy,
    });
    ctx.emit('workspace.changed', { reason: 'sla-policy' });
    return input.policy;
  },

  'funnel.board'(ctx: CallContext, input: ParsedInput<'funnel.board'>): CallOutput<'funnel.board'> {
    const filter = boardFilterOf(ctx, input.filter);
    const stages = visibleStages(readFunnelSettings(ctx.db).stages);
    if (input.filter.overdueOnly) {
      const all = overdueCards(ctx, filter);
      return {
        now: ctx.now,
        columns: stages.map((stage) => {
          const inStage = all.filter((card) => card.stage === stage);
          return { stage, total: inStage.length, cards: inStage.slice(0, input.window) };
        }),
      };
    }
    const counts = countLeadsByStage(ctx.db, withoutHistory(filter));
    const policy = readSlaPolicy(ctx.db);
    const names = mapRepNames(ctx.db);
    return {
      now: ctx.now,
      columns: stages.map((stage) => {
        const total = counts.get(stage) ?? 0;
        const rows =
          total === 0 || input.window === 0
            ? []
            : listLeadCards(ctx.db, withoutHistory({ ...filter, stages: [stage] }), {
                offset: 0,
                limit: input.window,
              });
        return { stage, total, cards: toWorkCards(ctx.db, rows, policy, ctx.now, names) };
      }),
    };
  },

  'funnel.cards'(ctx: CallContext, input: ParsedInput<'funnel.cards'>): CallOutput<'funnel.cards'> {
    return cardsPage(ctx, input.stage, input.filter, input.offset, input.limit);
  },

  'funnel.move'(ctx: CallContext, input: ParsedInput<'funnel.move'>): CallOutput<'funnel.move'> {
    const lead = requireWorkableLead(ctx, input.id);
    if (lead.isHistory) throw new ServiceError('conflict', 'History leads stay as they were imported.');
    if (lead.stage === input.stage) return cardOf(ctx, lead.id);
    const settings = readFunnelSettings(ctx.db);
    requireShownStage(settings, input.stage);
    let wonAmountFen: number | null = null;
    let lostReason: string | null = null;
    let closedAt: number | null = null;
    if (input.stage === 'won') {
      if (input.wonAmountYuan === undefined)
        throw new ServiceError('invalid_input', 'Enter the amount won (yuan).', 'wonAmountYuan');
      wonAmountFen = Math.round(input.wonAmountYuan * 100);
      closedAt = ctx.now;
    } else if (input.stage === 'lost') {
      if (input.lostReason === null)
        throw new ServiceError('invalid_input', 'Pick why the lead was lost.', 'lostReason');
      if (!settings.lostReasons.includes(input.lostReason))
        throw new ServiceError('invalid_input', 'Pick a reason from the list.', 'lostReason');
      lostReason = input.lostReason;
      closedAt = ctx.now;
    }
    setLeadStage(ctx.db, lead.id, { stage: input.stage, wonAmountFen, lostReason, closedAt }, ctx.now);
    appendStageChange(ctx.db, {
      id: ctx.newId('stg'),
      leadId: lead.id,
      from: lead.stage,
      to: input.stage,
      actor: actorLabel(ctx.actor),
      note: input.note,
      at: ctx.now,
    });
    if (input.stage === 'nurture') {
      const policy = readSlaPolicy(ctx.db);
      const offset = policy.calendar?.utcOffsetMinutes ?? 480;
      const wakeAt =
        input.wakeOn === undefined
          ? startOfLocalDay(policy, ctx.now) + 30 * DAY_MS + 9 * 3_600_000
          : epochOfLocalDate(input.wakeOn, offset) + 9 * 3_600_000;
      if (wakeAt <= ctx.now)
        throw new ServiceError('invalid_input', 'Pick a wake-up date in the future.', 'wakeOn');
      upsertNurtureWakeup(ctx.db, {
        leadId: lead.id,
        wakeAt,
        returnStage: isOpenStage(lead.stage) ? lead.stage : 'mql',
        parkedBy: actorLabel(ctx.actor),
        parkedAt: ctx.now,
      });
    } else if (lead.stage === 'nurture') {
      deleteNurtureWakeup(ctx.db, lead.id);
    }
    audit(ctx, 'lead.stage', lead.id, {
      from: lead.stage,
      to: input.stage,
      wonAmountFen,
      lostReason,
      note: input.note,
    });
    ctx.emit('leads.changed', { leadIds: [lead.id], reason: 'stage' });
    return cardOf(ctx, lead.id);
  },

  'queue.list'(ctx: CallContext, input: ParsedInput<'queue.list'>): CallOutput<'queue.list'> {
    let owner: string | undefined;
    if (ctx.actor.role === 'rep') owner = ctx.actor.repId;
    else if (input.repId !== undefined && input.repId !== 'all') owner = input.repId;
    const rows = listAllLeadCards(ctx.db, { owner, onClockOnly: true });
    const items = toWorkCards(ctx.db, rows, readSlaPolicy(ctx.db), ctx.now).sort(compareQueueCards);
    return { total: items.length, items: items.slice(0, input.limit), now: ctx.now };
  },

  'followUps.log'(ctx: CallContext, input: ParsedInput<'followUps.log'>): CallOutput<'followUps.log'> {
    const lead = requireWorkableLead(ctx, input.leadId);
    if (input.nextAt != null && input.nextAt <= ctx.now)
      throw new ServiceError('invalid_input', 'The next step must be in the future.', 'nextAt');
    const record = {
      id: ctx.newId('fu'),
      leadId: lead.id,
      repId: ctx.actor.role === 'rep' ? ctx.actor.repId : lead.ownerId,
      channel: input.channel,
      said: input.said,
      reaction: input.reaction,
      nextStep: input.nextStep,
      nextAt: input.nextAt ?? null,
      at: ctx.now,
    };
    insertFollowUp(ctx.db, record);
    audit(ctx, 'followUp.log', lead.id, {
      followUpId: record.id,
      channel: record.channel,
      nextAt: record.nextAt,
    });
    ctx.emit('leads.changed', { leadIds: [lead.id], reason: 'follow-up' });
    return record;
  },

  'work.leadDetail'(ctx: CallContext, input: ParsedInput<'work.leadDetail'>): CallOutput<'work.leadDetail'> {
    const lead = findLeadById(ctx.db, input.id);
    if (!lead) throw new ServiceError('not_found', `No lead with id ${input.id}.`, 'id');
    if (ctx.actor.role === 'rep' && lead.ownerId !== null && lead.ownerId !== ctx.actor.repId)
      throw new ServiceError('forbidden', 'This lead belongs to another rep.');
    const row: LeadCardRow | undefined = listAllLeadCards(ctx.db, { leadIds: [lead.id] })[0];
    const deadlines = row ? slaDeadline(toSlaInput(row, []), readSlaPolicy(ctx.db)) : null;
    return {
      stageHistory: listStageHistory(ctx.db, lead.id),
      sla:
        deadlines === null
          ? null
          : { ...deadlines, isOverdue: deadlines.remindAt !== null && ctx.now >= deadlines.remindAt },
      slaActions: listSlaActionsForLead(ctx.db, lead.id),
      recycles: listRecyclesForLead(ctx.db, lead.id),
      nurtureWakeAt: findNurtureWakeup(ctx.db, lead.id)?.wakeAt ?? null,
    };
  },

  'pool.list'(ctx: CallContext, input: ParsedInput<'pool.list'>): CallOutput<'pool.list'> {
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
    const poolRows: PoolRow[] = cards.map((card) => {
      const recycles = listRecyclesForLead(ctx.db, card.id);
      const last = recycles[recycles.length - 1];
      const mine = repId === null ? [] : recycles.filter((r) => r.fromRepId === repId);
      const lastMine = mine[mine.length - 1];
      const until = lastMine === undefined ? null : lastMine.at + coolDownMs;
      return {
        ...card,
        lastRecycledAt: last?.at ?? null,
        coolDownUntil: until !== null && until > ctx.now ? until : null,
      };
    });
    return {
      total: countLeadsWhere(ctx.db, filter),
      rows: poolRows,
      claimsToday: repId === null ? 0 : countClaimsSince(ctx.db, repId, startOfLocalDay(policy, ctx.now)),
      claimDailyLimit: settings.claimDailyLimit,
    };
  },

  'pool.claim'(ctx: CallContext, input: ParsedInput<'pool.claim'>): CallOutput<'pool.claim'> {
    if (ctx.actor.role !== 'rep')
      throw new ServiceError('forbidden', 'Only a rep claims leads; the team lead assigns them.');
    const repId = ctx.actor.repId;
    const lead = findLeadById(ctx.db, input.leadId);
    if (!lead) throw new ServiceError('not_found', `No lead with id ${input.leadId}.`, 'leadId');
    if (lead.isHistory || !isOpenStage(lead.stage))
      throw new ServiceError('conflict', 'This lead is not in the public pool.', 'leadId');
    if (lead.ownerId !== null)
      throw new ServiceError('conflict', 'Another rep claimed this lead first.', 'leadId');
    const settings = readFunnelSettings(ctx.db);
    const policy = readSlaPolicy(ctx.db);
    const today = countClaimsSince(ctx.db, repId, startOfLocalDay(policy, ctx.now));
    if (today >= settings.claimDailyLimit)
      throw new ServiceError(
        'forbidden',
        `You reached today's claim limit (${settings.claimDailyLimit}).`,
        'leadId',
      );
    const recycledAt = findRecycleFromRep(
      ctx.db,
      lead.id,
      repId,
      ctx.now - settings.claimCooldownDays * DAY_MS,
    );
    if (recycledAt !== null)
      throw new ServiceError(
        'forbidden',
        `This lead was recycled from you; you can claim it again after ${settings.claimCooldownDays} days.`,
        'leadId',
      );
    // First come, first served: the conditional UPDATE is the arbiter, whatever was read above.
    if (!setLeadOwnerIf(ctx.db, lead.id, null, repId, ctx.now))
      throw new ServiceError('conflict', 'Another rep claimed this lead first.', 'leadId');
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
    audit(ctx, 'pool.claim', lead.id, { repId });
    ctx.emit('leads.changed', { leadIds: [lead.id], reason: 'claimed' });
    return cardOf(ctx, lead.id);
  },

  'stale.list'(ctx: CallContext, input: ParsedInput<'stale.list'>): CallOutput<'stale.list'> {
    requireTeamLead(ctx);
    const days = input.days ?? readFunnelSettings(ctx.db).staleDays;
    const rows = listAllLeadCards(ctx.db, { onClockOnly: true });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const names = mapRepNames(ctx.db);
    const stale = staleLeads(
      ctx.now,
      rows.map((row) => toSlaInput(row, [])),
      days,
    );
    return {
      days,
      rows: stale.flatMap((s) => {
        const row = byId.get(s.leadId);
        return row === undefined
          ? []
          : [
              {
                leadId: s.leadId,
                name: row.name,
                company: row.company,
                grade: row.grade,
                stage: row.stage,
                ownerId: s.repId,
                ownerName: names.get(s.repId) ?? null,
                lastProgressAt: s.lastProgressAt,
                idleDays: s.idleDays,
              },
            ];
      }),
    };
  },

  'stale.recycle'(ctx: CallContext, input: ParsedInput<'stale.recycle'>): CallOutput<'stale.recycle'> {
    requireTeamLead(ctx);
    const policy = readSlaPolicy(ctx.db);
    let recycled = 0;
    for (const leadId of new Set(input.leadIds)) {
      const lead = findLeadById(ctx.db, leadId);
      if (!lead || lead.ownerId === null || lead.isHistory || !isOpenStage(lead.stage)) continue;
      const outcome = recycleLead(ctx, {
        leadId,
        fromRepId: lead.ownerId,
        reason: 'stale',
        text: 'No progress: recycled from the stale list',
        target: policy.recycleTarget,
      });
      if (outcome.isRecycled) recycled += 1;
    }
    return { recycled };
  },

  'notifications.list'(
    ctx: CallContext,
    input: ParsedInput<'notifications.list'>,
  ): CallOutput<'notifications.list'> {
    const recipient = recipientOf(ctx);
    return {
      unread: countUnreadNotifications(ctx.db, recipient),
      rows: listNotifications(ctx.db, recipient, { unreadOnly: input.unreadOnly, limit: input.limit }),
    };
  },

  'notifications.markRead'(
    ctx: CallContext,
    input: ParsedInput<'notifications.markRead'>,
  ): CallOutput<'notifications.markRead'> {
    const recipient = recipientOf(ctx);
    markNotificationsRead(ctx.db, recipient, input.all === true ? 'all' : (input.ids ?? []), ctx.now);
    return { unread: countUnreadNotifications(ctx.db, recipient) };
  },

  'sla.runDue'(ctx: CallContext): Promise<CallOutput<'sla.runDue'>> {
    requireTeamLead(ctx);
    return runSlaTick(ctx);
  },

  'dev.advanceClock'(
    ctx: CallContext,
    input: ParsedInput<'dev.advanceClock'>,
  ): Promise<CallOutput<'dev.advanceClock'>> {
    requireTeamLead(ctx);
    const advance = findClockAdvancer(ctx.clock);
    if (advance === undefined)
      throw new ServiceError('forbidden', 'Test hooks are off: start the hub with --test-hooks.');
    advance(input.minutes * 60_000);
    return runSlaTick(ctx);
  },
};
