// The nurture wake-up the move dialog offers first: 30 days on, on a working day of the team's calendar.
import { describe, expect, it } from 'vitest';
import { defaultWakeOn } from '../../../renderer/src/features/funnel/MoveDialog';
import { CHINA_OFFICE_CALENDAR } from '../../../core/domain/sla/working-calendar';

/** Friday 2026-12-04, 10:00 in Beijing: 30 days on is Sunday 2027-01-03. */
const FRIDAY = Date.UTC(2026, 11, 4, 2, 0, 0);

describe('the nurture wake-up offered first', () => {
  it('moves a weekend on to the next working day', () => {
    expect(defaultWakeOn(FRIDAY, CHINA_OFFICE_CALENDAR)).toBe('2027-01-04');
  });

  it('moves past a holiday, and keeps a weekend day worked in exchange (调休)', () => {
    expect(defaultWakeOn(FRIDAY, { ...CHINA_OFFICE_CALENDAR, holidays: ['2027-01-04'] })).toBe('2027-01-05');
    expect(defaultWakeOn(FRIDAY, { ...CHINA_OFFICE_CALENDAR, makeUpDays: ['2027-01-03'] })).toBe(
      '2027-01-03',
    );
  });

  it('counts from the team’s today: 00:30 on Saturday in Beijing is still Friday in UTC', () => {
    // Saturday 2026-12-05 00:30 in Beijing: 30 days on is Monday 2027-01-04, a working day.
    expect(defaultWakeOn(Date.UTC(2026, 11, 4, 16, 30), CHINA_OFFICE_CALENDAR)).toBe('2027-01-04');
    // Thursday 2026-12-03 in Beijing (the UTC date too): 30 days on is Saturday 2027-01-02, so Monday.
    expect(defaultWakeOn(Date.UTC(2026, 11, 3, 2, 0), CHINA_OFFICE_CALENDAR)).toBe('2027-01-04');
    // Wednesday 2026-12-02 in Beijing: Friday 2027-01-01 is a working day in this calendar (no holidays set).
    expect(defaultWakeOn(Date.UTC(2026, 11, 2, 2, 0), CHINA_OFFICE_CALENDAR)).toBe('2027-01-01');
  });
});
