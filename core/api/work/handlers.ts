// Handlers of the work namespace: the working settings, and one lead's stage, SLA and recycle history.
import { DEFAULT_SLA_POLICY } from '../../domain/sla/sla-policy';
import { findLeadById } from '../../store/leads';
import { findNurtureWakeup } from '../../store/nurture-wakeups';
import { listRecyclesForLead } from '../../store/pool-claims';
import { listSlaActionsForLead } from '../../store/sla-actions';
import { listStageHistory } from '../../store/stage-history';
import { listAllLeadCards } from '../../store/work-leads';
import type { HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { clocksOfRows } from '../sla/cards';
import { readFunnelSettings, readSlaPolicy } from '../sla/settings';
import type { workCalls } from './calls';
import { WORK_ERRORS } from './errors';

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
    const policy = readSlaPolicy(ctx.db);
    const rows = listAllLeadCards(ctx.db, { leadIds: [lead.id] });
    const clock = clocksOfRows(ctx.db, rows, policy, ctx.now).clocks[0] ?? null;
    return {
      stageHistory: listStageHistory(ctx.db, lead.id),
      sla:
        clock === null
          ? null
          : {
              trigger: clock.kind,
              clockStart: clock.clockStart,
              grade: clock.grade,
              remindAt: clock.dueAt,
              escalateAt: clock.escalateAt,
              recycleAt: clock.recycleAt,
              isOverdue: clock.isOverdue,
            },
      slaActions: listSlaActionsForLead(ctx.db, lead.id),
      recycles: listRecyclesForLead(ctx.db, lead.id),
      nurtureWakeAt: findNurtureWakeup(ctx.db, lead.id)?.wakeAt ?? null,
    };
  },
};
