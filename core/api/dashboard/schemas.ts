// Output shapes of the Dashboard's KPI calls, mirroring core/domain/kpi's reports (the service checks outputs).
import { z } from 'zod';
import { REP_TIERS } from '../../domain/rep';
import { stageSchema } from '../leads/schemas';

const int = z.number().int();
const maybe = z.number().nullable();

export const estimateSchema = z.object({ value: maybe, n: int, low: maybe, high: maybe }).strict();

const gradeRecord = <T extends z.ZodType>(value: T) =>
  z.object({ A: value, B: value, C: value, D: value, ungraded: value }).strict();

export const responseFiguresSchema = z
  .object({
    assigned: int,
    contacted: int,
    notContacted: int,
    medianMinutes: maybe,
    meanMinutes: maybe,
    p90Minutes: maybe,
    withinTarget: estimateSchema,
    histogram: z.array(z.object({ from: z.number(), to: maybe, count: int }).strict()).readonly(),
  })
  .strict();

const conversionFiguresSchema = z
  .object({ arrived: int, wonOfArrived: estimateSchema, closed: int, wonOfClosed: estimateSchema })
  .strict();

const lossSchema = z
  .object({
    arrived: int,
    lost: estimateSchema,
    recycled: estimateSchema,
    neverContacted: estimateSchema,
    any: estimateSchema,
  })
  .strict();

const gradeKey = z.enum(['A', 'B', 'C', 'D', 'ungraded']);

const balanceSchema = z
  .object({
    groups: z
      .array(
        z
          .object({
            group: z.union([gradeKey, z.enum(['all', 'ab'])]),
            leads: int,
            reps: int,
            stdDev: estimateSchema,
            gini: estimateSchema,
            verdict: z.enum(['too_few', 'even', 'uneven']),
          })
          .strict(),
      )
      .readonly(),
    newReps: z
      .object({
        newReps: int,
        share: estimateSchema,
        floor: z.number(),
        verdict: z.enum([
          'too_few',
          'at_or_above_floor',
          'below_floor_by_chance',
          'below_floor',
          'no_new_reps',
        ]),
      })
      .strict(),
    /** The period before's figures of each group, to compare with (no intervals: only the period's are judged). */
    previous: z
      .array(
        z
          .object({
            group: z.union([gradeKey, z.enum(['all', 'ab'])]),
            leads: int,
            stdDev: maybe,
            gini: maybe,
          })
          .strict(),
      )
      .readonly(),
    /** All leads' Gini window by window (a day each up to 14 days, else whole weeks back from the last day). */
    trend: z
      .array(z.object({ from: z.string(), to: z.string(), leads: int, gini: maybe }).strict())
      .readonly(),
  })
  .strict();

const pulseSchema = z
  .object({
    latest: estimateSchema.extend({ month: z.string() }).strict().nullable(),
    trend: z.array(z.object({ month: z.string(), count: int, average: z.number() }).strict()).readonly(),
    change: maybe,
  })
  .strict();
export type PulseSummaryOutput = z.output<typeof pulseSchema>;

export const pulseForLeadSchema = z
  .object({
    month: z.string(),
    summary: pulseSchema,
    comments: z
      .array(z.object({ score: int, comment: z.string(), signedBy: z.string().nullable() }).strict())
      .readonly(),
  })
  .strict();

const calibrationCellSchema = z
  .object({
    grade: gradeKey,
    bandFrom: maybe,
    converted: estimateSchema,
    predicted: maybe,
    predictedCount: int,
  })
  .strict();

export const calibrationSchema = z
  .object({
    /** True when a learned model is trained: its predictions stand beside the observed shares. */
    hasModel: z.boolean(),
    closed: int,
    /** True when the period had more closed leads than one call reads. */
    isTruncated: z.boolean(),
    cells: z.array(calibrationCellSchema).readonly(),
  })
  .strict();
export type Calibration = z.output<typeof calibrationSchema>;

export const kpiTargetsSchema = z
  .object({
    responseMinutes: gradeRecord(z.number().int().min(0).max(100_000)),
    conversion: z.number().min(0).max(1),
    lossRate: z.number().min(0).max(1),
    satisfaction: z.number().min(1).max(5),
    balance: z
      .object({
        minSample: z.number().int().min(1).max(100_000),
        giniAlarm: z.number().min(0).max(1),
        newRepFloorFraction: z.number().min(0).max(1),
      })
      .strict(),
  })
  .strict();

export const channelsSchema = z
  .array(
    z
      .object({
        source: z.string().nullable(),
        leads: int,
        costFen: int,
        won: int,
        revenueFen: int,
        costPerLeadFen: z.number().int().nullable(),
        conversion: estimateSchema,
        roi: maybe,
        roiKind: z.enum(['ratio', 'no_cost']),
      })
      .strict(),
  )
  .readonly();

