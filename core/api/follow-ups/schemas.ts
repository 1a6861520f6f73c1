// A logged follow-up, a scheduled activity and an agenda row, as the calls answer them.
import { z } from 'zod';
import { FOLLOW_UP_CHANNELS } from '../../domain/follow-up';
import { ACTIVITY_KINDS } from '../../domain/sla/agenda';
import { QUICK_PICKS } from '../../domain/sla/quick-picks';
import { stageSchema } from '../leads/schemas';

const epochMs = z.number().int();

export const followUpSchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    repId: z.string().nullable(),
    channel: z.enum(FOLLOW_UP_CHANNELS),
    said: z.string(),
    reaction: z.string().nullable(),
    nextStep: z.string().nullable(),
    nextAt: z.number().int().nullable(),
    at: z.number().int(),
  })
  .strict();

/** A scheduled activity (a lead's next step). dueAt null = written down without a time. */
export const activitySchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    repId: z.string().nullable(),
    kind: z.enum(ACTIVITY_KINDS),
    title: z.string().nullable(),
    dueAt: epochMs.nullable(),
    followUpId: z.string().nullable(),
    createdAt: epochMs,
    doneAt: epochMs.nullable(),
    cancelledAt: epochMs.nullable(),
  })
  .strict();

/** When the next activity is due: an exact instant, or a quick pick read in the team's working calendar. */
export const dueInputShape = {
  nextAt: z.number().int().min(0).max(8_640_000_000_000).nullish(),
  nextPick: z.enum(QUICK_PICKS).optional(),
};

export const agendaItemSchema = activitySchema
  .extend({
    leadName: z.string(),
    company: z.string().nullable(),
    phone: z.string().nullable(),
    stage: stageSchema,
    section: z.enum(['overdue', 'today', 'week', 'later', 'undated']),
  })
  .strict();

export const agendaSchema = z
  .object({
    now: epochMs,
    todayEnd: epochMs,
    weekEnd: epochMs,
    /** Overdue first, then by due time; undated last. */
    items: z.array(agendaItemSchema),
    /** What each quick pick means right now, for the buttons' hints. */
    quickPicks: z.object({ in_2_hours: epochMs, tomorrow_morning: epochMs, next_monday: epochMs }).strict(),
  })
  .strict();
