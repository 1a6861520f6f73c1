// Shapes the distribution calls answer with: assignments, the engine's explanation and its plain-words summary,
// rule sets, settings and fairness figures. Other namespaces reuse `assignmentRecordSchema`.
import { z } from 'zod';
import { DISTRIBUTION_METHODS } from '../../domain/distribution/types';
import { validateRules, validateWorkingHours } from '../../domain/distribution/validate-rules';
import type { PeriodFairness } from '../../domain/distribution/fair-shares';
import { FIT_SEGMENTS } from '../../domain/distribution/rep-fit';
import type { DistributionRule, Explanation, WorkingHours } from '../../domain/distribution/types';
import { GRADES } from '../../domain/funnel';
import { asRepId } from '../../domain/ids';

const MAX_RULES = 200;
export const MAX_RULES_JSON = 200_000;

function toPath(path: string): (string | number)[] {
  return path === ''
    ? []
    : path
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .filter((p) => p !== '')
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** A rule list arrives as unknown JSON; the domain's validator names every problem with its path. */
export const rulesSchema = z.unknown().superRefine((rules, ctx) => {
  if (!Array.isArray(rules)) {
    ctx.addIssue({ code: 'custom', message: 'Rules must be a list.' });
    return;
  }
  if (rules.length > MAX_RULES) {
    ctx.addIssue({ code: 'custom', message: `At most ${MAX_RULES} rules.` });
    return;
  }
  if (JSON.stringify(rules).length > MAX_RULES_JSON) {
    ctx.addIssue({ code: 'custom', message: 'The rule list is too large.' });
    return;
  }
  for (const problem of validateRules(rules as DistributionRule[])) {
    ctx.addIssue({
      code: 'custom',
      message: problem.message,
      path: toPath(problem.path),
      params: { code: problem.code },
    });
  }
}) as unknown as z.ZodType<readonly DistributionRule[]>;

export const workingHoursSchema = z.unknown().superRefine((hours, ctx) => {
  if (hours === null) return;
  for (const problem of validateWorkingHours(hours, '')) {
    ctx.addIssue({ code: 'custom', message: problem.message, path: toPath(problem.path) });
  }
}) as unknown as z.ZodType<WorkingHours | null>;

export const assignmentRecordSchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    repId: z.string().nullable(),
    kind: z.enum(['auto', 'manual', 'claim', 'recycle', 'import', 'demo', 'appeal']),
    ruleId: z.string().nullable(),
    reason: z.string(),
    /** The engine's explanation (version 1), or what a manual, claim or recycle step recorded. */
    explanation: z.unknown(),
    actor: z.string(),
    at: z.number(),
  })
  .strict();

export const explanationSummarySchema = z
  .object({
    tokens: z
      .array(
        z
          .object({
            key: z.string(),
            params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
          })
          .strict(),
      )
      .readonly(),
    text: z.string(),
  })
  .strict();

/** A coded reason with its numbers (exclusions, affinity refusals): the code is checked, the numbers kept. */
const coded = z.looseObject({ code: z.string() });
const conditionTrace = z.looseObject({
  index: z.number().int(),
  value: z.union([z.string(), z.number(), z.null()]),
  passed: z.boolean(),
});

/**
 * The engine's explanation of one decision. The frame and every trace's kind are checked; method-specific numbers
 * are kept as the engine wrote them, and the type is the engine's own (its tests pin the numbers).
 */
export const explanationSchema = z
  .object({
    version: z.literal(1),
    leadId: z.string(),
    at: z.number(),
    rule: z
      .object({
        id: z.string(),
        name: z.string(),
        index: z.number().int(),
        isFallback: z.boolean(),
        conditions: z.array(conditionTrace).readonly(),
      })
      .strict()
      .nullable(),
    skippedRules: z
      .array(
        z
          .object({
            id: z.string(),
            index: z.number().int(),
            reason: z.enum(['disabled', 'conditions-not-met']),
            failed: conditionTrace.optional(),
          })
          .strict(),
      )
      .readonly(),
    affinity: z
      .looseObject({ kind: z.enum(['lead', 'company']), repId: z.string(), honored: z.boolean() })
      .nullable(),
    method: z.enum([...DISTRIBUTION_METHODS, 'affinity']).nullable(),
    candidates: z
      .array(
        z
          .object({
            repId: z.string(),
            eligible: z.boolean(),
            exclusion: coded.optional(),
            rank: z.looseObject({ method: z.string() }).optional(),
          })
          .strict(),
      )
      .readonly(),
    eligibleCount: z.number().int(),
    exclusionCounts: z.record(z.string(), z.number().int()),
    methodState: z.looseObject({ method: z.string() }).nullable(),
    tieBreak: z.looseObject({ kind: z.enum(['none', 'seeded-random', 'rep-order']) }),
    outcome: z.enum(['assigned', 'pool', 'manual']),
    repId: z.string().nullable(),
    coOwnerIds: z.array(z.string()).readonly(),
    poolReason: z.string().nullable(),
    previousOwners: z
      .array(z.object({ repId: z.string(), at: z.number() }).strict())
      .readonly()
      .optional(),
    grade: z.enum(GRADES).nullable().optional(),
  })
  .strict() as unknown as z.ZodType<Explanation>;

