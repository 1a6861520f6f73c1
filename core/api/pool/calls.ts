// Calls of the public pool: unowned open leads a rep may claim, first come first served, within daily limits.
import { z } from 'zod';
import { GRADES } from '../../domain/funnel';
import { defineCall, id, MAX_TEXT } from '../contract-kit';
import { WORK_ERRORS } from '../work/errors';
import { workCardSchema } from '../work/schemas';
import { POOL_ERRORS } from './errors';
import { distributionPreviewSchema, poolReasonSchema } from './schemas';

const poolRowSchema = workCardSchema
  .extend({
    lastRecycledAt: z.number().int().nullable(),
    /** When it came to the pool (its latest move there, else its creation). */
    arrivedAt: z.number().int(),
    poolReason: poolReasonSchema,
    /** The rep it was taken from or released by, by name; null for a new lead. */
    fromRepName: z.string().nullable(),
    /** For a rep: until when they may not claim it (it was recycled from them); null = claimable. */
    coolDownUntil: z.number().int().nullable(),
  })
  .strict();

export const poolCalls = {
  'pool.list': defineCall({
    input: z
      .object({
        text: z.string().max(MAX_TEXT).optional(),
        grades: z.array(z.enum(GRADES)).max(GRADES.length).optional(),
        source: z.string().max(MAX_TEXT).optional(),
        recycledOnly: z.boolean().optional(),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z
      .object({
        total: z.number().int(),
        rows: z.array(poolRowSchema),
        /** For a rep: claims made today and the daily limit. */
        claimsToday: z.number().int(),
        claimDailyLimit: z.number().int(),
      })
      .strict(),
    access: 'signed-in',
    // Only unowned leads, with the calling rep's own cool-downs and claim count.
    repScope: 'own-and-pool',
  }),
  'pool.claim': defineCall({
    input: z.object({ leadId: id }).strict(),
    output: workCardSchema,
    access: 'signed-in',
    repScope: 'own-and-pool',
    errors: [
      WORK_ERRORS.leadNotFound,
      POOL_ERRORS.repsOnly,
      POOL_ERRORS.notInPool,
      POOL_ERRORS.claimedFirst,
      POOL_ERRORS.dailyLimit,
      POOL_ERRORS.coolingDown,
    ],
  }),
  /** What "distribute now" would do with the pool's leads (or the given ones), computed and rolled back. */
  'pool.previewDistribution': defineCall({
    input: z.object({ leadIds: z.array(id).max(10_000).optional(), pool: z.boolean().optional() }).strict(),
    output: distributionPreviewSchema,
    access: 'team-lead',
  }),
  /** How many open leads a rep holds: asked before deactivating them. */
  'pool.openLeadsOf': defineCall({
    input: z.object({ repId: id }).strict(),
    output: z.object({ count: z.number().int() }).strict(),
    access: 'team-lead',
  }),
};
