// The SLA policy as stored, edited and answered, and what one scheduler tick did.
import { z } from 'zod';
import {
  checkSlaPolicy,
  SLA_GRADE_KEYS,
  type SlaGradeKey,
  type SlaPolicy,
} from '../../domain/sla/sla-policy';
import { isoDate } from '../contract-kit';

const minutes = z.number().int().min(0).max(525_600);
const clockRuleSchema = z
  .object({
    firstContactMinutes: minutes,
    followUpMinutes: minutes.nullable(),
    escalateAfterMinutes: minutes.nullable(),
    recycleAfterMinutes: minutes.nullable(),
  })
  .strict();
const workingHoursSchema = z
  .object({ startMinute: z.number().int().min(0).max(1440), endMinute: z.number().int().min(0).max(1440) })
  .strict();

/** The SLA policy as stored and edited; the domain's checkSlaPolicy names what is inconsistent. */
export const slaPolicySchema = z
  .object({
    grades: z
      .object(
        Object.fromEntries(SLA_GRADE_KEYS.map((key) => [key, clockRuleSchema])) as Record<
          SlaGradeKey,
          typeof clockRuleSchema
        >,
      )
      .strict(),
    recycleTarget: z.enum(['pool', 'redistribute']),
    calendar: z
      .object({
        utcOffsetMinutes: z.number().int().min(-720).max(840),
        weekdays: z.array(workingHoursSchema.nullable()).length(7).readonly(),
        holidays: z.array(isoDate).max(400).readonly(),
        makeUpDays: z.array(isoDate).max(100).readonly().optional(),
      })
      .strict()
      .nullable(),
  })
  .strict()
  .superRefine((policy, ctx) => {
    for (const problem of checkSlaPolicy(policy)) ctx.addIssue({ code: 'custom', message: problem });
  }) satisfies z.ZodType<SlaPolicy>;

const count = z.number().int().min(0);

/** What one tick applied, by kind; `failed` counts steps that threw and were rolled back alone. */
export const tickSummarySchema = z
  .object({
    now: z.number(),
    reminded: count,
    escalated: count,
    recycled: count,
    followUpReminders: count,
    nextStepReminders: count,
    nurtureWoken: count,
    assignmentNotices: count,
    failed: count,
  })
  .strict();
export type TickSummary = z.output<typeof tickSummarySchema>;
