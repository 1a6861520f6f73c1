import { describe, expect, it } from 'vitest';
import {
  AwayLoads,
  anyAwayWithin,
  awayWeights,
  awayDayRuns,
  dayNumberOf,
} from '../../../../core/domain/distribution/away-load';
import { distributeBatch } from '../../../../core/domain/distribution/engine';
import { explanationSummary } from '../../../../core/domain/distribution/explanation-summary';
import { replayDistribution } from '../../../../core/domain/distribution/replay';
import type { DistributionLead, DistributionRule } from '../../../../core/domain/distribution/types';
import type { Rep } from '../../../../core/domain/rep';
import { ASSIGNING_METHODS, makeLead, makeRep, makeRule } from './fixtures';

const DAY = 86_400_000;
const JUNE_1 = Date.UTC(2026, 5, 1);
const GRADES = ['A', 'B', 'C', 'D'] as const;
const PEERS = ['a', 'b', 'd', 'e'];

/** June 2026: 24 leads a day, grades in turn, each closed (lost) 2 to 13 days after it arrived. */
function monthOfLeads(): DistributionLead[] {
  const leads: DistributionLead[] = [];
  for (let d = 0; d < 30; d += 1)
    for (let k = 0; k < 24; k += 1) {
      const at = JUNE_1 + d * DAY + 8 * 3_600_000 + k * 1_500_000;
      leads.push(
        makeLead(`L${String(d).padStart(2, '0')}-${String(k).padStart(2, '0')}`, {
          createdAt: at,
          updatedAt: at + (2 + ((k * 7 + d * 3) % 12)) * DAY,
          stage: 'lost',
          grade: GRADES[(d + k) % 4] ?? null,
          industry: 'retail',
        }),
      );
    }
  return leads;
}

function teamOf(overrides: Readonly<Record<string, Partial<Rep>>> = {}): Rep[] {
  return ['a', 'b', 'c', 'd', 'e'].map((id) => makeRep(id, { skills: ['retail'], ...overrides[id] }));
}

/** Replays June; per rep, the leads they were handed per day (as owner or, for team, co-owner). */
function replayMonth(rule: DistributionRule, team: readonly Rep[], openByDay?: Record<string, number>) {
  const perDay = new Map<string, number[]>();
  const decisions: string[] = [];
  const count = (repId: string, at: number) => {
    const list = perDay.get(repId) ?? new Array<number>(30).fill(0);
    const slot = Math.floor((at - JUNE_1) / DAY);
    list[slot] = (list[slot] ?? 0) + 1;
    perDay.set(repId, list);
  };
  replayDistribution({
    leads: monthOfLeads(),
    reps: team,
    rules: [rule],
    seed: 11,
    ...(openByDay === undefined
      ? {}
      : {
          initialState: { pointers: {}, credits: {}, openLoads: {}, assignedToday: {}, day: null, openByDay },
        }),
    onDecision: (decision) => {
      decisions.push(`${decision.leadId}:${decision.repId ?? '-'}:${decision.coOwnerIds.join('+')}`);
      if (decision.repId !== null) count(decision.repId, decision.at);
      for (const co of decision.coOwnerIds) count(co, decision.at);
    },
  });
  const sum = (id: string, from: number, to: number) =>
    (perDay.get(id) ?? []).slice(from, to).reduce((a, b) => a + b, 0);
  const peerMean = (from: number, to: number) =>
    PEERS.reduce((total, id) => total + sum(id, from, to), 0) / PEERS.length;
  return { sum, peerMean, decisions };
}

/** Within the stated tolerance of `target`: 15% of it, and never closer than 2 leads is asked. */
function expectNear(value: number, target: number, what: string): void {
  expect(Math.abs(value - target), `${what}: ${value} against ${target.toFixed(1)}`).toBeLessThanOrEqual(
    Math.max(2, 0.15 * target),
  );
}

