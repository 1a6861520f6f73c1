// Why and since when a lead is in the public pool, read from its latest assignment row (the pool is `repId` null).
import type { Database } from 'better-sqlite3';
import { findLatestAssignmentFacts } from '../../store/pool-claims';

export interface PoolOrigin {
  readonly at: number;
  readonly reason: 'new' | 'recycled' | 'released';
  /** The rep it was taken from or released by; null for a new lead. */
  readonly fromRepId: string | null;
}

function fromRepOf(explanationJson: string): string | null {
  let explanation: unknown;
  try {
    explanation = JSON.parse(explanationJson);
  } catch {
    return null;
  }
  if (typeof explanation !== 'object' || explanation === null) return null;
  const from = (explanation as { fromRepId?: unknown }).fromRepId;
  return typeof from === 'string' ? from : null;
}

/**
 * The lead's arrival in the pool: a recycle row says recycled (from its rep), a manual or appeal row with a previous
 * owner says released, any other pool row (distribution found no rep) says new. Null when no row put it there.
 */
export function poolOriginOf(db: Database, leadId: string): PoolOrigin | null {
  const latest = findLatestAssignmentFacts(db, leadId);
  if (latest === undefined || latest.repId !== null) return null;
  const fromRepId =
    latest.kind === 'recycle' || latest.kind === 'manual' || latest.kind === 'appeal'
      ? fromRepOf(latest.explanationJson)
      : null;
  if (latest.kind === 'recycle') return { at: latest.at, reason: 'recycled', fromRepId };
  if ((latest.kind === 'manual' || latest.kind === 'appeal') && fromRepId !== null)
    return { at: latest.at, reason: 'released', fromRepId };
  return { at: latest.at, reason: 'new', fromRepId: null };
}
