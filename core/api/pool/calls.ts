// Calls of the public pools: unowned open leads a rep may claim, first come first served, within each pool's
// membership, caps, embargo and cool-down, contact data masked until claimed; managing the pools (the team lead),
// handing a pool lead to a rep within the caps, locks against recycling, and the pools' recycle sweep.
import { z } from 'zod';
import { GRADES } from '../../domain/funnel';
import { defineCall, empty, id, MAX_TEXT, refusalDataSchema } from '../contract-kit';
import { WORK_ERRORS } from '../work/errors';
import { workCardSchema } from '../work/schemas';
import { RECYCLE_KINDS } from '../../domain/pool/types';
import { POOL_ERRORS } from './errors';
import { distributionPreviewSchema, poolReasonSchema, poolSchema, poolSettingsSchema } from './schemas';

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
    /** Until when nobody may claim it (it has just entered the pool); null = no embargo in force. */
    embargoUntil: z.number().int().nullable(),
    /** Phone, email and WeChat are masked for the caller until they claim it. */
    isMasked: z.boolean(),
  })
  .strict();

const lockSchema = z
  .object({
    leadId: z.string(),
    leadName: z.string(),
    repId: z.string(),
    poolId: z.string(),
    lockedAt: z.number().int(),
    expiresAt: z.number().int(),
  })
  .strict();

/** A lead its owner is about to lose to a pool's recycle rule. */
export const recycleWarningSchema = z
  .object({
    leadId: z.string(),
    name: z.string(),
    ownerId: z.string(),
    poolId: z.string(),
    kind: z.enum(RECYCLE_KINDS),
    days: z.number().int(),
    dueAt: z.number().int(),
    /** Why a lock would be refused now (the pool allows none, or the owner holds its cap of locks); null: lockable. */
    lockRefusal: refusalDataSchema.nullable(),
  })
  .strict();

export const poolAdminCalls = {
  /** The pools: all of them for the team lead, the ones a rep belongs to for a rep (for the switcher). */
  'pool.pools': defineCall({
    input: empty,
    output: z.object({ pools: z.array(poolSchema) }).strict(),
    access: 'signed-in',
    repScope: 'shared',
  }),
  'pool.savePool': defineCall({
    input: z.object({ id: id.optional(), settings: poolSettingsSchema }).strict(),
    output: poolSchema,
    access: 'team-lead',
    errors: [POOL_ERRORS.poolNotFound],
  }),
  'pool.deletePool': defineCall({
    input: z.object({ id }).strict(),
    output: z.object({ deleted: z.boolean() }).strict(),
    access: 'team-lead',
    errors: [POOL_ERRORS.poolNotFound, POOL_ERRORS.defaultPoolKept],
  }),
  /** The team lead hands a pool lead to a rep; refused when it would break the rep's holding cap. */
  'pool.assign': defineCall({
    input: z.object({ leadId: id, repId: id }).strict(),
    output: workCardSchema,
    access: 'team-lead',
    errors: [
      WORK_ERRORS.leadNotFound,
      POOL_ERRORS.notInPool,
      POOL_ERRORS.claimedFirst,
      POOL_ERRORS.holdingCap,
    ],
  }),
  'pool.lock': defineCall({
    input: z.object({ leadId: id }).strict(),
    output: lockSchema,
    access: 'signed-in',
    repScope: 'own-leads',
    errors: [WORK_ERRORS.leadNotFound, POOL_ERRORS.notYourLead, POOL_ERRORS.lockOff, POOL_ERRORS.lockCap],
  }),
  /** Moves a lock's expiry (the team lead or the pool's admin). */
  'pool.extendLock': defineCall({
    input: z.object({ leadId: id, days: z.number().int().min(1).max(365) }).strict(),
    output: lockSchema,
    access: 'signed-in',
    repScope: 'own-leads',
    errors: [POOL_ERRORS.lockNotFound, POOL_ERRORS.notPoolAdmin],
  }),
  /** Ends a lock: its owner, the team lead or the pool's admin. */
  'pool.releaseLock': defineCall({
    input: z.object({ leadId: id }).strict(),
    output: z.object({ released: z.boolean() }).strict(),
    access: 'signed-in',
    repScope: 'own-leads',
    errors: [POOL_ERRORS.lockNotFound, POOL_ERRORS.notPoolAdmin],
  }),
  /** Locks in force: a rep's own, or everyone's for the team lead. */
  'pool.locks': defineCall({
    input: empty,
    output: z.object({ locks: z.array(lockSchema), maxPerRep: z.number().int() }).strict(),
    access: 'signed-in',
    repScope: 'self',
  }),
  /** Leads about to be recycled by a pool rule: a rep's own, or everyone's for the team lead. */
  'pool.warnings': defineCall({
    input: empty,
    output: z.object({ warnings: z.array(recycleWarningSchema) }).strict(),
    access: 'signed-in',
    repScope: 'self',
  }),
  /** Who saw a pool lead's masked contact data by claiming it (or being handed it), newest first. */
  'pool.reveals': defineCall({
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z
      .object({
        rows: z.array(
          z
            .object({
              at: z.number().int(),
              actor: z.string(),
              repId: z.string(),
              repName: z.string().nullable(),
              leadId: z.string(),
              leadName: z.string().nullable(),
              poolName: z.string().nullable(),
              fields: z.array(z.string()),
            })
            .strict(),
        ),
      })
      .strict(),
    access: 'team-lead',
  }),
  /** Runs the pools' recycle rules now (the scheduler runs them on every tick): warns, then recycles. */
  'pool.sweep': defineCall({
    input: empty,
    output: z.object({ recycled: z.number().int(), warned: z.number().int() }).strict(),
    access: 'team-lead',
  }),
};