describe('away loads: time away is not spare capacity', () => {
  const leave = { c: { leave: [{ from: '2026-06-08', to: '2026-06-21' }] } };

  it.each(ASSIGNING_METHODS.map((method) => [method]))(
    '%s: a rep back from two weeks of leave resumes the same share per available day as the others (June replayed)',
    (method) => {
      const { sum, peerMean } = replayMonth(
        makeRule(method, method === 'team' ? { options: { coOwnerCount: 1 } } : {}),
        teamOf(leave),
      );
      expect(sum('c', 7, 21)).toBe(0);
      // Present every day of these spans, so leads per available day compare as counts: not more, not less.
      expectNear(sum('c', 21, 24), peerMean(21, 24), 'first three days back');
      expectNear(sum('c', 21, 28), peerMean(21, 28), 'first week back');
      expectNear(sum('c', 21, 30), peerMean(21, 30), 'rest of the month');
      expectNear(sum('c', 21, 28), sum('c', 0, 7), 'the week back against the week before the leave');
    },
  );

  it.each(ASSIGNING_METHODS.filter((m) => m !== 'round-robin' && m !== 'weighted').map((m) => [m]))(
    '%s, live: a rep back from leave and a rep starting today take a fifth of a batch each, not all of it',
    (method) => {
      // Ten days of 15 leads a day, still open: handed to the four reps there (b back today, f starting today).
      const openByDay: Record<string, number> = {};
      for (let d = 1; d <= 10; d += 1) openByDay[`2026-06-${String(20 - d).padStart(2, '0')}`] = 12;
      const reps = [
        ...['a', 'c', 'd', 'e'].map((id) => makeRep(id, { skills: ['retail'] })),
        makeRep('b', { skills: ['retail'], leave: [{ from: '2026-06-06', to: '2026-06-19' }] }),
        makeRep('f', { skills: ['retail'], joinedOn: '2026-06-20' }),
      ];
      const now = Date.UTC(2026, 5, 20, 9);
      const result = distributeBatch({
        leads: Array.from({ length: 36 }, (_, k) =>
          makeLead(`N${String(k).padStart(2, '0')}`, {
            createdAt: now - 36_000 + k * 1000,
            industry: 'retail',
          }),
        ),
        reps,
        rules: [makeRule(method)],
        state: {
          pointers: {},
          credits: {},
          openLoads: { a: 30, c: 30, d: 30, e: 30, b: 1, f: 0 },
          assignedToday: {},
          day: '2026-06-20',
          openByDay: { ...openByDay, '2026-06-04': 1 },
        },
        now,
        seed: 5,
      });
      const got = new Map<string, number>();
      for (const a of result.assignments)
        for (const id of [a.repId, ...a.coOwnerIds]) if (id !== null) got.set(id, (got.get(id) ?? 0) + 1);
      const units = [...got.values()].reduce((x, y) => x + y, 0);
      for (const id of ['b', 'f']) expectNear(got.get(id) ?? 0, units / 6, `${id} of ${units}`);
      // The away load is on the explanation beside the open leads (the ratio compares both).
      // b: ten days away of 12 leads among 4 = 30; f also owes 06-04's one lead among the 5 there then.
      const candidates = result.assignments[0]?.explanation.candidates ?? [];
      const away = (id: string) => {
        const rank = candidates.find((c) => c.repId === id)?.rank;
        return rank !== undefined && 'open' in rank ? rank.away : 'no load';
      };
      if (method !== 'optimal') expect([away('a'), away('b'), away('f')]).toEqual([undefined, 30, 30.2]);
      // The summary says so: the rep was least loaded counting the days away, not 'fewest open leads'.
      if (method === 'load-balanced') {
        const toF = result.assignments.find((a) => a.repId === 'f');
        expect(toF).toBeDefined();
        expect(
          explanationSummary(toF?.explanation ?? result.assignments[0]!.explanation).tokens,
        ).toContainEqual({
          key: 'method.load-balanced.away',
          params: expect.objectContaining({ away: expect.any(Number), capacity: 1 }) as unknown,
        });
      }
    },
  );

  it.each(ASSIGNING_METHODS.map((method) => [method]))(
    '%s: with nobody away, open leads by day change no decision (the plain load comparison)',
    (method) => {
      const plain = replayMonth(makeRule(method), teamOf());
      const withDays = replayMonth(makeRule(method), teamOf(), { '2026-05-20': 40, '2026-05-31': 12 });
      expect(withDays.decisions).toEqual(plain.decisions);
    },
  );

  it("owes each day's open leads to the reps present that day, and fades as they close", () => {
    const reps = [
      makeRep('x'),
      makeRep('y', { leave: [{ from: '2026-06-02', to: '2026-06-03' }] }),
      makeRep('z', { joinedOn: '2026-06-03' }),
      makeRep('gone', { isActive: false }),
    ];
    expect(anyAwayWithin(reps, '2026-06-10')).toBe(true);
    expect(anyAwayWithin([makeRep('x')], '2026-06-10')).toBe(false);
    const away = new AwayLoads(reps, { '2026-06-01': 6, '2026-06-02': 4, '2026-06-03': 9, '2026-06-04': 3 });
    away.refresh('2026-06-04');
    // 06-01: x, y present (z not yet joined): z owes 6/2. 06-02: x only: y and z 4/1. 06-03: x, z: y 9/2.
    expect([...(away.loads ?? [])]).toEqual([0, 4 + 4.5, 3 + 4, 0]);
    away.release(Date.UTC(2026, 5, 2) / DAY);
    expect([...(away.loads ?? [])]).toEqual([0, 3 + 4.5, 3 + 3, 0]);
    away.refresh('2026-06-05');
    expect([...(away.loads ?? [])]).toEqual([0, 3 + 4.5, 3 + 3, 0]);
    expect(away.toJson()).toEqual({ '2026-06-01': 6, '2026-06-02': 3, '2026-06-03': 9, '2026-06-04': 3 });
  });

  it("shares a day's open leads by the reps' caps, as load-based methods fill them: a small-cap rep owes less", () => {
    // Caps 40, 40, 20 (average 33.3: weights 1.2, 1.2, 0.6). On 06-01 z was not there yet: x and y hold its 10
    // open leads, 5 of their 40 each; z is charged the same fill of a cap of 20, 2.5 (10 × 0.6 ÷ 2.4), not 5.
    const reps = [
      makeRep('x', { capOpen: 40 }),
      makeRep('y', { capOpen: 40 }),
      makeRep('z', { capOpen: 20, joinedOn: '2026-06-02' }),
    ];
    const away = new AwayLoads(reps, { '2026-06-01': 10 });
    away.refresh('2026-06-03');
    expect([...(away.loads ?? [])].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 0, 2.5]);
    away.release(Date.UTC(2026, 5, 1) / DAY);
    expect([...(away.loads ?? [])].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 0, 2.25]);
    // A rep without a cap weighs as the average cap; with no caps at all every rep weighs alike.
    expect([...awayWeights([makeRep('p', { capOpen: 30 }), makeRep('q', { capOpen: null })])]).toEqual([
      1, 1,
    ]);
    expect([...awayWeights([makeRep('p'), makeRep('q')])]).toEqual([1, 1]);
  });

  it('reads open leads only for the days before today on which some active rep was away', () => {
    const day = (iso: string) => dayNumberOf(iso);
    const reps = [
      makeRep('x', {
        leave: [
          { from: '2026-06-02', to: '2026-06-03' },
          { from: '2026-06-10', to: '2026-06-30' },
        ],
      }),
      makeRep('z', { joinedOn: '2026-03-20' }),
      makeRep('gone', { isActive: false, leave: [{ from: '2026-06-05', to: '2026-06-06' }] }),
    ];
    // The horizon's 90 days end on 06-10: from 03-13; z joined 03-20; x away 06-02..03; 06-10 itself is today.
    expect(awayDayRuns(reps, '2026-06-10')).toEqual([
      { first: day('2026-03-13'), last: day('2026-03-19') },
      { first: day('2026-06-02'), last: day('2026-06-03') },
    ]);
    expect(awayDayRuns([makeRep('x'), reps[2] ?? makeRep('y')], '2026-06-10')).toEqual([]);
    // A run ends where the reps away change: y away 06-01..02, x 06-02..03.
    const overlapping = [
      makeRep('x', { leave: [{ from: '2026-06-02', to: '2026-06-03' }] }),
      makeRep('y', { leave: [{ from: '2026-06-01', to: '2026-06-02' }] }),
    ];
    expect(awayDayRuns(overlapping, '2026-06-10')).toEqual(
      ['2026-06-01', '2026-06-02', '2026-06-03'].map((iso) => ({ first: day(iso), last: day(iso) })),
    );
  });
});
