// Handlers of the work namespace: the working settings, and one lead's stage, SLA and recycle history.
import { DEFAULT_SLA_POLICY } from '../../domain/sla/sla-policy';
import { slaDeadline } from '../../domain/sla/due-actions';
import { findLeadById } from '../../store/leads';
import { findNurtureWakeup } from '../../store/nurture-wakeups';
import { listRecyclesForLead } from '../../store/pool-claims';
import { listSlaActionsForLead } from '../../store/sla-actions';
import { listStageHistory } from '../../store/stage-history';
import { listAllLeadCards, toSlaInput } from '../../store/work-leads';
import type { HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { readFunnelSettings, readSlaPolicy } from '../sla/settings';
import type { workCalls } from './calls';
import { WORK_ERRORS } from './errors';

/** Over JSON an unreachable deadline (Infinity: the calendar never opens) reads as none. */
function finiteOrNull(at: number | null): number | null {
  return at !== null && Number.isFinite(at) ? at : null;
}

export const workHandlers: HandlersOf<typeof workCalls> = {
  'work.settings'(ctx) {
    return {
      funnel: readFunnelSettings(ctx.db),
      sla: readSlaPolicy(ctx.db),
      slaDefaults: DEFAULT_SLA_POLICY,
    };
  },

  'work.leadDetail'(ctx, input) {
    const lead = findLeadById(ctx.db, input.id);
    if (!lead) throw new ServiceError(WORK_ERRORS.leadNotFound, { id: input.id }, 'id');
    if (ctx.actor.role === 'rep' && lead.ownerId !== null && lead.ownerId !== ctx.actor.repId)
      throw new ServiceError(WORK_ERRORS.notYourLead, { id: input.id }, 'id');
    const row = listAllLeadCards(ctx.db, { leadIds: [lead.id] })[0];
    const deadlines = row ? slaDeadline(toSlaInput(row, []), readSlaPolicy(ctx.db)) : null;
    return {
      stageHistory: listStageHistory(ctx.db, lead.id),
      sla:
        deadlines === null
          ? null
          : {
              ...deadlines,
              remindAt: finiteOrNull(deadlines.remindAt),
              escalateAt: finiteOrNull(deadlines.escalateAt),
              recycleAt: finiteOrNull(deadlines.recycleAt),
              isOverdue: deadlines.remindAt !== null && ctx.now >= deadlines.remindAt,
            },
      slaActions: listSlaActionsForLead(ctx.db, lead.id),
      recycles: listRecyclesForLead(ctx.db, lead.id),
      nurtureWakeAt: findNurtureWakeup(ctx.db, lead.id)?.wakeAt ?? null,
    };
  },
};
