import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../core/domain/clock';
import { localDayNumber, startOfLocalDate, startOfLocalDay } from '../../../../core/domain/sla/local-day';
import { nurtureReturnStage, nurtureWakeAt } from '../../../../core/domain/sla/nurture';
import { openLoadDelta, openLoadOwner, type OpenLoadFacts } from '../../../../core/domain/sla/open-load';

const CHINA = 480;

describe('the team local day', () => {
  it('starts a Beijing day at 16:00 UTC the evening before', () => {
    expect(startOfLocalDay(Date.UTC(2026, 10, 23, 1, 30), CHINA)).toBe(Date.UTC(2026, 10, 22, 16));
    expect(startOfLocalDay(Date.UTC(2026, 10, 23, 16, 0), CHINA)).toBe(Date.UTC(2026, 10, 23, 16));
    expect(startOfLocalDate('2026-11-24', CHINA)).toBe(Date.UTC(2026, 10, 23, 16));
  });

  it('puts an instant at or after its local midnight and less than a day after it, whatever the offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -720, max: 840 }), (now, offset) => {
        const start = startOfLocalDay(now, offset);
        expect(start).toBeLessThanOrEqual(now);
        expect(now - start).toBeLessThan(DAY_MS);
        expect(localDayNumber(start, offset)).toBe(localDayNumber(now, offset));
        expect(localDayNumber(start - 1, offset)).toBe(localDayNumber(now, offset) - 1);
      }),
    );
  });
});

describe('nurture wake-ups', () => {
  it('wakes a lead at 09:00 local on the date chosen', () => {
    expect(nurtureWakeAt(Date.UTC(2026, 10, 23, 2), CHINA, '2026-12-01')).toBe(Date.UTC(2026, 11, 1, 1));
  });

  it('wakes a lead parked without a date at 09:00 local thirty days after today', () => {
    // 23:30 in Beijing on 23 November is still the 23rd there, though UTC is on the same date.
    const lateEvening = Date.UTC(2026, 10, 23, 15, 30);
    expect(nurtureWakeAt(lateEvening, CHINA, undefined)).toBe(Date.UTC(2026, 11, 23, 1));
    // 00:30 in Beijing on the 24th is still the 23rd in UTC: the local day decides.
    const afterMidnight = Date.UTC(2026, 10, 23, 16, 30);
    expect(nurtureWakeAt(afterMidnight, CHINA, undefined)).toBe(Date.UTC(2026, 11, 24, 1));
  });

  it('answers a time that is not in the future for today after 09:00, for the caller to refuse', () => {
    const tenInBeijing = Date.UTC(2026, 10, 23, 2);
    expect(nurtureWakeAt(tenInBeijing, CHINA, '2026-11-23')).toBeLessThanOrEqual(tenInBeijing);
  });

  it('returns a lead to the working stage it was parked from, else to MQL', () => {
    expect(nurtureReturnStage('sql')).toBe('sql');
    expect(nurtureReturnStage('c_demo01')).toBe('c_demo01');
    expect(nurtureReturnStage('won')).toBe('mql');
    expect(nurtureReturnStage('nurture')).toBe('mql');
  });
});

const STAGES = ['raw', 'mql', 'sql', 'opportunity', 'won', 'lost', 'nurture', 'c_demo01'] as const;
const facts = fc.record({
  ownerId: fc.constantFrom(null, 'rep_a', 'rep_b'),
  stage: fc.constantFrom(...STAGES),
  isHistory: fc.boolean(),
  isDeleted: fc.boolean(),
}) satisfies fc.Arbitrary<OpenLoadFacts>;

describe('a rep open load', () => {
  it('counts an owned, live, non-history lead in a working stage, custom stages included', () => {
    const base: OpenLoadFacts = { ownerId: 'rep_a', stage: 'sql', isHistory: false, isDeleted: false };
    expect(openLoadOwner(base)).toBe('rep_a');
    expect(openLoadOwner({ ...base, stage: 'c_demo01' })).toBe('rep_a');
    for (const stage of ['won', 'lost', 'nurture'] as const)
      expect(openLoadOwner({ ...base, stage })).toBeNull();
    expect(openLoadOwner({ ...base, ownerId: null })).toBeNull();
    expect(openLoadOwner({ ...base, isHistory: true })).toBeNull();
    expect(openLoadOwner({ ...base, isDeleted: true })).toBeNull();
  });

  it('moves by what the change adds minus what it removes, one step per rep', () => {
    fc.assert(
      fc.property(fc.option(facts, { nil: null }), fc.option(facts, { nil: null }), (before, after) => {
        const delta = openLoadDelta(before, after);
        const total = [...delta.values()].reduce((sum, step) => sum + step, 0);
        const counted = (f: OpenLoadFacts | null) => (f !== null && openLoadOwner(f) !== null ? 1 : 0);
        expect(total).toBe(counted(after) - counted(before));
        for (const step of delta.values()) expect(Math.abs(step)).toBe(1);
      }),
    );
  });
});
