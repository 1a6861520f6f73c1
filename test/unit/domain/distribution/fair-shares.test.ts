import { describe, expect, it } from 'vitest';
import { computeFairness } from '../../../../core/domain/distribution/fairness';
import {
  computePeriodFairness,
  countAvailableDays,
  receiptKindOf,
  type Receipt,
} from '../../../../core/domain/distribution/fair-shares';
import { asRepId } from '../../../../core/domain/ids';
import { computeLedger } from '../../../../core/domain/ledger/fairness-ledger';
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

  it('owes a rep away on the busy days less than one away on quiet days: fair shares follow each day’s leads, as the ledger does', () => {
    // Two reps, June 1–10. Days 1–5 bring 10 leads a day, days 6–10 four a day; 'away' is out of office on 1–5.
    // Owed, by hand: 'there' all of days 1–5 (50) and half of days 6–10 (10) = 60; 'away' half of days 6–10 = 10.
    // Per available day (10 against 5 days) the split would have been 46.67 / 23.33, and 'away' with 10 would read
    // as starved (ratio 0.43) though they got every lead owed to them.
    const there = makeRep('there');
    const away = makeRep('away', { outOfOfficeDays: [{ from: '2026-06-01', to: '2026-06-05' }] });
    const receipts: Receipt[] = [];
    for (const day of days('2026-06-01', '2026-06-10')) {
      const busy = day <= '2026-06-05';
      for (let i = 0; i < (busy ? 10 : 4); i += 1)
        receipts.push({
          repId: asRepId(busy || i < 2 ? 'there' : 'away'),
          kind: 'distributed',
          grade: i % 2 === 0 ? 'A' : 'C',
          day,
        });
    }
    const period = { from: '2026-06-01', to: '2026-06-10' };
    const fairness = computePeriodFairness({ reps: [there, away], receipts, ...period, now: NOW });
    expect(fairness.perRep['there']).toMatchObject({ total: 60, availableDays: 10, fairShare: 60, ratio: 1 });
    expect(fairness.perRep['away']).toMatchObject({ total: 10, availableDays: 5, fairShare: 10, ratio: 1 });
    // Per grade too: days 6–10 bring two A and two C a day, one of each owed to each rep.
    expect(fairness.perRep['away']?.owedByGrade).toMatchObject({ A: 5, C: 5 });
    expect(fairness.workloadStdDev).toBeCloseTo(0, 9);
    expect(fairness.workloadStdDevByGrade.A).toBeCloseTo(0, 9);
    expect(fairness.minRatio).toBeCloseTo(1, 9);
    expect(fairness.maxRatio).toBeCloseTo(1, 9);
    // The ledger beside it owes the same.
    const ledger = computeLedger({ reps: [there, away], receipts, ...period });
    expect(ledger.rows.map((r) => [r.repId, r.total.received, r.total.expected])).toEqual([
      ['away', 10, 10],
      ['there', 60, 60],
    ]);

    // Grouped receipts (the Dashboard's counts per day) owe the same as one receipt per lead.
    const grouped = new Map<string, Receipt & { count: number }>();
    for (const r of receipts) {
      const key = `${r.repId} ${r.grade} ${r.day}`;
      const seen = grouped.get(key);
      grouped.set(key, { ...r, count: (seen?.count ?? 0) + 1 });
    }
    expect(
      computePeriodFairness({ reps: [there, away], receipts: [...grouped.values()], ...period, now: NOW }),
    ).toEqual(fairness);
  });
});
