// The shapes of a lead across the contract: what a form sends (input), what every call answers with (output), and
// what `leads.get` adds (assignment and follow-up history, how the score came about).
// Other namespaces reuse `leadSchema` rather than declaring a lead of their own.
import { z } from 'zod';
import { FOLLOW_UP_CHANNELS } from '../../domain/follow-up';
import { BUILT_IN_STAGES, CUSTOM_STAGE_KEY, GRADES, MAX_STAGES } from '../../domain/funnel';
import { asLeadId, asRepId } from '../../domain/ids';
import { BEHAVIOUR_KINDS } from '../../domain/lead';
import { LEAD_SORT_FIELDS } from '../../domain/lead-list';
import { CRITERION_OPERATORS, SCORING_DIMENSIONS } from '../../domain/scoring/model';
import type { ScoreExplanation } from '../contract';
import { id, MAX_NOTES, MAX_TEXT, optionalText, stageKeySchema } from '../contract-kit';
import { drillCriteriaSchema } from '../dashboard/drill-criteria';
import { assignmentRecordSchema } from '../distribution/schemas';
import { isPlausiblePhone } from './phone-check';

export const leadInputSchema = z
  .object({
    // A lead is called by its name or its company (the import's rule too): a name may be empty beside a company.
    name: z.string().trim().max(MAX_TEXT),
    phone: optionalText(40).refine((value) => value === null || isPlausiblePhone(value), {
      message: 'not a phone number: use digits, spaces, +, - and an optional extension',
    }),
    email: optionalText(MAX_TEXT).refine((value) => value === null || z.email().safeParse(value).success, {
      message: 'not a valid email address',
    }),
    wechat: optionalText(64),
    company: optionalText(),
    title: optionalText(),
    industry: optionalText(),
    region: optionalText(),
    companySize: z
      .number()
      .int()
      .min(0)
      .max(10_000_000)
      .nullish()
      .transform((v) => v ?? null),
    product: optionalText(),
    source: optionalText(),
    campaign: optionalText(),
    costFen: z.number().int().min(0).max(1_000_000_000_00).default(0),
    needs: optionalText(MAX_NOTES),
    bant: z
      .object({
        budget: z.number().int().min(0).nullish(),
        authority: z.enum(['decision_maker', 'influencer', 'user']).nullish(),
        need: z.enum(['high', 'medium', 'low']).nullish(),
        timeline: z.enum(['now', 'quarter', 'year', 'unknown']).nullish(),
      })
      .strict()
      .default({}),
    customFields: z
      .record(z.string().min(1).max(64), z.string().max(MAX_NOTES))
      .refine((record) => Object.keys(record).length <= 100, 'at most 100 custom fields')
      .default({}),
    events: z
      .array(
        z
          .object({
            kind: z.enum(BEHAVIOUR_KINDS),
            at: z.number().int(),
            detail: z.string().max(MAX_TEXT).optional(),
          })
          .strict(),
      )
      .max(1_000)
      .default([]),
    stage: stageKeySchema.default('raw'),
  })
  .strict()
  .refine((lead) => lead.name !== '' || (lead.company ?? '') !== '', {
    message: 'a name or a company is required',
    path: ['name'],
  });
export type LeadInput = z.input<typeof leadInputSchema>;

/** The Leads view's filter and sort; `leads.export` takes the same filter without paging. */
export const leadFilterShape = {
  text: z.string().max(MAX_TEXT).optional(),
  stages: z.array(stageKeySchema).max(MAX_STAGES).optional(),
  grades: z.array(z.enum(GRADES)).max(GRADES.length).optional(),
  owner: z.union([z.literal('pool'), id]).optional(),
  source: z.string().max(MAX_TEXT).optional(),
  /** Past leads (imported history) are left out of the working list unless asked for. */
  includeHistory: z.boolean().default(false),
  /** A Dashboard count's criteria: only the leads behind it (opened from the Dashboard). */
  drill: drillCriteriaSchema.optional(),
  /** An import's new leads, past leads included when it brought them (opened from the import's report). */
  importBatchId: id.optional(),
  sort: z.enum(LEAD_SORT_FIELDS).default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
};

