// Appeal calls: a rep contests an assignment to or away from them; the team lead accepts (and reassigns) or
// rejects with a reply.
import { z } from 'zod';
import { defineCall, empty, id, MAX_NOTES } from '../contract-kit';
import { DISTRIBUTION_ERRORS } from '../distribution/errors';
import { APPEALS_ERRORS } from './errors';

export const appealSchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    assignmentId: z.string(),
    repId: z.string(),
    message: z.string(),
    state: z.enum(['open', 'accepted', 'rejected']),
    reply: z.string().nullable(),
    resolvedToRepId: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    createdAt: z.number(),
    resolvedAt: z.number().nullable(),
  })
  .strict();

const appealViewSchema = appealSchema.extend({ leadName: z.string() }).strict();
export type AppealView = z.output<typeof appealViewSchema>;

const raiseInput = z
  .object({
    leadId: id,
    /** The assignment contested; the lead's latest when omitted. */
    assignmentId: id.optional(),
    message: z.string().trim().min(1, 'say why').max(MAX_NOTES),
  })
  .strict();

const resolveInput = z
  .object({
    id,
    decision: z.enum(['accept', 'reject']),
    reply: z.string().trim().max(MAX_NOTES).optional(),
    /** accept: the rep who gets the lead (null = public pool). */
    toRepId: id.nullable().optional(),
  })
  .strict()
  .refine((v) => v.decision === 'accept' || (v.reply !== undefined && v.reply !== ''), {
    message: 'a rejection needs a reply',
    path: ['reply'],
  })
  .refine((v) => v.decision === 'reject' || v.toRepId !== undefined, {
    message: 'say who gets the lead (or null for the public pool)',
    path: ['toRepId'],
  });

const listInput = z
  .object({
    state: z.enum(['open', 'accepted', 'rejected']).optional(),
    leadId: id.optional(),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();

export const appealsCalls = {
  /** Only a rep appeals, and only an assignment to them or away from them. */
  'appeals.raise': defineCall({
    input: raiseInput,
    output: appealSchema,
    access: 'signed-in',
    repScope: 'self',
    errors: [
      APPEALS_ERRORS.repsOnly,
      APPEALS_ERRORS.leadNotFound,
      APPEALS_ERRORS.assignmentNotFound,
      APPEALS_ERRORS.notYourAssignment,
      APPEALS_ERRORS.alreadyOpen,
    ],
  }),
  'appeals.resolve': defineCall({
    input: resolveInput,
    output: appealSchema,
    access: 'team-lead',
    errors: [
      APPEALS_ERRORS.notFound,
      APPEALS_ERRORS.alreadyResolved,
      DISTRIBUTION_ERRORS.repNotFound,
      DISTRIBUTION_ERRORS.repInactive,
    ],
  }),
  /** A rep lists only the appeals they raised. */
  'appeals.list': defineCall({
    input: listInput,
    output: z.array(appealViewSchema),
    access: 'signed-in',
    repScope: 'self',
  }),
  /** Open appeals: all of them for the team lead, a rep's own for a rep. */
  'appeals.count': defineCall({
    input: empty,
    output: z.object({ open: z.number().int() }).strict(),
    access: 'signed-in',
    repScope: 'self',
  }),
};

export const appealsEvents = {
  'appeals.changed': z.object({ appealId: z.string(), state: z.string(), open: z.number() }),
} as const satisfies Record<string, z.ZodType>;
