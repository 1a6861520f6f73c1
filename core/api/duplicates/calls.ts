// Duplicate calls: groups of live leads that look like one customer, and the audited field-by-field merge.
import { z } from 'zod';
import { defineCall, id } from '../contract-kit';
import { dedupeKindSchema } from '../leads/calls';
import { leadSchema } from '../leads/schemas';
import { DUPLICATES_ERRORS } from './errors';
import { MERGEABLE_FIELDS } from '../../domain/mergeable-fields';

const mergeInput = z
  .object({
    keepId: id,
    mergeIds: z.array(id).min(1).max(50),
    /** Per field, the id of the lead whose value wins; unlisted fields keep the kept lead's value unless empty. */
    choices: z.partialRecord(z.enum(MERGEABLE_FIELDS), id).default({}),
  })
  .strict()
  .refine((input) => !input.mergeIds.includes(input.keepId), {
    message: 'the kept lead cannot be merged into itself',
    path: ['mergeIds'],
  })
  .refine((input) => new Set(input.mergeIds).size === input.mergeIds.length, {
    message: 'a lead is listed twice',
    path: ['mergeIds'],
  });

const duplicateGroupSchema = z
  .object({ leads: z.array(leadSchema).readonly(), by: z.array(dedupeKindSchema).readonly() })
  .strict();
export type DuplicateGroupView = z.output<typeof duplicateGroupSchema>;

export const duplicatesCalls = {
  'duplicates.groups': defineCall({
    input: z.object({ limit: z.number().int().min(1).max(1_000).default(200) }).strict(),
    output: z.object({ groups: z.array(duplicateGroupSchema), total: z.number().int() }).strict(),
    access: 'team-lead',
  }),
  'duplicates.merge': defineCall({
    input: mergeInput,
    output: leadSchema,
    access: 'team-lead',
    errors: [DUPLICATES_ERRORS.leadNotFound, DUPLICATES_ERRORS.choiceNotInMerge],
  }),
};
