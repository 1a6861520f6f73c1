// Handlers of the agenda: a rep's open activities due today and this week (overdue first), completing one with a
// key, and moving one to a new time.
import type { FunnelStage } from '../../domain/funnel';
import { agendaBounds, agendaSectionOf } from '../../domain/sla/agenda';
import { teamUtcOffsetMinutes } from '../../domain/sla/local-day';
import { quickPickAt } from '../../domain/sla/quick-picks';
import {
  completeActivity,
  findActivityById,
  listAgendaRows,
  scheduleActivity,
  type ActivityRecord,
} from '../../store/activities';
import type { CallContext, HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { readSlaPolicy } from '../sla/settings';
import { auditLead, requireWorkableLead } from '../work/workable-lead';
import type { followUpsCalls } from './calls';
import { FOLLOW_UPS_ERRORS } from './errors';
import { resolveDueAt } from './resolve-due';

type AgendaCalls = Pick<
  typeof followUpsCalls,
  'followUps.agenda' | 'followUps.completeActivity' | 'followUps.rescheduleActivity'
>;

/** An open activity on a lead the caller may work, or a refusal. */
function requireOpenActivity(ctx: CallContext, id: string): ActivityRecord {
  const activity = findActivityById(ctx.db, id);
  if (activity === null || activity.doneAt !== null || activity.cancelledAt !== null)
    throw new ServiceError(FOLLOW_UPS_ERRORS.activityNotFound, { id }, 'id');
  requireWorkableLead(ctx, activity.leadId);
  return activity;
}

/** An unreachable quick pick (a calendar with no working day) shows as none rather than as Infinity. */
function finiteOr(at: number, fallback: number): number {
  return Number.isFinite(at) ? at : fallback;
}

export const agendaHandlers: HandlersOf<AgendaCalls> = {
  'followUps.agenda'(ctx, input) {
    const policy = readSlaPolicy(ctx.db);
    const offset = teamUtcOffsetMinutes(policy);
    const bounds = agendaBounds(ctx.now, offset);
    const repId = ctx.actor.role === 'rep' ? ctx.actor.repId : input.repId;
    const tomorrowMorning = quickPickAt('tomorrow_morning', ctx.now, policy);
    // This week, and the next working day when the week ends first: "tomorrow morning" picked on a Friday or a
    // weekend is Monday, and must not vanish from the agenda (it shows under "later").
    const before = Number.isFinite(tomorrowMorning)
      ? Math.max(bounds.weekEnd, agendaBounds(tomorrowMorning, offset).todayEnd)
      : bounds.weekEnd;
    const rows = listAgendaRows(ctx.db, { repId, before, limit: input.limit });
    return {
      now: ctx.now,
      ...bounds,
      items: rows.map((row) => ({
        ...row,
        stage: row.stage as FunnelStage,
        section: agendaSectionOf(row.dueAt, ctx.now, bounds),
      })),
      quickPicks: {
        in_2_hours: finiteOr(quickPickAt('in_2_hours', ctx.now, policy), 0),
        tomorrow_morning: finiteOr(quickPickAt('tomorrow_morning', ctx.now, policy), 0),
        next_monday: finiteOr(quickPickAt('next_monday', ctx.now, policy), 0),
      },
    };
  },

  'followUps.completeActivity'(ctx, input) {
    const activity = requireOpenActivity(ctx, input.id);
    completeActivity(ctx.db, activity.id, ctx.now);
    auditLead(ctx, 'activity.complete', activity.leadId, { activityId: activity.id });
    ctx.emit('leads.changed', { leadIds: [activity.leadId], reason: 'activity' });
    return { ...activity, doneAt: ctx.now };
  },

  'followUps.rescheduleActivity'(ctx, input) {
    const activity = requireOpenActivity(ctx, input.id);
    const dueAt = resolveDueAt(ctx, input);
    if (dueAt === null) throw new ServiceError(FOLLOW_UPS_ERRORS.dueMissing, {}, 'nextAt');
    const lead = requireWorkableLead(ctx, activity.leadId);
    const moved = {
      id: ctx.newId('act'),
      leadId: activity.leadId,
      repId: lead.ownerId,
      kind: activity.kind,
      title: activity.title,
      dueAt,
      followUpId: activity.followUpId,
      createdAt: ctx.now,
    };
    scheduleActivity(ctx.db, moved);
    auditLead(ctx, 'activity.reschedule', activity.leadId, { from: activity.id, to: moved.id, dueAt });
    ctx.emit('leads.changed', { leadIds: [activity.leadId], reason: 'activity' });
    return { ...moved, doneAt: null, cancelledAt: null };
  },
};
