// Shapes of the pool calls: a pool's configuration as the contract carries and the store keeps it, where a
// deactivated rep's open leads go, and how many pool leads "distribute now" would give to whom.
import { z } from 'zod';
import { GRADE_KEYS, RECYCLE_KINDS, type PoolConfig } from '../../domain/pool/types';
import { REP_TIERS } from '../../domain/rep';
import { id, MAX_TEXT } from '../contract-kit';

/** Where a deactivated rep's open leads go: the public pool, through the distribution rules, or to one rep. */
export const openLeadsPlaceSchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('pool') }).strict(),
  z.object({ to: z.literal('redistribute') }).strict(),
  z.object({ to: z.literal('rep'), repId: id }).strict(),
]);
export type OpenLeadsPlace = z.output<typeof openLeadsPlaceSchema>;

export const distributionPreviewSchema = z
  .object({
    /** Leads the run would consider. */
    total: z.number().int(),
    assigned: z.number().int(),
    pooled: z.number().int(),
    manual: z.number().int(),
    skipped: z.number().int(),
    /** Per rep who would get leads, most first, by name. */
    perRep: z.array(z.object({ repId: z.string(), name: z.string(), count: z.number().int() }).strict()),
  })
  .strict();

/** Why a lead is in the pool: new (never owned), recycled from a rep (SLA, stale, nurture), or released by hand. */
export const poolReasonSchema = z.enum(['new', 'recycled', 'released']);

const count = (max: number) => z.number().int().min(0).max(max);
const capValue = count(100_000).nullable();
const texts = z.array(z.string().min(1).max(MAX_TEXT)).max(200);
const gradeKey = z.enum(GRADE_KEYS as unknown as ['A', 'B', 'C', 'D', 'ungraded']);

const capPairPatch = z.object({ claimDaily: capValue.optional(), holding: capValue.optional() }).strict();

export const poolCapsSchema = z
  .object({
    claimDaily: capValue,
    holding: capValue,
    byTier: z.partialRecord(z.enum(REP_TIERS), capPairPatch),
    exemptRepIds: z.array(id).max(500),
  })
  .strict();

const daysPerGrade = z
  .object({ A: capValue, B: capValue, C: capValue, D: capValue, ungraded: capValue })
  .strict();

export const poolRecycleSchema = z
  .object({
    rules: z
      .array(z.object({ kind: z.enum(RECYCLE_KINDS), days: daysPerGrade }).strict())
      .max(RECYCLE_KINDS.length * 2),
    exemptHasOpportunity: z.boolean(),
    exemptWon: z.boolean(),
    exemptLocked: z.boolean(),
    warnHours: count(24 * 30),
  })
  .strict();

/** What the team lead edits: everything but the id and whether it is the default pool. */
export const poolSettingsSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    position: count(1000),
    entry: z
      .object({ regions: texts, industries: texts, grades: z.array(gradeKey).max(5), sources: texts })
      .strict(),
    isOpenToAll: z.boolean(),
    memberRepIds: z.array(id).max(500),
    adminRepIds: z.array(id).max(500),
    caps: poolCapsSchema,
    locks: z.object({ maxPerRep: count(1000), days: z.number().int().min(1).max(365) }).strict(),
    coolDownDays: count(365).nullable(),
    embargoMinutes: count(7 * 24 * 60),
    masksContacts: z.boolean(),
    recycle: poolRecycleSchema,
  })
  .strict();
export type PoolSettings = z.output<typeof poolSettingsSchema>;

export const poolSchema = poolSettingsSchema.extend({ id: z.string(), isDefault: z.boolean() }).strict();

/** The stored JSON: the settings without name and position, which are columns. */
export const storedPoolConfigSchema = poolSettingsSchema.omit({ name: true, position: true });

/** A pool as the domain takes it. */
export function toPoolConfig(row: {
  id: string;
  name: string;
  position: number;
  isDefault: boolean;
  settings: Omit<PoolConfig, 'id' | 'name' | 'position' | 'isDefault'>;
}): PoolConfig {
  return { id: row.id, name: row.name, position: row.position, isDefault: row.isDefault, ...row.settings };
}
