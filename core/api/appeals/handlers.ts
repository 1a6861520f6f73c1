// Handlers of the appeal calls: a rep raises one on an assignment to or away from them; the team lead resolves.
import {
  countOpenAppeals,
  findAppealById,
  findOpenAppeal,
  insertAppeal,
  listAppeals,
  resolveAppealRow,
  type Appeal,
} from '../../store/appeals';
import { appendAudit } from '../../store/audit-log';
import { findAssignmentById, findLatestAssignment } from '../../store/distribution-state';
import { findLeadById } from '../../store/leads';
import { actorLabel, type CallContext, type HandlersOf } from '../call-context';
import { reassignLeads } from '../distribution/manual';
import { ServiceError } from '../errors';
import { isAppealableBy } from './appealable';
import type { appealsCalls } from './calls';
import { APPEALS_ERRORS } from './errors';

function emitAppealChange(ctx: CallContext, appeal: Appeal): void {
  ctx.emit('appeals.changed', { appealId: appeal.id, state: appeal.state, open: countOpenAppeals(ctx.db) });
}

export const appealsHandlers: HandlersOf<typeof appealsCalls> = {
  'appeals.raise'(ctx, input) {
    if (ctx.actor.role !== 'rep') throw new ServiceError(APPEALS_ERRORS.repsOnly);
    const repId = ctx.actor.repId;
    const lead = findLeadById(ctx.db, input.leadId);
    if (!lead) throw new ServiceError(APPEALS_ERRORS.leadNotFound, { id: input.leadId }, 'leadId');
    const assignment =
      input.assignmentId === undefined
        ? findLatestAssignment(ctx.db, lead.id)
        : findAssignmentById(ctx.db, input.assignmentId);
    if (!assignment || assignment.leadId !== lead.id)
      throw new ServiceError(APPEALS_ERRORS.assignmentNotFound, undefined, 'assignmentId');
    if (!isAppealableBy(assignment, repId))
      throw new ServiceError(APPEALS_ERRORS.notYourAssignment, undefined, 'assignmentId');
    if (findOpenAppeal(ctx.db, assignment.id, repId))
      throw new ServiceError(APPEALS_ERRORS.alreadyOpen, undefined, 'assignmentId');
    const appeal: Appeal = {
      id: ctx.newId('appeal'),
      leadId: lead.id,
      assignmentId: assignment.id,
      repId,
      message: input.message,
      state: 'open',
      reply: null,
      resolvedToRepId: null,
      resolvedBy: null,
      createdAt: ctx.now,
      resolvedAt: null,
    };
    insertAppeal(ctx.db, appeal);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'appeal.raise',
      entity: 'lead',
      entityId: lead.id,
      detail: { appealId: appeal.id, assignmentId: assignment.id, message: input.message },
    });
    emitAppealChange(ctx, appeal);
    return appeal;
  },

  'appeals.resolve'(ctx, input) {
    const appeal = findAppealById(ctx.db, input.id);
    if (!appeal) throw new ServiceError(APPEALS_ERRORS.notFound, { id: input.id }, 'id');
    if (appeal.state !== 'open')
      throw new ServiceError(APPEALS_ERRORS.alreadyResolved, { id: input.id }, 'id');
    const reply = input.reply === undefined || input.reply === '' ? null : input.reply;
    const accepted = input.decision === 'accept';
    const toRepId = accepted ? (input.toRepId ?? null) : null;
    if (accepted) {
      reassignLeads(ctx, [appeal.leadId], toRepId, reply ?? appeal.message, {
        kind: 'appeal',
        appealId: appeal.id,
      });
    }
    const resolution = {
      state: accepted ? ('accepted' as const) : ('rejected' as const),
      reply,
      resolvedToRepId: toRepId,
      resolvedBy: actorLabel(ctx.actor),
      resolvedAt: ctx.now,
    };
    resolveAppealRow(ctx.db, appeal.id, resolution);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: accepted ? 'appeal.accept' : 'appeal.reject',
      entity: 'lead',
      entityId: appeal.leadId,
      detail: { appealId: appeal.id, reply, toRepId },
    });
    const resolved: Appeal = { ...appeal, ...resolution };
    emitAppealChange(ctx, resolved);
    return resolved;
  },

  'appeals.list'(ctx, input) {
    const appeals = listAppeals(ctx.db, {
      state: input.state,
      leadId: input.leadId,
      repId: ctx.actor.role === 'rep' ? ctx.actor.repId : undefined,
      limit: input.limit,
    });
    return appeals.map((appeal) => ({
      ...appeal,
      leadName: findLeadById(ctx.db, appeal.leadId)?.name ?? '',
    }));
  },

  'appeals.count'(ctx) {
    return { open: countOpenAppeals(ctx.db, ctx.actor.role === 'rep' ? ctx.actor.repId : undefined) };
  },
};
