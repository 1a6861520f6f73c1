// A refusal with an end is asked again once the end has passed, and, while the hub's clock still refuses (this PC
// runs ahead), every few seconds until it does not; never before the end, never without one.
import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { earliestEnd, useRefetchAt } from '../../../renderer/src/ui/use-refetch-at';

describe('useRefetchAt', () => {
  const start = Date.UTC(2026, 11, 4, 6, 0);

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(start);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks again just after the end, not before', () => {
    const refetch = vi.fn();
    renderHook(() => useRefetchAt(start + 30 * 60_000, 1, refetch));
    vi.advanceTimersByTime(30 * 60_000);
    expect(refetch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('asks every 5 s while an answer still names an end already passed here', () => {
    const refetch = vi.fn();
    const { rerender } = renderHook(({ answeredAt }) => useRefetchAt(start - 1_000, answeredAt, refetch), {
      initialProps: { answeredAt: 1 },
    });
    vi.advanceTimersByTime(4_999);
    expect(refetch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refetch).toHaveBeenCalledTimes(1);
    // The hub answered again with the same end: once more, 5 s later.
    rerender({ answeredAt: 2 });
    vi.advanceTimersByTime(5_000);
    expect(refetch).toHaveBeenCalledTimes(2);
  });

  it('does nothing without an end, and stops when the end goes', () => {
    const refetch = vi.fn();
    const { rerender } = renderHook(({ at }) => useRefetchAt(at, 1, refetch), {
      initialProps: { at: (start + 60_000) as number | null },
    });
    rerender({ at: null });
    vi.advanceTimersByTime(60 * 60_000);
    expect(refetch).not.toHaveBeenCalled();
  });

  it('waits at most setTimeout’s longest delay for a cool-down weeks away', () => {
    const refetch = vi.fn();
    renderHook(() => useRefetchAt(start + 40 * 86_400_000, 1, refetch));
    vi.advanceTimersByTime(2 ** 31 - 1);
    expect(refetch).toHaveBeenCalledTimes(1);
  });
});

describe('earliestEnd', () => {
  it('is the first end of a list, ignoring rows without one', () => {
    expect(earliestEnd([null, 30, 10, null, 20])).toBe(10);
    expect(earliestEnd([null, null])).toBeNull();
    expect(earliestEnd([])).toBeNull();
  });
});
