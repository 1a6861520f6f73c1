// Handlers of the follow-up log: a rep logs contact with their own lead; the team lead with any lead.
import { insertFollowUp } from '../../store/follow-ups';
import type { HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { auditLead, requireWorkableLead } from '../work/workable-lead';
import type { followUpsCalls } from './calls';
import { FOLLOW_UPS_ERRORS } from './errors';

export const followUpsHandlers: HandlersOf<typeof followUpsCalls> = {
  'followUps.log'(ctx, input) {
    const lead = requireWorkableLead(ctx, input.leadId, 'leadId');
    if (input.nextAt != null && input.nextAt <= ctx.now)
      throw new ServiceError(FOLLOW_UPS_ERRORS.nextAtPast, { now: ctx.now }, 'nextAt');
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
    auditLead(ctx, 'followUp.log', lead.id, {
      followUpId: record.id,
      channel: record.channel,
      nextAt: record.nextAt,
    });
    ctx.emit('leads.changed', { leadIds: [lead.id], reason: 'follow-up' });
    return record;
  },
};
