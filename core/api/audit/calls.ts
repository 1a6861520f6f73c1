// Audit calls: the append-only log of every change, who made it and when (team lead only).
import { z } from 'zod';
import { defineCall, id } from '../contract-kit';

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.number(),
    actor: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    /** What changed, as the call recorded it (JSON). */
    detail: z.record(z.string(), z.unknown()),
  })
  .strict();

export const auditCalls = {
  'audit.list': defineCall({
    input: z
      .object({
        entityId: id.optional(),
        offset: z.number().int().min(0).max(100_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.array(auditEntrySchema),
    access: 'team-lead',
  }),
};
