// The Dashboard's and Transparency page's periods count the team's days (its offset from UTC, as the hub counts),
// not this computer's: at 00:30 in Beijing the team's today is already the next day while a UTC clock's is not.
import { describe, expect, it } from 'vitest';
import { periodOf } from '../../../renderer/src/ui/team-period';

describe('periodOf', () => {
  const halfPastMidnightInBeijing = Date.UTC(2026, 11, 3, 16, 30);

  it('ends on the team’s today, by its offset from UTC', () => {
    expect(periodOf(7, 480, halfPastMidnightInBeijing)).toEqual({ from: '2026-11-28', to: '2026-12-04' });
    expect(periodOf(1, -300, halfPastMidnightInBeijing)).toEqual({ from: '2026-12-03', to: '2026-12-03' });
  });

  it('counts whole days across a month’s end', () => {
    expect(periodOf(30, 480, Date.UTC(2026, 11, 1, 2))).toEqual({ from: '2026-11-02', to: '2026-12-01' });
  });
});