export const funnelStepsSchema = z
  .array(
    z
      .object({
        stage: stageSchema,
        reached: int,
        toNext: maybe,
        averageDays: maybe,
        completedStays: int,
      })
      .strict(),
  )
  .readonly();

export const repRowSchema = z
  .object({
    repId: z.string(),
    name: z.string(),
    tier: z.enum(REP_TIERS),
    /** Distinct leads handed to the rep in the period, by grade now. */
    leadsByGrade: gradeRecord(int),
    leads: int,
    openLoad: int,
    cap: z.number().int().nullable(),
    responseMedianMinutes: maybe,
    withinTarget: estimateSchema,
    followUps: int,
    closed: int,
    won: int,
    conversion: maybe,
    revenueFen: int,
  })
  .strict();

const series = z.array(maybe).readonly();

export const kpiRowSchema = z
  .object({
    /** The period and the one just before it, as local days, both ends included. */
    period: z.object({ from: z.string(), to: z.string(), days: int }).strict(),
    previous: z.object({ from: z.string(), to: z.string() }).strict(),
    /** The local dates of every series point, one per day of the period. */
    seriesDates: z.array(z.string()).readonly(),
    targets: kpiTargetsSchema,
    response: z
      .object({
        current: responseFiguresSchema,
        previous: responseFiguresSchema,
        byGrade: gradeRecord(responseFiguresSchema),
        /** Median business minutes of each day's hand-overs. */
        series,
        /** Leads with a hand-over in the period not contacted yet (a lead handed over twice counts once). */
        notContactedLeads: int,
      })
      .strict(),
    conversion: z
      .object({
        current: conversionFiguresSchema,
        previous: conversionFiguresSchema,
        byGrade: gradeRecord(conversionFiguresSchema),
        calibration: z.array(calibrationCellSchema).readonly(),
        /** Won / arrived of each day's arrivals. */
        series,
      })
      .strict(),
    loss: z.object({ current: lossSchema, previous: lossSchema, series }).strict(),
    balance: balanceSchema,
    satisfaction: pulseSchema,
    /** New leads per day: the inflow sparkline. */
    arrivalsSeries: series,
    /** The period's tables: per source, the funnel flow along the main path, per rep. */
    channels: channelsSchema,
    funnel: funnelStepsSchema,
    reps: z.array(repRowSchema).readonly(),
  })
  .strict();
export type KpiRow = z.output<typeof kpiRowSchema>;

export const nowSchema = z
  .object({
    /** Open (not won or lost) live leads per stage now; stages without leads are absent. */
    openByStage: z.partialRecord(stageSchema, int),
    /** Live, non-history leads per stage now, closed stages too (the click-through 'stage_now' counts these). */
    stageCounts: z.partialRecord(stageSchema, int),
    /** Owned open leads whose first-contact (or follow-up) deadline has passed, by the one clock model. */
    overdueFirstContact: int,
    overdueFollowUp: int,
    capacity: z
      .object({
        reps: z
          .array(
            z
              .object({
                repId: z.string(),
                name: z.string(),
                tier: z.enum(REP_TIERS),
                openLoad: int,
                cap: z.number().int().nullable(),
              })
              .strict(),
          )
          .readonly(),
        tiers: z
          .array(
            z
              .object({
                tier: z.enum(REP_TIERS),
                reps: int,
                openLoad: int,
                /** Sum of the capped reps' caps; uncapped reps are counted apart. */
                cap: int,
                uncappedReps: int,
              })
              .strict(),
          )
          .readonly(),
        /** New leads per day over the last 30 local days. */
        inflowPerDay: z.number(),
        /** Free room under the caps of capped reps. */
        freeRoom: int,
        /** freeRoom / inflowPerDay; null when nothing arrives or a rep without a cap makes room unbounded. */
        daysToFill: maybe,
      })
      .strict(),
  })
  .strict();
export type DashboardNow = z.output<typeof nowSchema>;

export const mineSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }).strict(),
    /** The rep's own figures and the team's median of the same figure over active reps (never another's). */
    responseMedianMinutes: z.object({ mine: maybe, teamMedian: maybe }).strict(),
    withinTarget: z.object({ mine: estimateSchema, teamMedian: maybe }).strict(),
    conversion: z.object({ mine: estimateSchema, teamMedian: maybe }).strict(),
    gradeMix: z.object({ mine: gradeRecord(int), teamMedian: gradeRecord(z.number()) }).strict(),
  })
  .strict();
export type DashboardMine = z.output<typeof mineSchema>;
