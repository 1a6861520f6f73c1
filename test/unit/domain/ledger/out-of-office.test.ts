import { describe, expect, it } from 'vitest';
import {
  AwayLoads,
  awayDayRuns,
  dayNumberOf,
  isPresentOn,
} from '../../../../core/domain/distribution/away-load';
import { countAvailableDays } from '../../../../core/domain/distribution/fair-shares';
import type { Receipt } from '../../../../core/domain/distribution/fair-shares';
import { asRepId } from '../../../../core/domain/ids';
import { computeLedger } from '../../../../core/domain/ledger/fairness-ledger';
import { outOfOfficeDays } from '../../../../core/domain/ledger/out-of-office';
import { makeRep } from '../distribution/fixtures';

const HOUR = 3_600_000;
/** Local (UTC+8) hour `h` of a June 2026 day, as epoch ms. */
const at = (day: number, h: number) => Date.UTC(2026, 5, day, h - 8, 0, 0);
const CHINA = 480;

describe('out-of-office days from the switch history', () => {
  it('counts a day when the rep was out for at least half of it: out at 09:00, back at 09:00 five days later', () => {
    expect(outOfOfficeDays([{ from: at(8, 9), to: at(13, 9) }], CHINA, at(30, 12))).toEqual([
      { from: '2026-06-08', to: '2026-06-12' },
    ]);
  });

  it('does not count the evening they left nor the morning they came back, and exactly half a day counts', () => {
    expect(outOfOfficeDays([{ from: at(8, 18), to: at(10, 11) }], CHINA, at(30, 12))).toEqual([
      { from: '2026-06-09', to: '2026-06-09' },
    ]);
    expect(outOfOfficeDays([{ from: at(8, 12), to: at(8, 24) }], CHINA, at(30, 12))).toEqual([
      { from: '2026-06-08', to: '2026-06-08' },
    ]);
    expect(outOfOfficeDays([{ from: at(8, 12), to: at(8, 24) - 1 }], CHINA, at(30, 12))).toEqual([]);
  });

  it("sums a day's spans, counts overlapping spans once and splits ranges at a day back", () => {
    const spans = [
      { from: at(8, 0), to: at(8, 7) },
      { from: at(8, 15), to: at(9, 0) },
      { from: at(8, 16), to: at(8, 20) },
      { from: at(11, 0), to: at(12, 23) },
    ];
    // June 8: 7 h + 9 h = 16 h; June 9 and 10: present; June 11 and 12 out.
    expect(outOfOfficeDays(spans, CHINA, at(30, 12))).toEqual([
      { from: '2026-06-08', to: '2026-06-08' },
      { from: '2026-06-11', to: '2026-06-12' },
    ]);
  });

  it('runs a span still open to the end of today, never into the future, by the local day', () => {
    expect(outOfOfficeDays([{ from: at(8, 9), to: null }], CHINA, at(10, 8))).toEqual([
      { from: '2026-06-08', to: '2026-06-10' },
    ]);
    // 02:00-16:00 in China is 14 h of June 9 there, but 6 h of June 8 and 8 h of June 9 at UTC: no day.
    const span = { from: at(9, 2), to: at(9, 16) };
    expect(outOfOfficeDays([span], CHINA, at(30, 12))).toEqual([{ from: '2026-06-09', to: '2026-06-09' }]);
    expect(span.to - span.from).toBe(14 * HOUR);
    expect(outOfOfficeDays([span], 0, at(30, 12))).toEqual([]);
    expect(outOfOfficeDays([], CHINA, at(10, 8))).toEqual([]);
  });
});

describe('out-of-office days are time away wherever leave is', () => {
  const days = [{ from: '2026-06-08', to: '2026-06-12' }];
  const away = makeRep('c', { outOfOfficeDays: days });

  it('takes them out of the available days and the calendar presence, as the same days of leave would', () => {
    expect(countAvailableDays(away, '2026-06-01', '2026-06-30')).toBe(25);
    expect(countAvailableDays(makeRep('l', { leave: days }), '2026-06-01', '2026-06-30')).toBe(25);
    expect(isPresentOn(away, '2026-06-08')).toBe(false);
    expect(isPresentOn(away, '2026-06-13')).toBe(true);
  });

  it('gives the days away an away load and a run, as the same leave does', () => {
    const reps = [makeRep('a'), makeRep('b'), away];
    expect(awayDayRuns(reps, '2026-06-20')).toEqual([
      { first: dayNumberOf('2026-06-08'), last: dayNumberOf('2026-06-12') },
    ]);
    const loads = new AwayLoads(reps, { '2026-06-08': 10, '2026-06-15': 9 });
    loads.refresh('2026-06-20');
    expect([...(loads.loads ?? [])]).toEqual([0, 0, 5]);
  });

  it('owes the ledger nothing on them: the others share those days, and the rep is level for the rest', () => {
    const receipts: Receipt[] = [];
    for (let d = 1; d <= 30; d += 1) {
      const day = `2026-06-${String(d).padStart(2, '0')}`;
      const isAway = d >= 8 && d <= 12;
      for (const repId of isAway ? ['a', 'b'] : ['a', 'b', 'c'])
        receipts.push({ repId: asRepId(repId), kind: 'distributed', grade: 'B', day });
    }
    const ledger = computeLedger({
      reps: [makeRep('a'), makeRep('b'), away],
      receipts,
      from: '2026-06-01',
      to: '2026-06-30',
    });
    expect(ledger.rows.map((r) => [r.repId, r.availableDays, r.total])).toEqual([
      ['a', 30, { received: 30, expected: 30 }],
      ['b', 30, { received: 30, expected: 30 }],
      ['c', 25, { received: 25, expected: 25 }],
    ]);
    // Without the days counted away, the same month reads as a drought of five leads.
    const blind = computeLedger({
      reps: [makeRep('a'), makeRep('b'), makeRep('c')],
      receipts,
      from: '2026-06-01',
      to: '2026-06-30',
    });
    expect(blind.rows.find((r) => r.repId === 'c')?.total.expected).toBeCloseTo(28.33, 2);
  });
});
