// Calls of the follow-up log and the agenda: recording what was said to a lead, scheduling (or clearing) the next
// activity, and a rep's list of activities due today and this week.
import { z } from 'zod';
import { FOLLOW_UP_CHANNELS } from '../../domain/follow-up';
import { ACTIVITY_KINDS } from '../../domain/sla/agenda';
import { defineCall, id, MAX_NOTES, MAX_TEXT, optionalText } from '../contract-kit';
import { WORKABLE_LEAD_ERRORS } from '../work/errors';
import { FOLLOW_UPS_ERRORS } from './errors';
import { activitySchema, agendaSchema, dueInputShape, followUpSchema } from './schemas';

export const followUpsCalls = {
  /**
   * Logs a contact. The next step: `nextStep`/`nextAt`/`nextPick` (with `nextKind`, default a call) schedule the
   * next activity and replace the open one; a next step without a time is kept as written; `noNextStep` clears
   * the open one (the SLA's follow-up gap is due again); none of these leaves the open activity as it was.
   */
  'followUps.log': defineCall({
    input: z
      .object({
        leadId: id,
        channel: z.enum(FOLLOW_UP_CHANNELS),
        said: z.string().trim().min(1, 'say what was said').max(MAX_NOTES),
        reaction: optionalText(MAX_NOTES),
        nextStep: optionalText(MAX_TEXT),
        nextKind: z.enum(ACTIVITY_KINDS).optional(),
        ...dueInputShape,
        noNextStep: z.boolean().optional(),
      })
      .strict(),
    output: followUpSchema.extend({ nextActivity: activitySchema.nullable() }).strict(),
    access: 'signed-in',
    repScope: 'own-leads',
    errors: [
      ...WORKABLE_LEAD_ERRORS,
      FOLLOW_UPS_ERRORS.nextAtPast,
      FOLLOW_UPS_ERRORS.nextConflict,
      FOLLOW_UPS_ERRORS.noWorkingTime,
    ],
  }),
  'followUps.agenda': defineCall({
    input: z
      .object({
        /** The team lead may look at one rep's agenda; a rep always sees their own. */
        repId: id.optional(),
        limit: z.number().int().min(1).max(1000).default(300),
      })
      .strict(),
    output: agendaSchema,
    access: 'signed-in',
    repScope: 'self',
  }),
  'followUps.completeActivity': defineCall({
    input: z.object({ id }).strict(),
    output: activitySchema,
    access: 'signed-in',
    repScope: 'own-leads',
    errors: [...WORKABLE_LEAD_ERRORS, FOLLOW_UPS_ERRORS.activityNotFound],
  }),
  /** Moves an open activity to a new time: the old row is closed and a new one opened (it reminds again). */
  'followUps.rescheduleActivity': defineCall({
    input: z.object({ id, ...dueInputShape }).strict(),
    output: activitySchema,
    access: 'signed-in',
    repScope: 'own-leads',
    errors: [
      ...WORKABLE_LEAD_ERRORS,
      FOLLOW_UPS_ERRORS.activityNotFound,
      FOLLOW_UPS_ERRORS.dueMissing,
      FOLLOW_UPS_ERRORS.nextAtPast,
      FOLLOW_UPS_ERRORS.nextConflict,
      FOLLOW_UPS_ERRORS.noWorkingTime,
    ],
  }),
};
