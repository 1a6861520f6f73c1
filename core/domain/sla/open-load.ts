// A rep's open load: the leads they still have to work, which distribution weighs and caps.
import { isOpenStage, type FunnelStage } from '../funnel';

/** The facts of a lead that decide whether it weighs on its owner. */
export interface OpenLoadFacts {
  readonly ownerId: string | null;
  readonly stage: FunnelStage;
  readonly isHistory: boolean;
  readonly isDeleted: boolean;
}

/** The rep a lead weighs on, or null: an owned, live, non-history lead in a working stage (not won/lost/nurture). */
export function openLoadOwner(lead: OpenLoadFacts): string | null {
  if (lead.ownerId === null || lead.isHistory || lead.isDeleted || !isOpenStage(lead.stage)) return null;
  return lead.ownerId;
}

/**
 * How a change of a lead (null = absent before / after) moves the reps' open loads: +1/−1 per rep, reps whose
 * load does not move left out. Invariant: the values sum to (after counted) − (before counted).
 */
export function openLoadDelta(
  before: OpenLoadFacts | null,
  after: OpenLoadFacts | null,
): ReadonlyMap<string, number> {
  const delta = new Map<string, number>();
  const from = before === null ? null : openLoadOwner(before);
  const to = after === null ? null : openLoadOwner(after);
  if (from === to) return delta;
  if (from !== null) delta.set(from, -1);
  if (to !== null) delta.set(to, 1);
  return delta;
}
