// Why and since when a lead is in the public pool, read from its latest assignment row (the pool is `repId` null).
import type { Database } from 'better-sqlite3';
import { findLatestAssignmentFacts } from '../../store/pool-claims';

export interface PoolOrigin {
  readonly at: number;
  readonly reason: 'new' | 'recycled' | 'released';
  /** The rep it was taken from or released by; null for a new lead. */
  readonly fromRepId: string | null;
}

/** The rep an assignment took the lead from, and the recycle's reason, as its explanation records them. */
function fromRepOf(explanation: unknown): { fromRepId: string | null; reason: unknown } {
  if (typeof explanation !== 'object' || explanation === null) return { fromRepId: null, reason: null };
  const { fromRepId, reason } = explanation as { fromRepId?: unknown; reason?: unknown };
  return { fromRepId: typeof fromRepId === 'string' ? fromRepId : null, reason };
}

/**
 * The lead's arrival in the pool: a recycle row says recycled (from its rep) unless the rep released it, a manual or
 * appeal row with a previous owner says released, any other pool row (distribution found no rep) says new. Null when
 * no row put it there.
 */
export function poolOriginOf(db: Database, leadId: string): PoolOrigin | null {
  const latest = findLatestAssignmentFacts(db, leadId);
  if (latest === undefined || latest.repId !== null) return null;
  const { fromRepId, reason } =
    latest.kind === 'recycle' || latest.kind === 'manual' || latest.kind === 'appeal'
      ? fromRepOf(latest.explanation)
      : { fromRepId: null, reason: null };
  if (latest.kind === 'recycle')
    return { at: latest.at, reason: reason === 'released' ? 'released' : 'recycled', fromRepId };
  if ((latest.kind === 'manual' || latest.kind === 'appeal') && fromRepId !== null)
    return { at: latest.at, reason: 'released', fromRepId };
  return { at: latest.at, reason: 'new', fromRepId: null };
}
