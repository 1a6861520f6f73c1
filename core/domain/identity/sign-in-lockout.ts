// How long a person is locked out after wrong passwords or PINs: a few free tries, then a growing wait.

/** Wrong tries allowed before the first lockout. */
export const FREE_TRIES = 5;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 60 * 60_000;

/**
 * The time until which sign-in is refused after `failures` wrong tries in a row, the last at `at` (epoch ms).
 * Invariants: no lock before FREE_TRIES failures; each further failure doubles the wait, up to one hour.
 */
export function lockedUntilAfter(failures: number, at: number): number {
  if (failures < FREE_TRIES) return 0;
  const doublings = Math.min(failures - FREE_TRIES, 20);
  return at + Math.min(FIRST_LOCK_MS * 2 ** doublings, LONGEST_LOCK_MS);
}
