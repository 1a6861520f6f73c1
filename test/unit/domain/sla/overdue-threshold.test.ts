import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS, MINUTE_MS } from '../../../../core/domain/clock';
import { latestOverdueStart } from '../../../../core/domain/sla/overdue-threshold';
import type { WorkingCalendar } from '../../../../core/domain/sla/working-calendar';
import { CHINA_OFFICE_CALENDAR, addBusinessMs } from '../../../../core/domain/sla/working-calendar';

/** Epoch ms of a wall-clock time in China (UTC+8). */
function cn(year: number, month: number, day: number, hour: number, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour - 8, minute);
}

const CALENDARS: readonly (WorkingCalendar | null)[] = [
  null,
  CHINA_OFFICE_CALENDAR,
  // Spring Festival week off, two make-up weekend days around it.
  {
    ...CHINA_OFFICE_CALENDAR,
    holidays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'],
    makeUpDays: ['2026-02-14', '2026-02-28'],
  },
  // Weekends only, late hours, west of UTC.
  {
    utcOffsetMinutes: -300,
    weekdays: [
      { startMinute: 600, endMinute: 1440 },
      null,
      null,
      null,
      null,
      null,
      { startMinute: 0, endMinute: 90 },
    ],
    holidays: ['2026-02-21'],
  },
  // One short window a week.
  {
    utcOffsetMinutes: 480,
    weekdays: [null, null, null, { startMinute: 720, endMinute: 735 }, null, null, null],
    holidays: [],
  },
];

describe('latest overdue start', () => {
  it('is the start 24 business hours before now on the office calendar', () => {
    // Wednesday 2026-03-25 10:00 in China; 24 business hours back (9 a day) is Friday 03-20 13:00.
    const now = cn(2026, 3, 25, 10);
    const threshold = latestOverdueStart(24 * 60, CHINA_OFFICE_CALENDAR, now);
    expect(threshold).toBe(cn(2026, 3, 20, 13));
  });

  it('answers null when the calendar has no working time', () => {
    const closed: WorkingCalendar = {
      utcOffsetMinutes: 0,
      weekdays: [null, null, null, null, null, null, null],
      holidays: [],
    };
    expect(latestOverdueStart(5, closed, cn(2026, 3, 25, 10))).toBeNull();
  });

  it('makes a zero-minute clock due from its start', () => {
    const now = cn(2026, 3, 21, 3);
    expect(latestOverdueStart(0, CHINA_OFFICE_CALENDAR, now)).toBe(now);
  });

  it('says a start is overdue exactly when its deadline has come, on any calendar and limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: cn(2026, 1, 20, 0), max: cn(2026, 4, 1, 0) }),
        fc.integer({ min: 0, max: 60 * DAY_MS }),
        fc.integer({ min: 0, max: 200 * 60 }),
        fc.constantFrom(...CALENDARS),
        (now, age, minutes, calendar) => {
          const start = now - age;
          const threshold = latestOverdueStart(minutes, calendar, now);
          const isDue = addBusinessMs(start, minutes * MINUTE_MS, calendar) <= now;
          expect(threshold !== null && start <= threshold).toBe(isDue);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('sits on the boundary: due at the threshold, not due one ms after it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: cn(2026, 1, 20, 0), max: cn(2026, 4, 1, 0) }),
        fc.integer({ min: 1, max: 300 * 60 }),
        fc.constantFrom(...CALENDARS),
        (now, minutes, calendar) => {
          const threshold = latestOverdueStart(minutes, calendar, now);
          expect(threshold).not.toBeNull();
          const t = threshold ?? 0;
          expect(addBusinessMs(t, minutes * MINUTE_MS, calendar)).toBeLessThanOrEqual(now);
          expect(addBusinessMs(t + 1, minutes * MINUTE_MS, calendar)).toBeGreaterThan(now);
          // Business time never runs faster than wall time.
          expect(t).toBeLessThanOrEqual(now - minutes * MINUTE_MS);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the threshold of the longest limit a policy allows (a year of business minutes) years back', () => {
    const now = cn(2026, 3, 25, 10);
    const minutes = 525_600;
    const threshold = latestOverdueStart(minutes, CHINA_OFFICE_CALENDAR, now);
    expect(threshold).not.toBeNull();
    const t = threshold ?? now;
    expect(addBusinessMs(t, minutes * MINUTE_MS, CHINA_OFFICE_CALENDAR)).toBeLessThanOrEqual(now);
    expect(addBusinessMs(t + 1, minutes * MINUTE_MS, CHINA_OFFICE_CALENDAR)).toBeGreaterThan(now);
    // 8,760 business hours at 45 a week: about 3.7 years of calendar time.
    expect(now - t).toBeGreaterThan(3.5 * 365 * DAY_MS);
  });

  it('finds a threshold two weekly windows back when the calendar opens 15 minutes a week', () => {
    // Wednesdays 12:00-12:15 only; 30 minutes need the windows of 03-11 and 03-18 to have run by 03-25 10:00.
    const rare = CALENDARS[4] ?? null;
    expect(latestOverdueStart(30, rare, cn(2026, 3, 25, 10))).toBe(cn(2026, 3, 11, 12));
  });
});
