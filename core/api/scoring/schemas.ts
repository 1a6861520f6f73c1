// Shapes of the scoring namespace: the rule model (checked by the domain's own validator), the learned model, a
// preview of a model change, suggested weights and the rule/learned blend.
import { z } from 'zod';
import { GRADES } from '../../domain/funnel';
import type { LearnedModel } from '../../domain/scoring/learned';
import type { ModelChangePreview } from '../../domain/scoring/preview';
import { SCORING_DIMENSIONS, type ScoringModel } from '../../domain/scoring/model';
import { validateScoringModel } from '../../domain/scoring/validate';

/** A scoring model: the domain's validator names every problem with its path (the same check input and output). */
export const scoringModelSchema = z.unknown().superRefine((model, ctx) => {
  for (const problem of validateScoringModel(model)) {
    ctx.addIssue({
      code: 'custom',
      message: problem.message,
      path:
        problem.path === ''
          ? []
          : problem.path
              .replace(/\[(\d+)\]/g, '.$1')
              .split('.')
              .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      params: { code: problem.code },
    });
  }
}) as unknown as z.ZodType<ScoringModel>;

const factorSchema = z.looseObject({
  name: z.string(),
  field: z.string(),
  coefficient: z.number(),
  oddsRatio: z.number(),
  direction: z.enum(['raises', 'lowers']),
  support: z.number(),
});

/**
 * A trained model. The fields every client reads are checked; the encoders and readouts the scoring domain keeps
 * adding (issue 14) pass through, so the domain type stays their one definition.
 */
export const learnedModelSchema = z.looseObject({
  kind: z.literal('logistic'),
  version: z.literal(1),
  trainedAt: z.number(),
  seed: z.number(),
  excludeFields: z.array(z.string()),
  intercept: z.number(),
  features: z.array(
    z.looseObject({ name: z.string(), field: z.string(), coefficient: z.number(), support: z.number() }),
  ),
  metrics: z.looseObject({
    auc: z.number(),
    strength: z.enum(['none', 'weak', 'moderate', 'strong']),
    trainCount: z.number(),
    holdoutCount: z.number(),
    won: z.number(),
    lost: z.number(),
    baseRate: z.number(),
  }),
  topPositive: z.array(factorSchema),
  topNegative: z.array(factorSchema),
}) as unknown as z.ZodType<LearnedModel>;

const gradeHistogram = z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }).strict();
const grade = z.enum(GRADES);

export const modelChangePreviewSchema = z
  .object({
    total: z.number(),
    before: gradeHistogram,
    after: gradeHistogram,
    moves: z.object({ A: gradeHistogram, B: gradeHistogram, C: gradeHistogram, D: gradeHistogram }).strict(),
    changedCount: z.number(),
    sample: z
      .array(
        z
          .object({
            leadId: z.string(),
            scoreBefore: z.number(),
            scoreAfter: z.number(),
            gradeBefore: grade,
            gradeAfter: grade,
          })
          .strict(),
      )
      .readonly(),
  })
  // Lead ids are branded in the domain type; the check above is the real one.
  .strict() as unknown as z.ZodType<ModelChangePreview>;

export const ruleWeightSuggestionSchema = z
  .object({
    model: scoringModelSchema,
    changes: z
      .array(
        z
          .object({
            criterionId: z.string(),
            pointsBefore: z.number(),
            pointsAfter: z.number(),
            factor: z.number(),
            meanCoefficient: z.number(),
            evidence: z.array(z.string()).readonly(),
          })
          .strict(),
      )
      .readonly(),
    dimensionChanges: z
      .array(
        z
          .object({
            dimension: z.enum(SCORING_DIMENSIONS),
            weightBefore: z.number(),
            weightAfter: z.number(),
            factor: z.number(),
          })
          .strict(),
      )
      .readonly(),
    reason: z.enum(['applied', 'no_signal']),
  })
  .strict();

/** rules: the rule score alone; learned: the learned probability × 100; blend: `weight` of learned in [0, 1]. */
export const scoreBlendSchema = z
  .object({ mode: z.enum(['rules', 'learned', 'blend']), weight: z.number().min(0).max(1) })
  .strict();

export const COLUMN_KINDS = ['numeric', 'categorical', 'boolean', 'text', 'date', 'empty'] as const;

/** A custom column as training sees it (CustomColumnReport). */
export const customColumnSchema = z
  .object({
    key: z.string(),
    profiledKind: z.enum(COLUMN_KINDS),
    kind: z.enum(COLUMN_KINDS),
    isKindSet: z.boolean(),
    isUsed: z.boolean(),
    filled: z.number(),
    rows: z.number(),
    distinct: z.number(),
    examples: z.array(z.string()).readonly(),
  })
  .strict();
