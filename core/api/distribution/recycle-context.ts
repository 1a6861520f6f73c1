// What distribution needs to keep recycled leads away from their previous owners: the team's cool-down and who.
import type { Database } from 'better-sqlite3';
import { DAY_MS } from '../../domain/clock';
import type { PreviousOwner } from '../../domain/distribution/types';
import { listPreviousOwners } from '../../store/recycle-history';
import { readFunnelSettings } from '../sla/settings';

/** The cool-down (the team's claim cool-down) and, per lead, the reps it was recycled from within it. */
export function readRecycleContext(
  db: Database,
  leadIds: readonly string[],
  now: number,
): { readonly cooldownMs: number; readonly previousOwners: ReadonlyMap<string, readonly PreviousOwner[]> } {
  const cooldownMs = readFunnelSettings(db).claimCooldownDays * DAY_MS;
  return { cooldownMs, previousOwners: listPreviousOwners(db, leadIds, now - cooldownMs) };
}
