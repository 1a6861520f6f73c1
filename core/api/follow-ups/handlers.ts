// Handlers of the follow-up log: a rep logs contact with their own lead (the team lead with any lead), and
// schedules, replaces or clears its next activity in the same transaction.
import { cancelOpenActivity, findActivityById, scheduleActivity } from '../../store/activities';
import { insertFollowUp } from '../../store/follow-ups';
import type { HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { auditLead, requireWorkableLead } from '../work/workable-lead';
import { agendaHandlers } from './agenda';
import type { followUpsCalls } from './calls';
import { FOLLOW_UPS_ERRORS } from './errors';
import { resolveDueAt } from './resolve-due';

export const followUpsHandlers: HandlersOf<typeof followUpsCalls> = {
  'followUps.log'(ctx, input) {
    const lead = requireWorkableLead(ctx, input.leadId, 'leadId');
    const schedules =
      input.nextStep !== null ||
      input.nextAt != null ||
      input.nextPick !== undefined ||
      input.nextKind !== undefined;
    if (input.noNextStep === true && schedules)
      throw new ServiceError(FOLLOW_UPS_ERRORS.nextConflict, {}, 'noNextStep');
    const nextAt = resolveDueAt(ctx, input);
    const repId = ctx.actor.role === 'rep' ? ctx.actor.repId : lead.ownerId;
    const record = {
      id: ctx.newId('fu'),
      leadId: lead.id,
      repId,
      channel: input.channel,
      said: input.said,
      reaction: input.reaction,
      nextStep: input.nextStep,
      nextAt,
      at: ctx.now,
    };
    insertFollowUp(ctx.db, record);
    let activityId: string | null = null;
    if (input.noNextStep === true) cancelOpenActivity(ctx.db, lead.id, ctx.now);
    else if (schedules) {
      activityId = ctx.newId('act');
      scheduleActivity(ctx.db, {
        id: activityId,
        leadId: lead.id,
        repId,
        kind: input.nextKind ?? 'call',
        title: input.nextStep,
        dueAt: nextAt,
        followUpId: record.id,
        createdAt: ctx.now,
      });
    }
    auditLead(ctx, 'followUp.log', lead.id, {
      followUpId: record.id,
      channel: record.channel,
      nextAt: record.nextAt,
      noNextStep: input.noNextStep === true,
    });
    ctx.emit('leads.changed', { leadIds: [lead.id], reason: 'follow-up' });
    return { ...record, nextActivity: activityId === null ? null : findActivityById(ctx.db, activityId) };
  },

  ...agendaHandlers,
};
