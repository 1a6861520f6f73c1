import { describe, expect, it } from 'vitest';
import { agendaBounds, agendaSectionOf } from '../../../../core/domain/sla/agenda';
import { quickPickAt } from '../../../../core/domain/sla/quick-picks';
import { CHINA_OFFICE_CALENDAR } from '../../../../core/domain/sla/working-calendar';

/** Epoch ms of a wall-clock time in China (UTC+8), November 2026 (the 23rd is a Monday). */
function cn(day: number, hour: number, minute = 0): number {
  return Date.UTC(2026, 10, day, hour - 8, minute);
}

const office = { calendar: CHINA_OFFICE_CALENDAR };

describe('quick picks in the working calendar', () => {
  it('puts "in 2 hours" two working hours ahead, across the night', () => {
    expect(quickPickAt('in_2_hours', cn(24, 10), office)).toBe(cn(24, 12));
    expect(quickPickAt('in_2_hours', cn(24, 17, 30), office)).toBe(cn(25, 10, 30));
  });

  it('puts "tomorrow morning" at the opening of the next working day (Friday → Monday)', () => {
    expect(quickPickAt('tomorrow_morning', cn(24, 15), office)).toBe(cn(25, 9));
    expect(quickPickAt('tomorrow_morning', cn(27, 15), office)).toBe(cn(30, 9));
  });

  it('skips a holiday Monday for "next Monday", and counts from any day of the week', () => {
    expect(quickPickAt('next_monday', cn(23, 10), office)).toBe(cn(30, 9));
    expect(quickPickAt('next_monday', cn(29, 22), office)).toBe(cn(30, 9));
    const holiday = { calendar: { ...CHINA_OFFICE_CALENDAR, holidays: ['2026-11-30'] } };
    expect(quickPickAt('next_monday', cn(25, 10), holiday)).toBe(Date.UTC(2026, 11, 1, 1));
  });

  it('uses 09:00 local every day without a calendar', () => {
    expect(quickPickAt('tomorrow_morning', cn(28, 15), { calendar: null })).toBe(cn(29, 9));
  });
});

describe('the agenda’s days', () => {
  it('ends today at local midnight and the week at Monday 00:00', () => {
    expect(agendaBounds(cn(25, 23, 30), 480)).toEqual({ todayEnd: cn(26, 0), weekEnd: cn(30, 0) });
    expect(agendaBounds(cn(29, 10), 480).weekEnd).toBe(cn(30, 0));
  });

  it('sorts an activity into overdue, today, this week, later or undated', () => {
    const now = cn(25, 10);
    const bounds = agendaBounds(now, 480);
    expect(agendaSectionOf(now, now, bounds)).toBe('overdue');
    expect(agendaSectionOf(cn(25, 23, 59), now, bounds)).toBe('today');
    expect(agendaSectionOf(cn(29, 23, 59), now, bounds)).toBe('week');
    expect(agendaSectionOf(cn(30, 0), now, bounds)).toBe('later');
    expect(agendaSectionOf(null, now, bounds)).toBe('undated');
  });
});
