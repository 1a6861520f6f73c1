// What `leads.get` answers: the lead, its assignment and follow-up history, and how its score came about.
import { z } from 'zod';
import { FOLLOW_UP_CHANNELS } from '../../domain/follow-up';
import { GRADES } from '../../domain/funnel';
import { CRITERION_OPERATORS, SCORING_DIMENSIONS } from '../../domain/scoring/model';
import type { ScoreExplanation } from '../contract';
import { assignmentRecordSchema } from '../distribution/schemas';
import { leadSchema } from './schemas';

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
  })
  .strict();
export type LeadDetail = z.output<typeof leadDetailSchema>;
