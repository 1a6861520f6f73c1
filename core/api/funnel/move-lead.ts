// Moving a lead between stages: the Won and Lost gates, parking in nurture with a wake-up, the stage history.
import { nurtureReturnStage, nurtureWakeAt } from '../../domain/sla/nurture';
import { teamUtcOffsetMinutes } from '../../domain/sla/local-day';
import { deleteNurtureWakeup, upsertNurtureWakeup } from '../../store/nurture-wakeups';
import { appendStageChange } from '../../store/stage-history';
import { setLeadStage } from '../../store/work-leads';
import { actorLabel, type CallContext, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { readFunnelSettings, readSlaPolicy } from '../sla/settings';
import { WORK_ERRORS } from '../work/errors';
import { auditLead, cardOf, requireWorkableLead } from '../work/workable-lead';
import type { WorkCard } from '../work/schemas';
import type { funnelCalls } from './calls';
import { FUNNEL_ERRORS } from './errors';
import { requireShownStage } from './funnel-stages';

type MoveInput = Parameters<HandlersOf<typeof funnelCalls>['funnel.move']>[1];

/** What closing a lead stores: the amount won (fen), why it was lost, when it closed. */
function closingOf(ctx: CallContext, input: MoveInput, lostReasons: readonly string[]) {
  if (input.stage === 'won') {
    if (input.wonAmountYuan === undefined)
      throw new ServiceError(FUNNEL_ERRORS.wonAmountRequired, undefined, 'wonAmountYuan');
    return { wonAmountFen: Math.round(input.wonAmountYuan * 100), lostReason: null, closedAt: ctx.now };
  }
  if (input.stage === 'lost') {
    if (input.lostReason === null)
      throw new ServiceError(FUNNEL_ERRORS.lostReasonRequired, undefined, 'lostReason');
    if (!lostReasons.includes(input.lostReason))
      throw new ServiceError(FUNNEL_ERRORS.lostReasonUnknown, { reason: input.lostReason }, 'lostReason');
    return { wonAmountFen: null, lostReason: input.lostReason, closedAt: ctx.now };
  }
  return { wonAmountFen: null, lostReason: null, closedAt: null };
}

export function moveLead(ctx: CallContext, input: MoveInput): WorkCard {
  const lead = requireWorkableLead(ctx, input.id);
  if (lead.isHistory) throw new ServiceError(WORK_ERRORS.historyLead, { id: lead.id }, 'id');
  if (lead.stage === input.stage) return cardOf(ctx, lead.id);
  const settings = readFunnelSettings(ctx.db);
  requireShownStage(settings, input.stage);
  const closing = closingOf(ctx, input, settings.lostReasons);
  setLeadStage(ctx.db, lead.id, { stage: input.stage, ...closing }, ctx.now);
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
    const wakeAt = nurtureWakeAt(ctx.now, teamUtcOffsetMinutes(readSlaPolicy(ctx.db)), input.wakeOn);
    if (wakeAt <= ctx.now) throw new ServiceError(FUNNEL_ERRORS.wakeOnPast, undefined, 'wakeOn');
    upsertNurtureWakeup(ctx.db, {
      leadId: lead.id,
      wakeAt,
      returnStage: nurtureReturnStage(lead.stage),
      parkedBy: actorLabel(ctx.actor),
      parkedAt: ctx.now,
    });
  } else if (lead.stage === 'nurture') {
    deleteNurtureWakeup(ctx.db, lead.id);
  }
  auditLead(ctx, 'lead.stage', lead.id, {
    from: lead.stage,
    to: input.stage,
    wonAmountFen: closing.wonAmountFen,
    lostReason: closing.lostReason,
    note: input.note,
  });
  ctx.emit('leads.changed', { leadIds: [lead.id], reason: 'stage' });
  return cardOf(ctx, lead.id);
}
