// Shapes of the pool calls that say what will happen before it happens: where a deactivated rep's open leads go,
// and how many pool leads "distribute now" would give to whom.
import { z } from 'zod';
import { id } from '../contract-kit';

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