export const leadListInput = z
  .object({
    ...leadFilterShape,
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

/** A stage key as stored: a built-in stage or a custom stage's generated key. */
export const stageSchema = z.union([
  z.enum(BUILT_IN_STAGES),
  z.templateLiteral(['c_', z.string()]).refine((key) => CUSTOM_STAGE_KEY.test(key)),
]);

const nullableText = z.string().nullable();

export const leadSchema = z
  .object({
    id: z.string().transform(asLeadId),
    name: z.string(),
    phone: nullableText,
    email: nullableText,
    wechat: nullableText,
    company: nullableText,
    title: nullableText,
    industry: nullableText,
    region: nullableText,
    companySize: z.number().int().nullable(),
    product: nullableText,
    source: nullableText,
    campaign: nullableText,
    costFen: z.number().int(),
    needs: nullableText,
    bant: z
      .object({
        budget: z.number().nullish(),
        authority: z.enum(['decision_maker', 'influencer', 'user']).nullish(),
        need: z.enum(['high', 'medium', 'low']).nullish(),
        timeline: z.enum(['now', 'quarter', 'year', 'unknown']).nullish(),
      })
      .strict(),
    customFields: z.record(z.string(), z.string()),
    events: z
      .array(
        z.object({ kind: z.enum(BEHAVIOUR_KINDS), at: z.number(), detail: z.string().optional() }).strict(),
      )
      .readonly(),
    stage: stageSchema,
    ownerId: z.string().transform(asRepId).nullable(),
    score: z.number().int().nullable(),
    grade: z.enum(GRADES).nullable(),
    scoreModelVersion: z.number().int().nullish(),
    createdAt: z.number(),
    updatedAt: z.number(),
    isHistory: z.boolean(),
    wonAmountFen: z.number().int().nullish(),
    lostReason: nullableText.optional(),
    closedAt: z.number().nullish(),
  })
  .strict();

// What `leads.get` answers: the lead, its assignment and follow-up history, and how its score came about.
const dimensionScore = z.object({ raw: z.number(), counted: z.number(), points: z.number() }).strict();

const scorePart = z
  .object({
    criterionId: z.string(),
    label: z.string().optional(),
    dimension: z.enum(SCORING_DIMENSIONS),
    field: z.string(),
    operator: z.enum(CRITERION_OPERATORS),
    value: z
      .union([
        z.string(),
        z.number(),
        z.array(z.string()).readonly(),
        z.object({ min: z.number().nullish(), max: z.number().nullish() }).strict(),
      ])
      .nullish(),
    points: z.number().int(),
    rawPoints: z.number(),
    exactPoints: z.number(),
    detail: z
      .object({
        leadValue: z.union([z.string(), z.number()]).optional(),
        matchedKeywords: z.array(z.string()).readonly().optional(),
        eventCount: z.number().optional(),
        countedEvents: z.number().optional(),
        decayedEvents: z.number().optional(),
        dimensionClamp: z.enum(['cap', 'floor']).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/**
 * A lead's score explained: the rule parts (Σ points = rule score), the learned view, and the blend. Every part's
 * shape is checked; the type is the scoring engine's own (a criterion's field and value types are narrower).
 */
const scoreExplanationSchema = z
  .object({
    rule: z
      .object({
        score: z.number().int(),
        grade: z.enum(GRADES),
        parts: z.array(scorePart).readonly(),
        dimensions: z.record(z.enum(SCORING_DIMENSIONS), dimensionScore),
        modelVersion: z.number().int(),
      })
      .strict(),
    prediction: z
      .object({
        probability: z.number(),
        baseline: z.number(),
        factors: z
          .array(
            z
              .object({
                name: z.string(),
                field: z.string(),
                value: z.number(),
                contribution: z.number(),
                direction: z.enum(['raises', 'lowers']),
              })
              .strict(),
          )
          .readonly(),
      })
      .strict()
      .nullable(),
    blend: z.object({ mode: z.enum(['rules', 'learned', 'blend']), weight: z.number() }).strict(),
    score: z.number(),
    grade: z.enum(GRADES),
    isStale: z.boolean(),
  })
  .strict() as unknown as z.ZodType<ScoreExplanation>;

const followUpRecordSchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    repId: z.string().nullable(),
    channel: z.enum(FOLLOW_UP_CHANNELS),
    said: z.string(),
    reaction: z.string().nullable(),
    nextStep: z.string().nullable(),
    nextAt: z.number().nullable(),
    at: z.number(),
  })
  .strict();

export const leadDetailSchema = z
  .object({
    lead: leadSchema,
    assignments: z.array(assignmentRecordSchema).readonly(),
    followUps: z.array(followUpRecordSchema).readonly(),
    scoreModelVersion: z.number().int().nullable(),
    explanation: scoreExplanationSchema,
    /**
     * Whether the rep asking may appeal the lead's latest hand-over (one to them or away from them; appealable.ts):
     * none (nothing of theirs, and always for the team lead), open, or pending (their appeal awaits the team lead).
     */
    appeal: z.enum(['none', 'open', 'pending']),
  })
  .strict();
export type LeadDetail = z.output<typeof leadDetailSchema>;
