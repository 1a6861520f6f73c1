// Protection locks: a rep keeps a few of their leads from recycling until an expiry the team lead may move.
import { DAY_MS } from '../clock';
import type { PoolLocks } from './types';

export type LockRefusal =
  { readonly rule: 'lockOff' } | { readonly rule: 'lockCap'; readonly limit: number; readonly held: number };

/** A lock holds while `now < expiresAt`. */
export function isLockActive(
  lock: { readonly expiresAt: number; readonly releasedAt: number | null },
  now: number,
) {
  return lock.releasedAt === null && now < lock.expiresAt;
}

/** Whether a rep holding `held` active locks in the pool may take one more. */
export function checkLock(locks: PoolLocks, held: number): LockRefusal | null {
  if (locks.maxPerRep === 0) return { rule: 'lockOff' };
  if (held >= locks.maxPerRep) return { rule: 'lockCap', limit: locks.maxPerRep, held };
  return null;
}

/** A new lock's expiry. */
export function lockExpiry(locks: PoolLocks, now: number): number {
  return now + locks.days * DAY_MS;
}