export const poolCalls = {
  'pool.list': defineCall({
    input: z
      .object({
        /** Which pool; the default pool when not given. */
        poolId: id.optional(),
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
        poolId: z.string(),
        total: z.number().int(),
        rows: z.array(poolRowSchema),
        /** For a rep: claims made today from this pool and its daily cap for them (null = no cap). */
        claimsToday: z.number().int(),
        claimDailyLimit: z.number().int().nullable(),
        /** For a rep: open leads held (locked not counted) and this pool's holding cap for them (null = none). */
        holding: z.number().int(),
        holdingLimit: z.number().int().nullable(),
      })
      .strict(),
    access: 'signed-in',
    // Only unowned leads of a pool the rep belongs to, with the rep's own cool-downs and claim count.
    repScope: 'own-and-pool',
    errors: [POOL_ERRORS.poolNotFound, POOL_ERRORS.notMember],
  }),
  /**
   * Whether the caller may claim a lead now, and if not the refusal pool.claim would answer (reason code and
   * details, as data): the lead's drawer offers the claim exactly when the hub would take it.
   */
  'pool.claimCheck': defineCall({
    input: z.object({ leadId: id }).strict(),
    output: z.object({ refusal: refusalDataSchema.nullable() }).strict(),
    access: 'signed-in',
    // About the caller's own claim: a lead another rep holds answers claimedFirst, as the claim would.
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
      POOL_ERRORS.notMember,
      POOL_ERRORS.embargo,
      POOL_ERRORS.coolingDown,
      POOL_ERRORS.dailyLimit,
      POOL_ERRORS.holdingCap,
    ],
  }),
  /**
   * A rep puts an open lead of theirs back in the public pool (放回公海), saying why: recorded as a recycle from them,
   * so their claim cool-down applies before they may take it back. Answers the pool it went to.
   */
  'pool.release': defineCall({
    input: z.object({ leadId: id, reason: z.string().trim().min(1).max(MAX_TEXT) }).strict(),
    output: z.object({ leadId: z.string(), poolId: z.string() }).strict(),
    access: 'signed-in',
    // Only the rep's own open leads; the team lead moves leads with distribution.reassign instead.
    repScope: 'own-leads',
    errors: [
      WORK_ERRORS.leadNotFound,
      POOL_ERRORS.releaseRepsOnly,
      POOL_ERRORS.releaseNotYours,
      POOL_ERRORS.releaseNotOpen,
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
  ...poolAdminCalls,
};
