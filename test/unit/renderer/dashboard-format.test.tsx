// Durations on the Dashboard read as a team lead says them: "27 min", "4.5 min", "2.5 h", "7.1" days; never
// "26.69 min" or "7.06" days.
import { describe, expect, it } from 'vitest';
import { formatDays, formatMinutes } from '../../../renderer/src/features/dashboard/dashboard-format';

const t = (key: string, options: { value: string }) =>
  key.endsWith('.minutes') ? `${options.value} min` : `${options.value} h`;

describe('formatMinutes', () => {
  it.each([
    [null, '—'],
    [0, '0 min'],
    [4.46, '4.5 min'],
    [9.5, '9.5 min'],
    [9.96, '10 min'],
    [26.69, '27 min'],
    [119.4, '119 min'],
    [119.6, '2 h'],
    [150, '2.5 h'],
    [611, '10 h'],
    [2_000, '33 h'],
  ])('%s business minutes read %s', (minutes, expected) => {
    expect(formatMinutes(minutes, 'en', t)).toBe(expected);
  });
});

describe('formatDays', () => {
  it.each([
    [null, '—'],
    [7.06, '7.1'],
    [4.4, '4.4'],
    [4.22, '4.2'],
    [12, '12'],
  ])('%s days read %s', (days, expected) => {
    expect(formatDays(days, 'en')).toBe(expected);
  });
});
