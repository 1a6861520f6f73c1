// Time and randomness are parameters of the domain: a Clock answers epoch milliseconds, an Rng answers [0, 1).
export type Clock = () => number;
export type Rng = () => number;

/** mulberry32: a tiny seeded PRNG. Same seed, same sequence; period 2^32. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
