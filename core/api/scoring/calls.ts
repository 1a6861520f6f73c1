// Scoring calls: the rule model and its versions, a preview of a change, saving (with a background rescore),
// training the learned model, suggested weights, and the rule/learned blend.
import { z } from 'zod';
import { defineCall, empty } from '../contract-kit';
import { jobStatusSchema } from '../jobs/schemas';
import { SCORING_ERRORS } from './errors';
import {
  COLUMN_KINDS,
  customColumnSchema,
  learnedModelSchema,
  modelChangePreviewSchema,
  ruleWeightSuggestionSchema,
  scoreBlendSchema,
  scoringModelSchema,
} from './schemas';

const modelInput = z.object({ model: scoringModelSchema }).strict();

export const scoringCalls = {
  'scoring.getModel': defineCall({
    input: empty,
    output: z
      .object({
        model: scoringModelSchema,
        versions: z.array(
          z
            .object({ version: z.number(), name: z.string(), actor: z.string(), createdAt: z.number() })
            .strict(),
        ),
        staleLeads: z.number(),
      })
      .strict(),
    access: 'signed-in',
    // The rules in force are open to the whole team (a rep sees why a lead scored as it did).
    repScope: 'shared',
  }),
  'scoring.previewModel': defineCall({
    input: modelInput,
    output: modelChangePreviewSchema,
    // Its sample names leads of every rep, and only the team lead edits the model: reps have no use for it.
    access: 'team-lead',
  }),
  'scoring.saveModel': defineCall({
    input: modelInput,
    output: z.object({ version: z.number(), job: jobStatusSchema }).strict(),
    access: 'team-lead',
  }),
  'scoring.train': defineCall({
    input: z
      .object({
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .default(1),
        /** Omitted: the leak fields flagged on the latest history import. */
        excludeFields: z.array(z.string().max(100)).max(200).optional(),
      })
      .strict(),
    output: jobStatusSchema,
    access: 'team-lead',
    errors: [SCORING_ERRORS.notEnoughOutcomes],
  }),
  /** The custom columns of the won and lost leads: what each looks like and the type training gives it. */
  'scoring.customColumns': defineCall({
    input: empty,
    output: z.array(customColumnSchema),
    access: 'team-lead',
  }),
  /** Sets the type training gives custom columns (a `text` or `date` kind keeps one out) and free-text opt-ins. */
  'scoring.setColumnKinds': defineCall({
    input: z
      .object({
        columnKinds: z.record(z.string().min(1).max(100), z.enum(COLUMN_KINDS)),
        includeText: z.array(z.string().min(1).max(100)).max(200).default([]),
      })
      .strict()
      .refine((input) => Object.keys(input.columnKinds).length <= 200, {
        message: 'at most 200 columns',
        path: ['columnKinds'],
      }),
    output: z.array(customColumnSchema),
    access: 'team-lead',
  }),
  'scoring.getLearned': defineCall({
    input: empty,
    output: z.object({ model: learnedModelSchema, trainedBy: z.string() }).strict().nullable(),
    access: 'signed-in',
    // Coefficients and held-out metrics of the whole team's history: no lead of anyone is named.
    repScope: 'shared',
  }),
  'scoring.suggestWeights': defineCall({
    input: empty,
    output: ruleWeightSuggestionSchema,
    access: 'signed-in',
    // Derived from the model and the learned coefficients alone: no lead is named.
    repScope: 'shared',
    errors: [SCORING_ERRORS.notTrained],
  }),
  'scoring.getBlend': defineCall({
    input: empty,
    output: scoreBlendSchema,
    access: 'signed-in',
    repScope: 'shared',
  }),
  'scoring.setBlend': defineCall({
    input: scoreBlendSchema,
    output: z.object({ blend: scoreBlendSchema, job: jobStatusSchema }).strict(),
    access: 'team-lead',
    errors: [SCORING_ERRORS.notTrained],
  }),
};

export const scoringEvents = {
  'scoring.changed': z.object({ version: z.number() }).strict(),
} as const satisfies Record<string, z.ZodType>;
