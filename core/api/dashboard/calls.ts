// Dashboard calls: the team lead's funnel, SLA and per-rep figures for a period of local days.
import { z } from 'zod';
import { defineCall, isoDate } from '../contract-kit';
import { stageSchema } from '../leads/schemas';

/** The longest period the Dashboard asks about; bounds the per-day series. */
export const MAX_DASHBOARD_DAYS = 366;

const DAY_MS = 86_400_000;

const summaryInput = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'the range must end on or after its start', path: ['to'] })
  .refine((v) => (Date.parse(v.to) - Date.parse(v.from)) / DAY_MS < MAX_DASHBOARD_DAYS, {
    message: `at most ${MAX_DASHBOARD_DAYS} days`,
    path: ['from'],
  });

const dashboardSummarySchema = z
  .object({
    /** The period as local days of the workspace, both ends included. */
    from: z.string(),
    to: z.string(),
    /** Live (not history, not deleted) leads per stage key now; stages without leads are absent. */
    stageCounts: z.partialRecord(stageSchema, z.number().int()),
    /** Leads created in the period, history imports left out. */
    newLeads: z.number().int(),
    /** Leads closed in the period, history imports included. */
    won: z.number().int(),
    lost: z.number().int(),
    /** Sum of the won leads' amounts, integer fen. */
    wonAmountFen: z.number().int(),
    /** won / (won + lost), 0–1; null when nothing closed in the period. */
    conversionRate: z.number().min(0).max(1).nullable(),
    /** Open leads whose first-contact (or follow-up) deadline has passed, now. */
    overdueFirstContact: z.number().int(),
    overdueFollowUp: z.number().int(),
    /** Leads taken back from a rep in the period (SLA, stale or nurture recycling). */
    recycled: z.number().int(),
    /** Active reps, by name: open leads they own now (the engine's load) and leads they won in the period. */
    reps: z
      .array(
        z
          .object({ repId: z.string(), name: z.string(), openLoad: z.number().int(), won: z.number().int() })
          .strict(),
      )
      .readonly(),
    /** One entry per local day of the period, in order, zeros included. */
    newLeadsByDay: z.array(z.object({ date: z.string(), count: z.number().int() }).strict()).readonly(),
  })
  .strict();
export type DashboardSummary = z.output<typeof dashboardSummarySchema>;

export const dashboardCalls = {
  'dashboard.summary': defineCall({
    input: summaryInput,
    output: dashboardSummarySchema,
    access: 'team-lead',
  }),
};
