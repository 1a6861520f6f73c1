// Calls of the work namespace: the settings every working view reads, and one lead's working history.
import { z } from 'zod';
import { GRADES } from '../../domain/funnel';
import { defineCall, empty, id } from '../contract-kit';
import { funnelSettingsSchema } from '../funnel/schemas';
import { stageSchema } from '../leads/schemas';
import { slaPolicySchema } from '../sla/schemas';
import { WORK_ERRORS } from './errors';

const epochMs = z.number().int();
const slaTrigger = z.enum(['first_contact', 'follow_up']);
/** Which clock runs (domain/sla/lead-clock.ts). */
const clockKind = z.enum(['first_contact', 'next_activity', 'follow_up']);

const workSettingsSchema = z
  .object({ funnel: funnelSettingsSchema, sla: slaPolicySchema, slaDefaults: slaPolicySchema })
  .strict();
export type WorkSettings = z.output<typeof workSettingsSchema>;

/** A lead's stage moves, SLA clock and actions, recycles and nurture wake-up, for its detail drawer. */
const leadWorkDetailSchema = z
  .object({
    stageHistory: z.array(
      z
        .object({
          id: z.string(),
          leadId: z.string(),
          from: stageSchema,
          to: stageSchema,
          actor: z.string(),
          note: z.string().nullable(),
          at: epochMs,
        })
        .strict(),
    ),
    /**
     * The lead's running clock; remindAt = when it is due. Epoch ms; null where the policy turns a step off or the
     * calendar never opens.
     */
    sla: z
      .object({
        trigger: clockKind,
        clockStart: epochMs,
        grade: z.union([z.enum(GRADES), z.literal('ungraded')]),
        remindAt: epochMs.nullable(),
        escalateAt: epochMs.nullable(),
        recycleAt: epochMs.nullable(),
        isOverdue: z.boolean(),
      })
      .strict()
      .nullable(),
    slaActions: z.array(
      z
        .object({
          leadId: z.string(),
          kind: z.enum(['remind', 'escalate', 'recycle']),
          trigger: slaTrigger,
          clockStart: epochMs,
          repId: z.string().nullable(),
          dueAt: epochMs,
          appliedAt: epochMs,
        })
        .strict(),
    ),
    recycles: z.array(
      z
        .object({
          id: z.string(),
          leadId: z.string(),
          fromRepId: z.string(),
          reason: z.enum(['sla', 'stale', 'nurture', 'released']),
          at: epochMs,
        })
        .strict(),
    ),
    nurtureWakeAt: epochMs.nullable(),
  })
  .strict();

export const workCalls = {
  'work.settings': defineCall({
    input: empty,
    output: workSettingsSchema,
    access: 'signed-in',
    // Stage names, lost reasons and SLA clocks are the same for the whole team.
    repScope: 'shared',
  }),
  'work.leadDetail': defineCall({
    input: z.object({ id }).strict(),
    output: leadWorkDetailSchema,
    access: 'signed-in',
    // A rep's own leads and the pool's; another rep's lead is refused.
    repScope: 'own-and-pool',
    errors: [WORK_ERRORS.leadNotFound, WORK_ERRORS.notYourLead],
  }),
};
