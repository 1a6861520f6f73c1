// A clock that tests can move forward: the hub uses it only with --test-hooks, so `dev.advanceClock` works nowhere else.
const advancers = new WeakMap<() => number, (ms: number) => number>();

interface AdjustableClock {
  readonly clock: () => number;
  /** Moves the clock forward by `ms` and answers the new time. */
  advance(ms: number): number;
}

export function createAdjustableClock(base: () => number = Date.now): AdjustableClock {
  let offset = 0;
  const clock = () => base() + offset;
  const advance = (ms: number) => {
    offset += Math.max(0, ms);
    return clock();
  };
  advancers.set(clock, advance);
  return { clock, advance };
}

/** The advance function of an adjustable clock; undefined for any ordinary clock (test hooks off). */
export function findClockAdvancer(clock: () => number): ((ms: number) => number) | undefined {
  return advancers.get(clock);
}
