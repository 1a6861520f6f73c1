import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../core/domain/clock';
import { replayDistribution, replayDistributionAsync } from '../../../../core/domain/distribution/replay';
import { compareReplays } from '../../../../core/domain/distribution/replay-figures';
import type { DistributionRule } from '../../../../core/domain/distribution/types';
import { asRepId } from '../../../../core/domain/ids';
import { NOW, makeLeads, makeReps, makeRule } from './fixtures';

const reps = makeReps(4, (i) => ({
  joinedOn: i === 3 ? '2026-02-20' : '2023-01-01',
  tier: i === 0 ? 'senior' : i === 3 ? 'junior' : 'mid',
}));
const leads = makeLeads(400, (i) => ({
  grade: (['A', 'B', 'C', 'D'] as const)[i % 4],
  probability: 0.1,
  createdAt: NOW - 10 * DAY_MS + i * 60_000,
}));
const roundRobin: DistributionRule[] = [makeRule('round-robin')];
const ladder: DistributionRule[] = [makeRule('tier-ladder')];

describe('what-if replay', () => {
  it('counts leads per rep by grade, the workload spread and the new reps’ share', () => {
    const result = replayDistribution({ leads, reps, rules: roundRobin, seed: 1 });
    expect(result.processed).toBe(400);
    expect(Object.values(result.perRep).map((r) => r.total)).toEqual([100, 100, 100, 100]);
    expect(result.perRep['R000']?.byGrade).toEqual({ A: 100, B: 0, C: 0, D: 0, ungraded: 0 });
    expect(result.workloadStdDev).toBe(0);
    expect(result.newRepShare).toBe(0.25);
    expect(result.expectedConversions).toBeCloseTo(40, 9);
  });

  it('compares two rule sets on the same leads', () => {
    const a = replayDistribution({ leads, reps, rules: roundRobin, seed: 1 });
    const b = replayDistribution({ leads, reps, rules: ladder, seed: 1 });
    const diff = compareReplays(a, b);
    // The ladder sends every A lead to the only senior and C/D leads to the only junior.
    expect(diff.perRepDelta['R000']).toEqual({ total: 0, byGrade: { A: 0, B: 0, C: 0, D: 0, ungraded: 0 } });
    expect(diff.perRepDelta['R003']?.total).toBe(100);
    expect(diff.workloadStdDevDelta).toBeGreaterThan(0);
    // A/B leads per rep: round-robin (100, 100, 0, 0) → Gini 0.5; ladder (100, 50, 50, 0) → 0.375.
    expect(diff.abGiniDelta).toBeCloseTo(-0.125, 12);
  });

  it('reports the difference from what actually happened', () => {
    const actualAssignments = Object.fromEntries(leads.map((lead) => [lead.id, asRepId('R000')]));
    const result = replayDistribution({ leads, reps, rules: roundRobin, seed: 1, actualAssignments });
    expect(result.vsActual).toMatchObject({
      compared: 400,
      changed: 300,
      perRepDelta: { R000: -300, R001: 100, R002: 100, R003: 100 },
    });
    expect(result.vsActual?.actualWorkloadStdDev).toBeGreaterThan(result.workloadStdDev);
  });

  it('frees open load when replayed leads close, so caps bite only on open work', () => {
    const capped = makeReps(1, () => ({ capOpen: 5 }));
    const closing = makeLeads(50, (i) => ({
      stage: 'lost',
      createdAt: NOW - 50 * DAY_MS + i * DAY_MS,
      updatedAt: NOW - 50 * DAY_MS + i * DAY_MS + 3_600_000,
    }));
    expect(replayDistribution({ leads: closing, reps: capped, rules: roundRobin, seed: 1 }).pooled).toBe(0);
    expect(
      replayDistribution({
        leads: closing,
        reps: capped,
        rules: roundRobin,
        seed: 1,
        options: { releaseClosedLeads: false },
      }).pooled,
    ).toBe(45);
  });

  it('reports progress and stops when cancelled', () => {
    const progress: number[] = [];
    const result = replayDistribution({
      leads,
      reps,
      rules: roundRobin,
      seed: 1,
      options: { checkEvery: 100 },
      onProgress: (done) => progress.push(done),
      isCancelled: () => progress.length >= 2,
    });
    expect(progress).toEqual([100, 200]);
    expect(result).toMatchObject({ cancelled: true, processed: 200, total: 400 });
  });

  it('yields to the host between chunks when run asynchronously and gives the same figures', async () => {
    let pauses = 0;
    const result = await replayDistributionAsync(
      { leads, reps, rules: roundRobin, seed: 1, options: { checkEvery: 50 } },
      async () => {
        pauses += 1;
      },
    );
    expect(pauses).toBe(7);
    expect(result).toEqual(replayDistribution({ leads, reps, rules: roundRobin, seed: 1 }));
  });
});
