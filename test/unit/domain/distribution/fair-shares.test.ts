import { describe, expect, it } from 'vitest';
import { computeFairness } from '../../../../core/domain/distribution/fairness';
import {
  computePeriodFairness,
  countAvailableDays,
  receiptKindOf,
  type Receipt,
} from '../../../../core/domain/distribution/fair-shares';
import { asRepId } from '../../../../core/domain/ids';
import { makeRep } from './fixtures';

const JUNE = { from: '2026-06-01', to: '2026-06-30' };
const NOW = Date.UTC(2026, 6, 1);
const full = makeRep('full');
const steady = makeRep('steady');
const onLeave = makeRep('leave', { leave: [{ from: '2026-06-08', to: '2026-06-21' }] });
const joiner = makeRep('joiner', { joinedOn: '2026-06-16' });
const leaver = makeRep('leaver', { isActive: false });
const team = [full, steady, onLeave, joiner, leaver];

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Two leads a day on every day the rep could work (an A and a C): a fair month. */
function servedFairly(): Receipt[] {
  const receipts: Receipt[] = [];
  const give = (repId: string, list: string[]) => {
    for (const day of list)
      for (const grade of ['A', 'C'] as const)
        receipts.push({ repId: asRepId(repId), kind: 'distributed', grade, day });
  };
  give('full', days('2026-06-01', '2026-06-30'));
  give('steady', days('2026-06-01', '2026-06-30'));
  give(
    'leave',
    days('2026-06-01', '2026-06-30').filter((d) => d < '2026-06-08' || d > '2026-06-21'),
  );
  give('joiner', days('2026-06-16', '2026-06-30'));
  give('leaver', days('2026-06-01', '2026-06-10'));
  return receipts;
}

describe('fairness figures counted right', () => {
  it('counts the days each rep was available: leave and start dates out, an inactive rep until its last lead', () => {
    expect(countAvailableDays(full, JUNE.from, JUNE.to)).toBe(30);
    expect(countAvailableDays(onLeave, JUNE.from, JUNE.to)).toBe(16);
    expect(countAvailableDays(joiner, JUNE.from, JUNE.to)).toBe(15);
    expect(countAvailableDays(leaver, JUNE.from, JUNE.to, '2026-06-10')).toBe(10);
  });

  it('reads a hand-built month with a rep on two weeks’ leave and a mid-month joiner as fair when they were served fairly', () => {
    const fairness = computePeriodFairness({ reps: team, receipts: servedFairly(), ...JUNE, now: NOW });
    expect(fairness.availabilityAdjusted).toBe(true);
    expect(fairness.repCount).toBe(5);
    expect(fairness.perRep['leave']).toMatchObject({ total: 32, availableDays: 16, fairShare: 32, ratio: 1 });
    expect(fairness.perRep['joiner']).toMatchObject({
      total: 30,
      availableDays: 15,
      fairShare: 30,
      ratio: 1,
    });
    expect(fairness.perRep['leaver']).toMatchObject({ total: 20, availableDays: 10, ratio: 1 });
    expect(fairness.workloadStdDev).toBeCloseTo(0, 9);
    expect(fairness.abGini).toBeCloseTo(0, 9);
    expect([fairness.minRatio, fairness.maxRatio]).toEqual([1, 1]);
    // The same month counted the old way (totals, no days) reads as unfair.
    const naive = computeFairness({
      reps: team,
      assignments: servedFairly().map((r) => ({ repId: r.repId, grade: r.grade })),
      now: NOW,
    });
    expect(naive.workloadStdDev).toBeGreaterThan(15);
  });

  it('shows a rep short-changed during the days they worked', () => {
    const receipts = servedFairly().filter((r, i) => r.repId !== 'joiner' || i % 2 === 0);
    const fairness = computePeriodFairness({ reps: team, receipts, ...JUNE, now: NOW });
    expect(fairness.perRep['joiner']?.ratio).toBeLessThan(0.6);
    expect(fairness.minRatio).toBe(fairness.perRep['joiner']?.ratio);
  });

  it('counts as received only what distribution gave; claims, manual moves and recycles are shown apart', () => {
    const extra: Receipt[] = [
      { repId: asRepId('full'), kind: receiptKindOf('claim'), grade: 'A', day: '2026-06-03' },
      { repId: asRepId('full'), kind: receiptKindOf('manual'), grade: 'A', day: '2026-06-03' },
      { repId: asRepId('full'), kind: receiptKindOf('appeal'), grade: 'B', day: '2026-06-04' },
      { repId: asRepId('full'), kind: receiptKindOf('recycle'), grade: 'C', day: '2026-06-05' },
    ];
    const fairness = computePeriodFairness({
      reps: team,
      receipts: [...servedFairly(), ...extra],
      ...JUNE,
      now: NOW,
    });
    expect(fairness.perRep['full']?.total).toBe(60);
    expect(fairness.apart['full']).toEqual({ claims: 1, manual: 2, recycles: 1 });
    expect(receiptKindOf('auto')).toBe('distributed');
    expect(receiptKindOf('import')).toBe('distributed');
  });

  it('leaves out inactive reps who had nothing in the period', () => {
    const receipts = servedFairly().filter((r) => r.repId !== 'leaver');
    const fairness = computePeriodFairness({ reps: team, receipts, ...JUNE, now: NOW });
    expect(fairness.perRep['leaver']).toBeUndefined();
    expect(fairness.repCount).toBe(4);
  });
});
