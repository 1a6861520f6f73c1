// The public pools' holding cap (库容) as distribution must respect it: per rep, the tightest cap of the pools the
// rep belongs to, with the rep's locked leads (counted apart), for the engine and for a manual hand-over.
import type { Database } from 'better-sqlite3';
import { capsFor, isPoolMember } from '../../domain/pool/claim';
import type { HoldingCap } from '../../domain/distribution/types';
import type { Rep } from '../../domain/rep';
import { readOpenLoad } from '../../store/pools';
import { countActiveLocksOf } from '../../store/pools-locks';
import { ServiceError } from '../errors';
import { readFunnelSettings } from '../sla/settings';
import { POOL_ERRORS } from './errors';
import { readPools } from './pools-read';

/** Each rep's binding holding cap (the tightest of the pools they belong to); reps under no cap are left out. */
export function holdingCapsOf(db: Database, now: number, reps: readonly Rep[]): Record<string, HoldingCap> {
  const pools = readPools(db);
  const teamDaily = readFunnelSettings(db).claimDailyLimit;
  const out: Record<string, HoldingCap> = {};
  for (const rep of reps) {
    let tightest: { cap: number; pool: string } | null = null;
    for (const pool of pools) {
      if (!isPoolMember(pool, rep.id)) continue;
      const cap = capsFor(pool, rep, teamDaily).holding;
      if (cap !== null && (tightest === null || cap < tightest.cap)) tightest = { cap, pool: pool.name };
    }
    if (tightest !== null) out[rep.id] = { ...tightest, locked: countActiveLocksOf(db, rep.id, now) };
  }
  return out;
}

/** Refuses handing one more lead to `rep` when it would pass their pool holding cap (the refusal names the cap). */
export function requireHoldingRoom(db: Database, now: number, rep: Rep): void {
  const cap = holdingCapsOf(db, now, [rep])[rep.id];
  if (cap === undefined) return;
  const holding = Math.max(0, readOpenLoad(db, rep.id) - cap.locked);
  if (holding >= cap.cap)
    throw new ServiceError(
      POOL_ERRORS.holdingCap,
      { pool: cap.pool, cap: 'holding', rep: rep.name, limit: cap.cap, holding },
      'toRepId',
    );
}
