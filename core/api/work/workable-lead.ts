// What every call that works one lead needs: the lead if the caller may work it, its card, its audit entry.
import type { Lead } from '../../domain/lead';
import { appendAudit } from '../../store/audit-log';
import { findLeadById } from '../../store/leads';
import { findLeadCard } from '../../store/work-leads';
import { actorLabel, type CallContext } from '../call-context';
import { ServiceError } from '../errors';
import { toWorkCards } from '../sla/cards';
import { readSlaPolicy } from '../sla/settings';
import { WORK_ERRORS } from './errors';
import type { WorkCard } from './schemas';

/** A rep works only their own leads (the pool they see, but must claim first). */
export function requireWorkableLead(ctx: CallContext, id: string, field = 'id'): Lead {
  const lead = findLeadById(ctx.db, id);
  if (!lead) throw new ServiceError(WORK_ERRORS.leadNotFound, { id }, field);
  if (ctx.actor.role === 'rep' && lead.ownerId !== ctx.actor.repId)
    throw new ServiceError(
      lead.ownerId === null ? WORK_ERRORS.claimFirst : WORK_ERRORS.notYourLead,
      { id },
      field,
    );
  return lead;
}

/** The lead's card as the board shows it now. */
export function cardOf(ctx: CallContext, leadId: string): WorkCard {
  const row = findLeadCard(ctx.db, leadId);
  const card = row && toWorkCards(ctx.db, [row], readSlaPolicy(ctx.db), ctx.now)[0];
  if (!card) throw new ServiceError(WORK_ERRORS.leadNotFound, { id: leadId }, 'id');
  return card;
}

export function auditLead(ctx: CallContext, action: string, leadId: string, detail: object): void {
  appendAudit(ctx.db, {
    at: ctx.now,
    actor: actorLabel(ctx.actor),
    action,
    entity: 'lead',
    entityId: leadId,
    detail,
  });
}
