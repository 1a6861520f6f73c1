// A lead as the working views show it (board, queue, pool): compact fields, its running SLA clock, its next step.
import { z } from 'zod';
import { GRADES } from '../../domain/funnel';
import { ACTIVITY_KINDS } from '../../domain/sla/agenda';
import { stageSchema } from '../leads/schemas';

const epochMs = z.number().int();

/** A lead's running SLA clock as the UI shows it. Times are epoch ms. */
const cardSlaSchema = z
  .object({
    /** Which clock runs (domain/sla/lead-clock.ts): first contact, the scheduled activity, or the follow-up gap. */
    trigger: z.enum(['first_contact', 'next_activity', 'follow_up']),
    /** When the running clock is due. */
    dueAt: epochMs.nullable(),
    escalateAt: epochMs.nullable(),
    recycleAt: epochMs.nullable(),
    isOverdue: z.boolean(),
    /** Past the escalation deadline: the team lead was told and the lead will be recycled. */
    isToBeRecycled: z.boolean(),
  })
  .strict();
export type CardSla = z.output<typeof cardSlaSchema>;

export const workCardSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    company: z.string().nullable(),
    /** As typed (display only; format for display in the UI). */
    phone: z.string().nullable(),
    email: z.string().nullable(),
    grade: z.enum(GRADES).nullable(),
    score: z.number().nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    stage: stageSchema,
    source: z.string().nullable(),
    sla: cardSlaSchema.nullable(),
    /** The owner's open scheduled activity (the next step): its id, kind, words and due time (null = no time). */
    nextActivityId: z.string().nullable(),
    nextKind: z.enum(ACTIVITY_KINDS).nullable(),
    nextStep: z.string().nullable(),
    nextAt: epochMs.nullable(),
    lastFollowUpAt: epochMs.nullable(),
    /** When the lead last changed stage (null = never since it arrived): the kanban's rotting clock. */
    stageChangedAt: epochMs.nullable().optional(),
  })
  .strict();
export type WorkCard = z.output<typeof workCardSchema>;