export const distributionSettingsSchema = z
  .object({
    /** Local time = UTC + this many minutes (480 = China). */
    utcOffsetMinutes: z.number().int(),
    /** Seed for tie-breaks; fixed so the same inputs give the same assignments. */
    seed: z.number().int(),
    teamWorkingHours: workingHoursSchema,
  })
  .strict();
export type DistributionSettings = z.output<typeof distributionSettingsSchema>;

export const ruleSetViewSchema = z
  .object({
    /** 0 = the built-in default pipeline, not saved yet. */
    version: z.number().int(),
    rules: rulesSchema,
    savedBy: z.string().nullable(),
    savedAt: z.number().nullable(),
    versions: z
      .array(
        z
          .object({
            version: z.number().int(),
            ruleCount: z.number().int(),
            actor: z.string(),
            createdAt: z.number(),
          })
          .strict(),
      )
      .readonly(),
  })
  .strict();

const countsByGrade = z.record(z.enum([...GRADES, 'ungraded']), z.number());

export const fairnessSchema = z
  .object({
    /** The period, inclusive local dates. */
    from: z.string(),
    to: z.string(),
    repCount: z.number().int(),
    leadCount: z.number().int(),
    perRep: z.record(
      z.string(),
      z
        .object({
          total: z.number(),
          byGrade: countsByGrade,
          availableDays: z.number().optional(),
          /** Leads owed over the period, each day's split among the reps there (the ledger's "expected"). */
          fairShare: z.number().optional(),
          owedByGrade: countsByGrade.optional(),
          ratio: z.number().nullable().optional(),
        })
        .strict(),
    ),
    workloadStdDev: z.number(),
    workloadStdDevByGrade: z.record(z.enum(GRADES), z.number()),
    abGini: z.number(),
    minShare: z.number(),
    maxShare: z.number(),
    availabilityAdjusted: z.boolean(),
    minRatio: z.number().nullable(),
    maxRatio: z.number().nullable(),
    newRepIds: z.array(z.string().transform(asRepId)).readonly(),
    newRepShare: z.number(),
    newRepAbShare: z.number(),
    /** Per rep: leads that came by claim, manual move or redistribution after a recycle (not "received"). */
    apart: z.record(
      z.string(),
      z.object({ claims: z.number().int(), manual: z.number().int(), recycles: z.number().int() }).strict(),
    ),
  })
  .strict() satisfies z.ZodType<PeriodFairness>;

/** Each rep's learned conversion (distribution.repFit), for profiles: evidence, shrunk rate and interval. */
const estimateSchema = z
  .object({
    wins: z.number().int(),
    n: z.number().int(),
    raw: z.number().nullable(),
    rate: z.number(),
    low: z.number(),
    high: z.number(),
  })
  .strict();

const segmentFitSchema = z
  .object({
    segment: z.enum(['grade', ...FIT_SEGMENTS]),
    key: z.string(),
    estimate: estimateSchema,
    teamRate: z.number(),
  })
  .strict();

export const repFitViewSchema = z
  .object({
    /** too-little-history: every rep has equal fit and the methods say so. */
    status: z.enum(['learned', 'too-little-history']),
    outcomes: z.number().int(),
    minOutcomes: z.number().int(),
    priorStrength: z.number(),
    team: estimateSchema,
    reps: z
      .array(
        z
          .object({
            repId: z.string(),
            overall: estimateSchema,
            /** Grades and segments with at least one closed lead, the largest differences from the team first. */
            cells: z.array(segmentFitSchema).readonly(),
          })
          .strict(),
      )
      .readonly(),
  })
  .strict();
export type RepFitView = z.output<typeof repFitViewSchema>;
