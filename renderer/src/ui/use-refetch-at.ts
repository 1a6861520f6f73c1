// Asks again when a refusal with an end runs out (a pool's embargo, a cool-down): a page left open offers the claim
// once the hub would take it, instead of showing a refusal that no longer holds until someone reloads.
import { useEffect } from 'react';

/** setTimeout's longest delay (~24.8 days); a later end is met by re-arming after it. */
const LONGEST_DELAY_MS = 2 ** 31 - 1;
/** After the end, so the hub's own check has passed it too. */
const MARGIN_MS = 500;
/**
 * The hub's clock, not this PC's, says when the end is: when this one runs ahead, the answer can still refuse;
 * then ask at most this often until it does not.
 */
const RETRY_MS = 5_000;

/**
 * Calls `refetch` once `at` (epoch ms, the hub's clock) has passed; again when the answer changes (`answeredAt`,
 * e.g. React Query's dataUpdatedAt) and still names a future end. Nothing when `at` is null. `refetch` should be
 * stable (React Query's is), or each render re-arms the timer.
 */
export function useRefetchAt(at: number | null, answeredAt: number, refetch: () => unknown): void {
  useEffect(() => {
    if (at === null) return;
    const left = at - Date.now() + MARGIN_MS;
    const delay = Math.min(LONGEST_DELAY_MS, left > 0 ? left : RETRY_MS);
    const timer = setTimeout(() => void refetch(), delay);
    return () => clearTimeout(timer);
  }, [at, answeredAt, refetch]);
}

/** The earliest of `ends` (nulls ignored), or null: when a list of refusals first changes. */
export function earliestEnd(ends: Iterable<number | null>): number | null {
  let earliest: number | null = null;
  for (const end of ends) if (end !== null && (earliest === null || end < earliest)) earliest = end;
  return earliest;
}
