import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributeBatch } from '../../../../core/domain/distribution/engine';
import { explanationSummary } from '../../../../core/domain/distribution/explanation-summary';
import { solveAssignment } from '../../../../core/domain/distribution/optimal-solver';
import type { AssignmentProblem } from '../../../../core/domain/distribution/optimal-solver';
import { FlowNetwork, solveMinCostFlow } from '../../../../core/domain/distribution/min-cost-flow';
import { estimateRepFit } from '../../../../core/domain/distribution/rep-fit';
import { NOW, countBy, makeLeads, makeReps, makeRule } from './fixtures';
import { OPTIMAL_RULE, ROUND_ROBIN_RULE, assignHeldOut, plantHistory, truthValue } from './planted-history';

/** The optimizer's objective as a comparable tuple: leads assigned, share units (fewer off is better), value, evenness. */
function score(
  problem: AssignmentProblem,
  repOf: readonly (number | null)[],
): [number, number, number, number] {
  const m = problem.capacities.length;
  const received = new Array<number>(m).fill(0);
  const byGroup = Array.from({ length: m }, () => new Array<number>(problem.groupCount).fill(0));
  let value = 0;
  let assigned = 0;
  repOf.forEach((j, k) => {
    if (j === null) return;
    received[j] = (received[j] ?? 0) + 1;
    const g = problem.groupOf[k] ?? 0;
    const row = byGroup[j];
    if (row !== undefined) row[g] = (row[g] ?? 0) + 1;
    value += problem.options[k]?.find((o) => o.rep === j)?.value ?? Number.NaN;
    assigned += 1;
  });
  let shareCost = 0;
  let balance = 0;
  for (let j = 0; j < m; j += 1) {
    for (let g = 0; g < problem.groupCount; g += 1) {
      const b = problem.bounds?.[j]?.[g] ?? { lower: 0, upper: problem.options.length };
      const x = byGroup[j]?.[g] ?? 0;
      const upper = Math.max(b.lower, b.upper);
      shareCost += -Math.min(x, b.lower) + Math.max(0, x - upper);
      const inBand = Math.max(0, Math.min(x, upper) - b.lower);
      balance += (inBand * (inBand + 1)) / 2;
    }
    const f = received[j] ?? 0;
    const base = problem.openLoads?.[j] ?? 0;
    balance += f * base + (f * (f + 1)) / 2;
  }
  return [assigned, -shareCost, value, -balance];
}

function isFeasible(problem: AssignmentProblem, repOf: readonly (number | null)[]): boolean {
  const received = new Array<number>(problem.capacities.length).fill(0);
  for (const [k, j] of repOf.entries()) {
    if (j === null) continue;
    if (!problem.options[k]?.some((o) => o.rep === j)) return false;
    received[j] = (received[j] ?? 0) + 1;
  }
  return received.every((r, j) => r <= (problem.capacities[j] ?? 0));
}

function bruteForce(problem: AssignmentProblem): [number, number, number, number] {
  const n = problem.options.length;
  let best: [number, number, number, number] = [-1, -Infinity, -1, -Infinity];
  const current: (number | null)[] = new Array<number | null>(n).fill(null);
  const walk = (k: number): void => {
    if (k === n) {
      if (!isFeasible(problem, current)) return;
      const s = score(problem, current);
      for (let i = 0; i < 4; i += 1) {
        if ((s[i] ?? 0) > (best[i] ?? 0)) {
          best = s;
          return;
        }
        if ((s[i] ?? 0) < (best[i] ?? 0)) return;
      }
      return;
    }
    current[k] = null;
    walk(k + 1);
    for (const option of problem.options[k] ?? []) {
      current[k] = option.rep;
      walk(k + 1);
    }
    current[k] = null;
  };
  walk(0);
  return best;
}

const problemArb = fc.integer({ min: 1, max: 3 }).chain((m) =>
  fc.record({
    capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
    bounds: fc.array(
      fc.array(
        fc.option(
          fc.record({ lower: fc.integer({ min: 0, max: 2 }), upper: fc.integer({ min: 0, max: 3 }) }),
        ),
        {
          minLength: 2,
          maxLength: 2,
        },
      ),
      { minLength: m, maxLength: m },
    ),
    openLoads: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
    leads: fc.array(
      fc.record({
        group: fc.integer({ min: 0, max: 1 }),
        values: fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), {
          minLength: m,
          maxLength: m,
        }),
      }),
      { minLength: 0, maxLength: 6 },
    ),
  }),
);

