import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../../core/domain/clock';
import type { WorkingCalendar } from '../../../../core/domain/sla/working-calendar';
import {
  CHINA_OFFICE_CALENDAR,
  addBusinessMs,
  businessMsBetween,
  checkWorkingCalendar,
} from '../../../../core/domain/sla/working-calendar';

/** Epoch ms of a wall-clock time in China (UTC+8). */
function cn(year: number, month: number, day: number, hour: number, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour - 8, minute);
}

const calendar = CHINA_OFFICE_CALENDAR;
// 2026-03-20 is a Friday; 03-23 the Monday after.
const FRIDAY_1730 = cn(2026, 3, 20, 17, 30);

describe('working calendar', () => {
  it('puts a 24 business-hour deadline from Friday 17:30 on Wednesday 14:30', () => {
    expect(new Date(FRIDAY_1730 + 8 * HOUR_MS).getUTCDay()).toBe(5);
    expect(addBusinessMs(FRIDAY_1730, 24 * HOUR_MS, calendar)).toBe(cn(2026, 3, 25, 14, 30));
  });

  it('skips a holiday Monday, moving the deadline to Thursday', () => {
    const withHoliday: WorkingCalendar = { ...calendar, holidays: ['2026-03-23'] };
    expect(addBusinessMs(FRIDAY_1730, 24 * HOUR_MS, withHoliday)).toBe(cn(2026, 3, 26, 14, 30));
  });

  it('counts a make-up Saturday (调休) as a working day', () => {
    const withMakeUp: WorkingCalendar = { ...calendar, makeUpDays: ['2026-03-21'] };
    expect(addBusinessMs(FRIDAY_1730, 24 * HOUR_MS, withMakeUp)).toBe(cn(2026, 3, 24, 14, 30));
  });

  it('lets a holiday win over a make-up day on the same date', () => {
    const both: WorkingCalendar = { ...calendar, holidays: ['2026-03-21'], makeUpDays: ['2026-03-21'] };
    expect(addBusinessMs(FRIDAY_1730, 24 * HOUR_MS, both)).toBe(cn(2026, 3, 25, 14, 30));
  });

  it('starts a clock assigned on Saturday night at Monday 9:00', () => {
    expect(addBusinessMs(cn(2026, 3, 21, 22, 0), 5 * MINUTE_MS, calendar)).toBe(cn(2026, 3, 23, 9, 5));
  });

  it('keeps a deadline that ends a working day at 18:00, not the next morning', () => {
    expect(addBusinessMs(cn(2026, 3, 23, 9, 0), 9 * HOUR_MS, calendar)).toBe(cn(2026, 3, 23, 18, 0));
  });

  it('counts only working time between two moments', () => {
    expect(businessMsBetween(cn(2026, 3, 20, 17, 0), cn(2026, 3, 23, 10, 0), calendar)).toBe(2 * HOUR_MS);
    expect(businessMsBetween(cn(2026, 3, 23, 10, 0), cn(2026, 3, 20, 17, 0), calendar)).toBe(0);
  });

  it('never pauses without a calendar', () => {
    expect(addBusinessMs(FRIDAY_1730, 24 * HOUR_MS, null)).toBe(FRIDAY_1730 + 24 * HOUR_MS);
    expect(businessMsBetween(FRIDAY_1730, FRIDAY_1730 + HOUR_MS, null)).toBe(HOUR_MS);
  });

  it('honours another time zone offset', () => {
    const london: WorkingCalendar = { ...calendar, utcOffsetMinutes: 0 };
    // Monday 08:00 UTC is before London opens: 9:00 + 1 h = 10:00 UTC.
    expect(addBusinessMs(Date.UTC(2026, 2, 23, 8, 0), HOUR_MS, london)).toBe(Date.UTC(2026, 2, 23, 10, 0));
  });

  it('answers Infinity for a calendar that never opens, and says why', () => {
    const closed: WorkingCalendar = { ...calendar, weekdays: [null, null, null, null, null, null, null] };
    expect(addBusinessMs(FRIDAY_1730, HOUR_MS, closed)).toBe(Number.POSITIVE_INFINITY);
    expect(checkWorkingCalendar(closed).length).toBeGreaterThan(0);
  });

  it('flags bad hours, offsets and dates', () => {
    expect(checkWorkingCalendar(calendar)).toEqual([]);
    const bad: WorkingCalendar = {
      utcOffsetMinutes: 9999,
      weekdays: [null, { startMinute: 1080, endMinute: 540 }, null, null, null, null, null],
      holidays: ['2026-02-30'],
    };
    expect(checkWorkingCalendar(bad)).toHaveLength(3);
  });

  it('measures back exactly the business time it added, and never ends before wall time would', () => {
    const holidays: WorkingCalendar = {
      ...calendar,
      holidays: ['2026-04-06', '2026-05-01'],
      makeUpDays: ['2026-04-26'],
    };
    fc.assert(
      fc.property(
        fc.integer({ min: cn(2026, 1, 1, 0), max: cn(2026, 12, 31, 0) }),
        fc.integer({ min: 0, max: 400 * HOUR_MS }),
        fc.constantFrom<WorkingCalendar | null>(calendar, holidays, null),
        (start, ms, cal) => {
          const end = addBusinessMs(start, ms, cal);
          return businessMsBetween(start, end, cal) === ms && end >= start + ms;
        },
      ),
    );
  });

  it('moves a deadline later when more business time is needed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: cn(2026, 1, 1, 0), max: cn(2026, 12, 31, 0) }),
        fc.integer({ min: 0, max: 100 * HOUR_MS }),
        fc.integer({ min: 1, max: 10 * HOUR_MS }),
        (start, ms, extra) => addBusinessMs(start, ms + extra, calendar) > addBusinessMs(start, ms, calendar),
      ),
    );
  });

  it('agrees with a plain day-by-day count of working time', () => {
    const holidays: WorkingCalendar = { ...calendar, holidays: ['2026-04-06'], makeUpDays: ['2026-04-26'] };
    const reference = (start: number, end: number): number => {
      let total = 0;
      const offset = 8 * HOUR_MS;
      for (let day = Math.floor((start + offset) / DAY_MS); day * DAY_MS - offset < end; day += 1) {
        const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
        const weekday = new Date(day * DAY_MS).getUTCDay();
        const works =
          !holidays.holidays.includes(iso) && ((weekday >= 1 && weekday <= 5) || iso === '2026-04-26');
        if (!works) continue;
        const open = day * DAY_MS - offset + 9 * HOUR_MS;
        const close = day * DAY_MS - offset + 18 * HOUR_MS;
        total += Math.max(0, Math.min(end, close) - Math.max(start, open));
      }
      return total;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: cn(2026, 3, 1, 0), max: cn(2026, 6, 1, 0) }),
        fc.integer({ min: 0, max: 40 * DAY_MS }),
        (start, length) =>
          businessMsBetween(start, start + length, holidays) === reference(start, start + length),
      ),
    );
  });
});
