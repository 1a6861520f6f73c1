// Team calls: list, add, edit (tier, skills, regions, caps, availability, PIN), deactivate.
import { z } from 'zod';
import { REP_TIERS } from '../../domain/rep';
import { defineCall, id, isoDate, MAX_TEXT, optionalText, patchSchemaOf, repIdSchema } from '../contract-kit';
import { isPlausiblePhone } from '../leads/phone-check';
import { newPinSchema } from '../session/calls';
import { POOL_ERRORS } from '../pool/errors';
import { openLeadsPlaceSchema } from '../pool/schemas';
import { REPS_ERRORS } from './errors';

export const repInputSchema = z
  .object({
    name: z.string().trim().min(1, 'a name is required').max(MAX_TEXT),
    email: optionalText().refine((value) => value === null || z.email().safeParse(value).success, {
      message: 'not a valid email address',
    }),
    phone: optionalText(40).refine((value) => value === null || isPlausiblePhone(value), {
      message: 'not a phone number',
    }),
    tier: z.enum(REP_TIERS),
    skills: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
    regions: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
    weight: z.number().int().min(1).max(100).default(1),
    capOpen: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .nullish()
      .transform((v) => v ?? null),
    capDaily: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .nullish()
      .transform((v) => v ?? null),
    isOutOfOffice: z.boolean().default(false),
    leave: z
      .array(
        z
          .object({ from: isoDate, to: isoDate })
          .strict()
          .refine((period) => period.from <= period.to, {
            message: 'leave must end on or after its start',
            path: ['to'],
          }),
      )
      .max(100)
      .default([]),
    joinedOn: isoDate.optional(),
    pin: newPinSchema.nullish(),
  })
  .strict();
export type RepInput = z.input<typeof repInputSchema>;

export const repSchema = z
  .object({
    id: repIdSchema,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    tier: z.enum(REP_TIERS),
    skills: z.array(z.string()).readonly(),
    regions: z.array(z.string()).readonly(),
    weight: z.number(),
    capOpen: z.number().nullable(),
    capDaily: z.number().nullable(),
    isActive: z.boolean(),
    isOutOfOffice: z.boolean(),
    leave: z.array(z.object({ from: z.string(), to: z.string() }).strict()).readonly(),
    joinedOn: z.string(),
  })
  .strict();

const byRepId = z.object({ id }).strict();

export const repsCalls = {
  'reps.list': defineCall({
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(repSchema.extend({ hasPin: z.boolean() })),
    access: 'signed-in',
    // The team is no secret inside it, but a rep sees other reps' names and availability, not their contact
    // details or whether they have a PIN.
    repScope: 'shared',
  }),
  'reps.create': defineCall({
    input: repInputSchema,
    output: repSchema,
    access: 'team-lead',
    waitsOnIo: true,
  }),
  'reps.update': defineCall({
    input: z.object({ id, patch: patchSchemaOf(repInputSchema) }).strict(),
    output: repSchema,
    access: 'team-lead',
    waitsOnIo: true,
    errors: [REPS_ERRORS.notFound],
  }),
  'reps.setActive': defineCall({
    // Issue #16: deactivating a rep who holds open leads must say where they go (pool/schemas.ts); without it the
    // call is refused with the count (pool.openLeadsNeedPlace), so the page can ask.
    input: byRepId.extend({ isActive: z.boolean(), openLeads: openLeadsPlaceSchema.optional() }).strict(),
    output: repSchema,
    access: 'team-lead',
    errors: [REPS_ERRORS.notFound, POOL_ERRORS.openLeadsNeedPlace],
  }),
};