describe('optimal assignment (min-cost flow)', () => {
  it('matches brute force on tiny instances: most leads, then shares, then value, then evenness', () => {
    fc.assert(
      fc.property(problemArb, (raw) => {
        const problem: AssignmentProblem = {
          capacities: raw.capacities,
          openLoads: raw.openLoads,
          groupCount: 2,
          groupOf: raw.leads.map((l) => l.group),
          bounds: raw.bounds.map((row) =>
            row.map((b) => (b === null ? undefined : { lower: b.lower, upper: Math.max(b.lower, b.upper) })),
          ),
          options: raw.leads.map((l) =>
            l.values.flatMap((value, rep) => (value === null ? [] : [{ rep, value }])),
          ),
        };
        const solution = solveAssignment(problem);
        expect(isFeasible(problem, solution.repOf)).toBe(true);
        expect(score(problem, solution.repOf)).toEqual(bruteForce(problem));
        expect(score(problem, solution.repOf)).toEqual([
          solution.assigned,
          -solution.shareCost,
          solution.value,
          -solution.balance,
        ]);
      }),
      { numRuns: 400 },
    );
  });

  it('never leaves an assignable lead in the pool, however tight caps and shares are', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (caps, n, tolerance, seed) => {
          const reps = caps
            .map((cap, i) => makeReps(i + 1)[i])
            .map((rep, i) => ({ ...rep!, capOpen: caps[i] ?? null }));
          const leads = makeLeads(n, (i) => ({
            grade: (['A', 'B', 'C', 'D'] as const)[(i * 7) % 4],
            industry: ['saas', 'retail'][i % 2] ?? 'saas',
            probability: 0.05 + ((i * 13) % 10) / 30,
          }));
          const fit = Object.fromEntries(
            reps.map((rep, i) => [rep.id, { saas: 1 + i, retail: 3 - (i % 3) }]),
          );
          const rule = makeRule('optimal', { options: { fairnessTolerance: tolerance } });
          const result = distributeBatch({ leads, reps, rules: [rule], now: NOW, seed, fit });
          const room = caps.reduce<number>((sum, cap) => sum + (cap ?? n), 0);
          expect(result.assignments.filter((a) => a.outcome === 'assigned')).toHaveLength(Math.min(n, room));
          const counts = countBy(result.assignments, (a) => a.repId);
          reps.forEach((rep) => expect(counts.get(rep.id) ?? 0).toBeLessThanOrEqual(rep.capOpen ?? n));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('respects caps left after earlier leads of the same batch and pools the rest with a reason', () => {
    const reps = makeReps(2, () => ({ capOpen: 2 }));
    const result = distributeBatch({
      leads: makeLeads(5, () => ({ probability: 0.2 })),
      reps,
      rules: [makeRule('optimal')],
      now: NOW,
      seed: 1,
    });
    expect(countBy(result.assignments, (a) => a.repId)).toEqual(
      new Map([
        ['R000', 2],
        ['R001', 2],
      ]),
    );
    expect(result.assignments.filter((a) => a.outcome === 'pool').map((a) => a.poolReason)).toEqual([
      'optimizer-no-capacity',
    ]);
  });

  it('keeps every rep’s share of A leads within the tolerance even when one rep fits them all better', () => {
    const reps = makeReps(3);
    const fit = { R000: { saas: 3 }, R001: { saas: 1 }, R002: { saas: 1 } };
    const leads = makeLeads(12, (i) => ({ industry: 'saas', grade: 'A', probability: 0.5 + i / 100 }));
    const result = distributeBatch({ leads, reps, rules: [makeRule('optimal')], now: NOW, seed: 1, fit });
    const counts = countBy(result.assignments, (a) => a.repId);
    // Share 4 each, ±20% → 3..5: the best fit gets the most it may, the others at least their floor.
    expect(counts.get('R000')).toBe(5);
    for (const id of ['R001', 'R002']) {
      expect(counts.get(id)).toBeGreaterThanOrEqual(3);
      expect(counts.get(id)).toBeLessThanOrEqual(5);
    }
    expect(result.optimizations[0]?.shares['R001']?.A).toMatchObject({ lower: 3, upper: 5 });
    expect(result.optimizations[0]?.sharesWithinTolerance).toBe(true);
  });
});

describe('the optimizer judged on a planted history', () => {
  it('beats round-robin on held-out leads by a margin computed from the planted truth, shares within tolerance', () => {
    const world = plantHistory({ reps: 8, leadsPerQuarter: 1600, differ: true, seed: 11 });
    const model = estimateRepFit(world.training);
    expect(model.status).toBe('learned');
    const rr = assignHeldOut(world, ROUND_ROBIN_RULE);
    const optimal = assignHeldOut(world, OPTIMAL_RULE, { repFit: model });
    const oracle = assignHeldOut(world, OPTIMAL_RULE, { fit: world.trueFit });
    const rrValue = truthValue(world, rr.assignments);
    const bestGain = truthValue(world, oracle.assignments) - rrValue;
    const gain = truthValue(world, optimal.assignments) - rrValue;
    expect(bestGain).toBeGreaterThan(0.15 * rrValue);
    expect(gain).toBeGreaterThan(0.8 * bestGain);
    expect(optimal.optimizations[0]?.sharesWithinTolerance).toBe(true);
    expect(optimal.assignments.every((a) => a.outcome === 'assigned')).toBe(true);
  });

  it('gains about nothing and shares like round-robin when reps do not really differ', () => {
    const world = plantHistory({ reps: 8, leadsPerQuarter: 1600, differ: false, seed: 12 });
    const model = estimateRepFit(world.training);
    const rr = assignHeldOut(world, ROUND_ROBIN_RULE);
    const optimal = assignHeldOut(world, OPTIMAL_RULE, { repFit: model });
    const rrValue = truthValue(world, rr.assignments);
    expect(Math.abs(truthValue(world, optimal.assignments) - rrValue)).toBeLessThan(0.01 * rrValue);
    const report = optimal.optimizations[0];
    expect(report?.sharesWithinTolerance).toBe(true);
    // With nothing to learn, every grade is spread at least as evenly as round-robin spreads it.
    const gradeOf = new Map(world.heldOut.map((l) => [l.id as string, l.grade]));
    const spread = (assignments: typeof rr.assignments, grade: string) => {
      const counts = countBy(
        assignments.filter((a) => gradeOf.get(a.leadId) === grade),
        (a) => a.repId,
      );
      const values = world.reps.map((rep) => counts.get(rep.id) ?? 0);
      return Math.max(...values) - Math.min(...values);
    };
    for (const grade of ['A', 'B', 'C', 'D'])
      expect(spread(optimal.assignments, grade)).toBeLessThanOrEqual(spread(rr.assignments, grade));
  });

  it('states the real reason: the segment a rep is best at, with its rate against the team’s, and the share kept', () => {
    const world = plantHistory({ reps: 4, leadsPerQuarter: 800, differ: true, seed: 13 });
    const model = estimateRepFit(world.training);
    const result = distributeBatch({
      leads: world.heldOut.slice(0, 40),
      reps: world.reps,
      rules: [OPTIMAL_RULE],
      now: NOW,
      seed: 1,
      repFit: model,
    });
    const reasons = result.assignments
      .map((a) => a.explanation.methodState)
      .filter((s) => s?.method === 'optimal');
    expect(
      reasons.some(
        (s) => s?.method === 'optimal' && s.reason?.kind === 'best-fit' && s.reason.segment === 'industry',
      ),
    ).toBe(true);
    const bestFit = result.assignments.find(
      (a) =>
        a.explanation.methodState?.method === 'optimal' &&
        a.explanation.methodState.reason?.kind === 'best-fit',
    );
    const text = bestFit === undefined ? '' : explanationSummary(bestFit.explanation).text;
    expect(text).toMatch(/best fit for industry \w+ leads, \d+% vs team \d+%/);
    expect(text).toMatch(/-lead share kept within ±20%/);
    expect(bestFit?.explanation.tieBreak.kind).toBe('none');
  });

  it('says plainly when fit is equal for everyone (too little history)', () => {
    const model = estimateRepFit([]);
    const result = distributeBatch({
      leads: makeLeads(4),
      reps: makeReps(2),
      rules: [makeRule('optimal')],
      now: NOW,
      seed: 1,
      repFit: model,
    });
    const state = result.assignments[0]?.explanation.methodState;
    expect(state?.method === 'optimal' ? state.reason : null).toEqual({
      kind: 'equal-fit',
      fitStatus: 'too-little-history',
    });
  });
});

describe('min-cost flow', () => {
  it('finds the cheapest way to send flow through a small network with a negative edge', () => {
    const net = new FlowNetwork(4);
    net.addEdge(0, 1, 2, 1);
    net.addEdge(0, 2, 1, 5);
    net.addEdge(1, 2, 1, -2);
    net.addEdge(1, 3, 1, 6);
    net.addEdge(2, 3, 2, 1);
    // Max flow 3 saturates every edge into 3: 2·1 (0→1) + 5 (0→2) − 2 (1→2) + 6 (1→3) + 2·1 (2→3) = 13.
    expect(solveMinCostFlow(net, 0, 3)).toEqual({ flow: 3, cost1: 13, cost2: 0 });
  });

  it('stops at the cheapest flow amount when asked', () => {
    const net = new FlowNetwork(3);
    net.addEdge(0, 1, 5, -3);
    net.addEdge(1, 2, 2, 1);
    net.addEdge(0, 2, 4, 2);
    expect(solveMinCostFlow(net, 0, 2, Infinity, true)).toEqual({ flow: 2, cost1: -4, cost2: 0 });
  });
});
