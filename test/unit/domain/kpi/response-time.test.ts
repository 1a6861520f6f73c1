import { describe, expect, it } from 'vitest';
import { computeResponseTimes, responseMinutes } from '../../../../core/domain/kpi/response-time';
import { CHINA_OFFICE_CALENDAR } from '../../../../core/domain/sla/working-calendar';

/** Epoch ms of a wall-clock time in China (UTC+8). */
function cn(month: number, day: number, hour: number, minute = 0): number {
  return Date.UTC(2026, month - 1, day, hour - 8, minute);
}

const TARGETS = { A: 5, B: 1440, C: 60, D: 60, ungraded: 60 };

// Friday 2026-11-27 … Wednesday 2026-12-02, Mon–Fri 9:00–18:00 China.
const FACTS = [
  // Friday 17:55 → Monday 09:05: 5 minutes on Friday + 5 on Monday = 10 business minutes.
  { grade: 'A' as const, assignedAt: cn(11, 27, 17, 55), firstContactAt: cn(11, 30, 9, 5) },
  { grade: 'A' as const, assignedAt: cn(11, 30, 10, 0), firstContactAt: cn(11, 30, 10, 3) },
  { grade: 'A' as const, assignedAt: cn(11, 30, 10, 0), firstContactAt: cn(11, 30, 10, 5) },
  // Still inside its 5 minutes at `now`: counted neither within nor over target.
  { grade: 'A' as const, assignedAt: cn(12, 2, 10, 0), firstContactAt: null },
  { grade: 'B' as const, assignedAt: cn(12, 1, 9, 0), firstContactAt: cn(12, 1, 11, 0) },
  // Monday 9:00, never contacted: 540 + 540 + 62 business minutes by now, past its 60.
  { grade: 'C' as const, assignedAt: cn(11, 30, 9, 0), firstContactAt: null },
];
const NOW = cn(12, 2, 10, 2);

describe('response time', () => {
  it('counts only working hours across a weekend', () => {
    expect(responseMinutes(FACTS[0]!, CHINA_OFFICE_CALENDAR)).toBe(10);
    // Without a calendar the same lead waited 2 days 15 h 10 min of wall time.
    expect(responseMinutes(FACTS[0]!, null)).toBe(2 * 1440 + 15 * 60 + 10);
  });

  it('gives the median, mean, p90, share within target and histogram over contacted leads', () => {
    const { overall } = computeResponseTimes(FACTS, CHINA_OFFICE_CALENDAR, TARGETS, NOW);
    // Contacted: 10, 3, 5, 120 minutes.
    expect(overall.assigned).toBe(6);
    expect(overall.contacted).toBe(4);
    expect(overall.notContacted).toBe(2);
    expect(overall.medianMinutes).toBe((5 + 10) / 2);
    expect(overall.meanMinutes).toBe((10 + 3 + 5 + 120) / 4);
    // Nearest rank: ceil(0.9 × 4) = 4th smallest.
    expect(overall.p90Minutes).toBe(120);
    // Within: 3 (A), 5 (A, the target itself counts), 120 (B ≤ 1440); decided: 4 contacted + the overdue C.
    expect(overall.withinTarget.value).toBe(3 / 5);
    expect(overall.withinTarget.n).toBe(5);
    expect(overall.histogram.map((b) => b.count)).toEqual([1, 2, 0, 0, 1, 0, 0]);
    expect(overall.histogram[0]).toEqual({ from: 0, to: 5, count: 1 });
    expect(overall.histogram.at(-1)).toEqual({ from: 540, to: null, count: 0 });
  });

  it('splits the figures by grade', () => {
    const { byGrade } = computeResponseTimes(FACTS, CHINA_OFFICE_CALENDAR, TARGETS, NOW);
    expect(byGrade.A.assigned).toBe(4);
    expect(byGrade.A.contacted).toBe(3);
    expect(byGrade.A.medianMinutes).toBe(5);
    expect(byGrade.A.meanMinutes).toBe(6);
    expect(byGrade.A.withinTarget.value).toBeCloseTo(2 / 3, 12);
    expect(byGrade.C.withinTarget).toMatchObject({ value: 0, n: 1 });
    expect(byGrade.D).toMatchObject({
      assigned: 0,
      medianMinutes: null,
      meanMinutes: null,
      p90Minutes: null,
    });
    expect(byGrade.D.withinTarget.value).toBeNull();
  });
});
