// Calls of the stale list: owned open leads with no progress for N days, and taking them back in bulk.
import { z } from 'zod';
import { GRADES } from '../../domain/funnel';
import { defineCall, id } from '../contract-kit';
import { stageSchema } from '../leads/schemas';

const staleRowSchema = z
  .object({
    leadId: z.string(),
    name: z.string(),
    company: z.string().nullable(),
    grade: z.enum(GRADES).nullable(),
    stage: stageSchema,
    ownerId: z.string(),
    ownerName: z.string().nullable(),
    lastProgressAt: z.number().int(),
    idleDays: z.number().int(),
  })
  .strict();

export const staleCalls = {
  'stale.list': defineCall({
    input: z.object({ days: z.number().int().min(1).max(365).optional() }).strict(),
    output: z.object({ days: z.number().int(), rows: z.array(staleRowSchema) }).strict(),
    access: 'team-lead',
  }),
  'stale.recycle': defineCall({
    input: z.object({ leadIds: z.array(id).min(1).max(2000) }).strict(),
    output: z.object({ recycled: z.number().int() }).strict(),
    access: 'team-lead',
  }),
};
