import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributeBatch } from '../../../../core/domain/distribution/engine';
import { solveAssignment } from '../../../../core/domain/distribution/optimal';
import type { AssignmentProblem } from '../../../../core/domain/distribution/optimal';
import { FlowNetwork, solveMinCostFlow } from '../../../../core/domain/distribution/min-cost-flow';
import { NOW, countBy, makeLeads, makeReps, makeRule } from './fixtures';

/** The optimizer's objective as a comparable tuple: floors met, leads assigned, value, then evenness. */
function score(
  problem: AssignmentProblem,
  repOf: readonly (number | null)[],
): [number, number, number, number] {
  const m = problem.capacities.length;
  const received = new Array<number>(m).fill(0);
  const ab = new Array<number>(m).fill(0);
  let value = 0;
  let assigned = 0;
  repOf.forEach((j, k) => {
    if (j === null) return;
    received[j] = (received[j] ?? 0) + 1;
    if (problem.isAB[k]) ab[j] = (ab[j] ?? 0) + 1;
    value += problem.options[k]?.find((o) => o.rep === j)?.value ?? Number.NaN;
    assigned += 1;
  });
  let floorUnits = 0;
  let balance = 0;
  for (let j = 0; j < m; j += 1) {
    floorUnits += Math.min(ab[j] ?? 0, Math.min(problem.floors[j] ?? 0, problem.capacities[j] ?? 0));
    const f = received[j] ?? 0;
    const base = problem.openLoads?.[j] ?? 0;
    balance += f * base + (f * (f + 1)) / 2;
  }
  return [floorUnits, assigned, value, -balance];
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
  let best: [number, number, number, number] = [-1, -1, -1, -Infinity];
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
    floors: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: m, maxLength: m }),
    openLoads: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
    leads: fc.array(
      fc.record({
        isAB: fc.boolean(),
        values: fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), {
          minLength: m,
          maxLength: m,
        }),
      }),
      { minLength: 0, maxLength: 6 },
    ),
  }),
);

interface RawProblem {
  capacities: number[];
  floors: number[];
  openLoads: number[];
  leads: { isAB: boolean; values: (number | null)[] }[];
}

function toProblem(raw: RawProblem): AssignmentProblem {
  return {
    capacities: raw.capacities,
    floors: raw.floors,
    openLoads: raw.openLoads,
    isAB: raw.leads.map((l) => l.isAB),
    options: raw.leads.map((l) => l.values.flatMap((value, rep) => (value === null ? [] : [{ rep, value }]))),
  };
}

describe('optimal assignment (min-cost flow)', () => {
  it('matches brute force on tiny instances', () => {
    fc.assert(
      fc.property(problemArb, (raw) => {
        const problem = toProblem(raw);
        const solution = solveAssignment(problem);
        expect(isFeasible(problem, solution.repOf)).toBe(true);
        expect(score(problem, solution.repOf)).toEqual(bruteForce(problem));
        expect(score(problem, solution.repOf)).toEqual([
          solution.floorUnits,
          solution.assigned,
          solution.value,
          -solution.balance,
        ]);
      }),
      { numRuns: 400 },
    );
  });

  it('never breaks a cap or a feasible floor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 400, maxLength: 400 }),
        (m, n, numbers) => {
          const capacities = Array.from({ length: m }, (_, j) => 2 + ((numbers[j] ?? 0) % 8));
          const isAB = Array.from({ length: n }, (_, k) => (numbers[k + 10] ?? 0) % 2 === 0);
          const abCount = isAB.filter(Boolean).length;
          const floors = capacities.map((c) => Math.min(c, Math.floor((0.5 * abCount) / m)));
          const options = Array.from({ length: n }, (_, k) =>
            Array.from({ length: m }, (_, rep) => ({ rep, value: numbers[(k * m + rep) % 400] ?? 0 })),
          );
          const solution = solveAssignment({ isAB, options, capacities, floors });
          const received = countBy(
            solution.repOf.map((j) => (j === null ? null : String(j))),
            (x) => x,
          );
          const abReceived = countBy(
            solution.repOf.map((j, k) => (j === null || !isAB[k] ? null : String(j))),
            (x) => x,
          );
          capacities.forEach((cap, j) => {
            expect(received.get(String(j)) ?? 0).toBeLessThanOrEqual(cap);
            expect(abReceived.get(String(j)) ?? 0).toBeGreaterThanOrEqual(floors[j] ?? 0);
          });
          expect(solution.assigned).toBe(
            Math.min(
              n,
              capacities.reduce((a, b) => a + b, 0),
            ),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('beats round-robin in expected conversions on a planted history', () => {
    const industries = ['saas', 'retail', 'finance', 'health'];
    const reps = makeReps(4, () => ({ capOpen: 40 }));
    // Each rep converts well in one industry only.
    const fit = Object.fromEntries(
      reps.map((rep, i) => [
        rep.id,
        Object.fromEntries(industries.map((ind, j) => [ind, i === j ? 1.8 : 0.4])),
      ]),
    );
    const leads = makeLeads(120, (i) => ({
      industry: industries[(i * 7) % 4] ?? 'saas',
      probability: 0.1 + ((i * 13) % 10) / 50,
      grade: (['A', 'B', 'C', 'D'] as const)[i % 4],
    }));
    const result = distributeBatch({
      leads,
      reps,
      rules: [makeRule('optimal')],
      now: NOW,
      seed: 1,
      fit,
      options: { explain: 'compact' },
    });
    const report = result.optimizations[0];
    expect(report?.gainOverRoundRobin).toBeGreaterThan(0);
    expect(report?.expectedConversions).toBeGreaterThan((report?.roundRobinExpectedConversions ?? 0) * 1.5);
    expect(report?.floorsMet).toBe(true);
    expect(Object.values(result.state.openLoads).every((open) => open <= 40)).toBe(true);
  });

  it('gives every available rep its floor of A/B leads even when another rep fits them better', () => {
    const reps = makeReps(3);
    const fit = { R000: { saas: 3 }, R001: { saas: 1 }, R002: { saas: 1 } };
    const leads = makeLeads(12, (i) => ({ industry: 'saas', grade: 'A', probability: 0.5 + i / 100 }));
    const rule = makeRule('optimal', { options: { fairnessFloor: 1 } });
    const result = distributeBatch({ leads, reps, rules: [rule], now: NOW, seed: 1, fit });
    const counts = countBy(result.assignments, (a) => a.repId);
    expect(result.optimizations[0]?.floors).toEqual({ R000: 4, R001: 4, R002: 4 });
    expect([counts.get('R000'), counts.get('R001'), counts.get('R002')]).toEqual([4, 4, 4]);
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
