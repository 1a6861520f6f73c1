// Dashboard calls: the team lead's funnel, SLA and per-rep figures for a period of local days.
import { z } from 'zod';
import { REP_TIERS } from '../../domain/rep';
import { defineCall, empty, id, isoDate, MAX_TEXT } from '../contract-kit';
import { checkedPeriod, drillShape, kpiShape } from './drill-criteria';
import { exportedFileSchema } from '../leads/calls';
import { leadSchema, stageSchema } from '../leads/schemas';
import { DASHBOARD_ERRORS } from './errors';
import {
  calibrationSchema,
  kpiRowSchema,
  kpiTargetsSchema,
  mineSchema,
  nowSchema,
  pulseForLeadSchema,
} from './schemas';

export { MAX_DASHBOARD_DAYS, DRILL_METRICS } from './drill-criteria';

/** The longest comment a rep may leave with the pulse. */
export const MAX_PULSE_COMMENT = 500;

const pulseAnswerSchema = z
  .object({ score: z.number().int(), comment: z.string().nullable(), isSigned: z.boolean() })
  .strict();

const summaryInput = checkedPeriod(z.object({ from: isoDate, to: isoDate }).strict());

const kpiInput = checkedPeriod(z.object(kpiShape).strict());
export type KpiInput = z.output<typeof kpiInput>;

/** A count's click-through: its criteria, and a page of the leads behind it. */
const drillInput = checkedPeriod(
  z
    .object({
      ...drillShape,
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
);
export type DrillInput = z.output<typeof drillInput>;

/** A table as the Dashboard shows it (headers and cells already in the user's language), to save as a file. */
const exportTableInput = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
    format: z.enum(['csv', 'xlsx']),
    headers: z.array(z.string().max(MAX_TEXT)).min(1).max(40),
    rows: z.array(z.array(z.union([z.string().max(1_000), z.number(), z.null()])).max(40)).max(20_000),
  })
  .strict();
export type ExportTableInput = z.output<typeof exportTableInput>;

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
  /**
   * The KPI row for a period and filters, with the period before it and a per-day sparkline of each figure; over
   * many hand-overs it reads them on a second thread while this one reads the leads (kpi-parts.ts), so it waits on that thread.
   */
  'dashboard.kpis': defineCall({
    input: kpiInput,
    output: kpiRowSchema,
    access: 'team-lead',
    waitsOnIo: true,
  }),
  /** Now, whatever the period: leads per stage, overdue clocks, and capacity against the caps. */
  'dashboard.now': defineCall({
    input: z
      .object({
        repId: id.optional(),
        tier: z.enum(REP_TIERS).optional(),
        source: z.string().max(MAX_TEXT).optional(),
      })
      .strict(),
    output: nowSchema,
    access: 'team-lead',
  }),
  /** A rep's own response time, conversion and grade mix against the team's median; no other rep's figures. */
  'dashboard.mine': defineCall({
    input: summaryInput,
    output: mineSchema,
    access: 'signed-in',
    repScope: 'self',
    errors: [DASHBOARD_ERRORS.repOnly],
  }),
  /** A rep answers this month's pulse (1–5, optional comment); anonymous to the team lead unless signed. */
  'dashboard.answerPulse': defineCall({
    input: z
      .object({
        score: z.number().int().min(1).max(5),
        comment: z.string().max(MAX_PULSE_COMMENT).optional(),
        isSigned: z.boolean().default(false),
      })
      .strict(),
    output: pulseAnswerSchema.extend({ month: z.string() }).strict(),
    access: 'signed-in',
    repScope: 'self',
    errors: [DASHBOARD_ERRORS.repOnly],
  }),
  /** The rep's own answer this month, if any: the app asks once a month. */
  'dashboard.myPulse': defineCall({
    input: empty,
    output: z.object({ month: z.string(), answer: pulseAnswerSchema.nullable() }).strict(),
    access: 'signed-in',
    repScope: 'self',
    errors: [DASHBOARD_ERRORS.repOnly],
  }),
  /** Average, count and trend of the pulse, and a month's comments (a name only where the rep signed). */
  'dashboard.pulse': defineCall({
    input: z
      .object({
        month: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
          .optional(),
      })
      .strict(),
    output: pulseForLeadSchema,
    access: 'team-lead',
  }),
  /** Per grade and score band: the share of the period's closed leads won, beside the learned model's prediction. */
  'dashboard.calibration': defineCall({ input: kpiInput, output: calibrationSchema, access: 'team-lead' }),
  /** The leads behind one of the Dashboard's counts: as many rows in all as the count said. */
  'dashboard.leads': defineCall({
    input: drillInput,
    output: z.object({ total: z.number().int(), rows: z.array(leadSchema) }).strict(),
    access: 'team-lead',
  }),
  /** Per bucket of the response-time histogram: its hand-overs (the histogram's count) and their leads, each once. */
  'dashboard.responseBuckets': defineCall({
    input: kpiInput,
    output: z
      .object({
        buckets: z
          .array(
            z
              .object({
                from: z.number(),
                to: z.number().nullable(),
                handOvers: z.number().int(),
                leads: z.number().int(),
              })
              .strict(),
          )
          .readonly(),
      })
      .strict(),
    access: 'team-lead',
  }),
  'dashboard.exportTable': defineCall({
    input: exportTableInput,
    output: exportedFileSchema,
    access: 'team-lead',
    waitsOnIo: true,
    maxBodyBytes: 8 * 1024 * 1024,
  }),
  'dashboard.targets': defineCall({ input: empty, output: kpiTargetsSchema, access: 'team-lead' }),
  'dashboard.saveTargets': defineCall({
    input: z.object({ targets: kpiTargetsSchema }).strict(),
    output: kpiTargetsSchema,
    access: 'team-lead',
  }),
};
