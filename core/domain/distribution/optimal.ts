// The batch optimizer: assigns a rule's batch to maximize expected conversions under caps and A/B fairness floors, exactly, by min-cost flow.
import type { DistributionLead, DistributionRule } from './types';
import type { EngineContext } from './engine-context';
import { fitOf } from './engine-context';
import { leadProbability } from './conditions';
import { FlowNetwork, augmentShortestPath, createPotentials, createScratch } from './min-cost-flow';

/** Expected conversions are scaled to integers (ten-thousandths) before the flow, so the optimum is exact in those units. */
export const VALUE_SCALE = 10_000;

export interface AssignmentProblem {
  /** Per lead: whether it is an A/B lead (counts toward floors). */
  readonly isAB: readonly boolean[];
  /** Per lead: the reps it may go to, with the integer value (≥ 0) of giving it to each. */
  readonly options: readonly (readonly { readonly rep: number; readonly value: number }[])[];
  /** Per rep: how many more leads it can take (≥ 0). */
  readonly capacities: readonly number[];
  /** Per rep: minimum A/B leads it should get from this batch. */
  readonly floors: readonly number[];
  /** Per rep: open leads before the batch; among equal-value plans the optimizer evens out open loads. */
  readonly openLoads?: readonly number[];
}

export interface AssignmentSolution {
  /** Per lead: rep index or null (left for the pool). */
  readonly repOf: readonly (number | null)[];
  /** Σ over reps of min(A/B leads received, floor). */
  readonly floorUnits: number;
  readonly assigned: number;
  readonly value: number;
  /** Σ over reps of Σ_{t=1..received} (open + t): lower is more even. */
  readonly balance: number;
}

/** Largest total of |cost| the flow may accumulate and still be exact in float64. */
const SAFE_TOTAL = 2 ** 51;

/**
 * Solves the capacitated assignment exactly. Objective, in priority order: meet as many floor units as
 * possible, then assign as many leads as possible, then maximize total value, then keep open loads even
 * (minimize Σ (open + t) over each rep's t-th new lead). Invariants: no rep gets more
 * than its capacity; a lead only goes to a rep listed in its options.
 * Network: lead → (A/B ? AB_j : R_j) → R_j → sink, plus lead → sink (the pool); AB_j → R_j carries the floor
 * on a cheaper edge. Leads are added one at a time, each followed by one shortest augmenting path
 * (successive shortest paths with potentials), which is exact because every lead sends exactly one unit.
 */
export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  const n = problem.options.length;
  const m = problem.capacities.length;
  const sink = 0;
  const repNode = (j: number): number => 1 + j;
  const abNode = (j: number): number => 1 + m + j;
  const leadNode = (k: number): number => 1 + 2 * m + k;
  const base = (j: number): number => Math.max(0, Math.floor(problem.openLoads?.[j] ?? 0));
  let maxBase = 0;
  for (let j = 0; j < m; j += 1) maxBase = Math.max(maxBase, base(j));
  let maxValue = 0;
  let edgeHint = 3 * m + n;
  for (const list of problem.options) {
    edgeHint += list.length;
    for (const option of list) maxValue = Math.max(maxValue, Math.round(option.value));
  }
  // Level 2 is value × spread + balance, so one unit of value outweighs any difference in balance.
  const spread = n * (maxBase + n) + 1;
  if ((n + 1) * (maxValue + 1) * spread > SAFE_TOTAL) {
    throw new RangeError(`batch of ${n} leads is too large for exact integer costs; split it`);
  }
  const net = new FlowNetwork(1 + 2 * m + n, edgeHint);
  const pot = createPotentials(net.nodeCount);
  const floorCost = -(n + 1);
  const floorEdges: number[] = [];
  const sinkEdges: number[] = [];
  const received = new Array<number>(m).fill(0);
  for (let j = 0; j < m; j += 1) {
    const capacity = Math.max(0, Math.floor(problem.capacities[j] ?? 0));
    const floor = Math.max(0, Math.min(capacity, Math.floor(problem.floors[j] ?? 0)));
    // The R_j → sink edge is convex: its cost is re-priced to the next unit's balance after every augmentation.
    sinkEdges.push(net.addEdge(repNode(j), sink, capacity, 0, base(j) + 1));
    if (floor > 0) floorEdges.push(net.addEdge(abNode(j), repNode(j), floor, floorCost));
    net.addEdge(abNode(j), repNode(j), n, 0);
    // Valid initial potentials: AB_j at 0, R_j as low as its floor edge, the sink below every R_j.
    if (floor > 0) pot.p1[repNode(j)] = floorCost;
  }
  for (let j = 0; j < m; j += 1) {
    const r1 = pot.p1[repNode(j)] ?? 0;
    const r2 = base(j) + 1;
    const s1 = pot.p1[sink] ?? 0;
    const s2 = pot.p2[sink] ?? 0;
    if (j === 0 || r1 < s1 || (r1 === s1 && r2 < s2)) {
      pot.p1[sink] = r1;
      pot.p2[sink] = r2;
    }
  }
  const scratch = createScratch(net.nodeCount);
  const leadEdges: { edge: number; rep: number; value: number }[][] = [];
  for (let k = 0; k < n; k += 1) {
    const node = leadNode(k);
    const isAB = problem.isAB[k] === true;
    const edges: { edge: number; rep: number; value: number }[] = [];
    // A lead's potential only has to keep its own out-edges' reduced costs ≥ 0 (nothing enters it yet).
    let best1 = pot.p1[sink] ?? 0;
    let best2 = pot.p2[sink] ?? 0;
    net.addEdge(node, sink, 1, 0, 0);
    for (const option of problem.options[k] ?? []) {
      if ((problem.capacities[option.rep] ?? 0) <= 0) continue;
      const to = isAB ? abNode(option.rep) : repNode(option.rep);
      const value = Math.max(0, Math.round(option.value));
      edges.push({ edge: net.addEdge(node, to, 1, -1, -value * spread), rep: option.rep, value });
      const c1 = (pot.p1[to] ?? 0) + 1;
      const c2 = (pot.p2[to] ?? 0) + value * spread;
      if (c1 > best1 || (c1 === best1 && c2 > best2)) {
        best1 = c1;
        best2 = c2;
      }
    }
    pot.p1[node] = best1;
    pot.p2[node] = best2;
    leadEdges.push(edges);
    const step = augmentShortestPath(net, node, sink, 1, pot, scratch);
    if (step.pushed === 0) continue;
    for (let j = 0; j < m; j += 1) {
      const e = sinkEdges[j] ?? 0;
      const flow = net.flowOn(e);
      if (flow === received[j]) continue;
      received[j] = flow;
      // Convex re-pricing keeps reduced costs ≥ 0: the next unit costs more, the last one refunds what it cost.
      net.cost2[e] = base(j) + flow + 1;
      net.cost2[e ^ 1] = -(base(j) + flow);
    }
  }
  const repOf: (number | null)[] = [];
  let assigned = 0;
  let value = 0;
  for (let k = 0; k < n; k += 1) {
    let rep: number | null = null;
    for (const { edge, rep: j, value: v } of leadEdges[k] ?? []) {
      if (net.flowOn(edge) > 0) {
        rep = j;
        value += v;
      }
    }
    if (rep !== null) assigned += 1;
    repOf.push(rep);
  }
  let floorUnits = 0;
  for (const e of floorEdges) floorUnits += net.flowOn(e);
  let balance = 0;
  for (let j = 0; j < m; j += 1) {
    const f = received[j] ?? 0;
    balance += f * base(j) + (f * (f + 1)) / 2;
  }
  return { repOf, floorUnits, assigned, value, balance };
}

export interface BatchItem {
  readonly lead: DistributionLead;
  /** Rep indexes that pass every constraint except caps (caps become capacities). */
  readonly eligible: readonly number[];
}

export interface BatchPlan {
  /** Per item: chosen rep index or null. */
  readonly repOf: readonly (number | null)[];
  readonly capacities: ReadonlyMap<number, number>;
  readonly floors: ReadonlyMap<number, number>;
  readonly floorsMet: boolean;
  readonly expectedConversions: number;
  readonly roundRobinExpectedConversions: number;
  readonly assigned: number;
}

function remainingCapacity(ctx: EngineContext, i: number, batchSize: number): number {
  const rep = ctx.reps[i];
  if (rep === undefined) return 0;
  const byOpen = rep.capOpen === null ? batchSize : rep.capOpen - (ctx.open[i] ?? 0);
  const byDay = rep.capDaily === null ? batchSize : rep.capDaily - (ctx.today[i] ?? 0);
  return Math.max(0, Math.min(byOpen, byDay, batchSize));
}

function isABLead(lead: DistributionLead): boolean {
  return lead.grade === 'A' || lead.grade === 'B';
}

/**
 * Plans one optimal rule's batch with the loads as they stand. Each rep that can take leads is guaranteed
 * floor(fairnessFloor × A/B leads ÷ reps) A/B leads (never above its capacity or the A/B leads it may take).
 * Also simulates round-robin over the same batch (same constraints, from the rule's pointer) for the gain.
 */
export function planOptimalBatch(
  ctx: EngineContext,
  rule: DistributionRule,
  items: readonly BatchItem[],
): BatchPlan {
  const n = items.length;
  const repSet = new Set<number>();
  for (const item of items) for (const i of item.eligible) repSet.add(i);
  const reps = [...repSet].sort((a, b) => a - b);
  const local = new Map<number, number>();
  reps.forEach((i, j) => local.set(i, j));
  const capacities = reps.map((i) => remainingCapacity(ctx, i, n));
  const abEligible = reps.map(() => 0);
  let abCount = 0;
  const probabilities = items.map((item) => leadProbability(item.lead));
  const fits = items.map((item) => item.eligible.map((i) => fitOf(ctx, i, item.lead)));
  const options = items.map((item, k) =>
    item.eligible.map((i, e) => {
      const rep = local.get(i) ?? 0;
      if (isABLead(item.lead)) abEligible[rep] = (abEligible[rep] ?? 0) + 1;
      return { rep, value: Math.round((probabilities[k] ?? 0) * (fits[k]?.[e] ?? 0) * VALUE_SCALE) };
    }),
  );
  for (const item of items) if (isABLead(item.lead)) abCount += 1;
  const withRoom = capacities.filter((c) => c > 0).length;
  const share = withRoom === 0 ? 0 : Math.floor(((rule.options?.fairnessFloor ?? 0.5) * abCount) / withRoom);
  const floors = reps.map((_, j) =>
    (capacities[j] ?? 0) > 0 ? Math.min(share, capacities[j] ?? 0, abEligible[j] ?? 0) : 0,
  );
  const solution = solveAssignment({
    isAB: items.map((item) => isABLead(item.lead)),
    options,
    capacities,
    floors,
    openLoads: reps.map((i) => ctx.open[i] ?? 0),
  });

  const repOf = solution.repOf.map((j) => (j === null ? null : (reps[j] ?? null)));
  let expected = 0;
  items.forEach((item, k) => {
    const chosen = repOf[k];
    if (chosen === null || chosen === undefined) return;
    const e = item.eligible.indexOf(chosen);
    expected += (probabilities[k] ?? 0) * (fits[k]?.[e] ?? 0);
  });

  // Round-robin baseline: walk reps in id order from the rule's pointer, skipping full or ineligible ones.
  const left = [...capacities];
  const pointer = ctx.pointers.get(rule.id) ?? null;
  let position = pointer === null ? 0 : reps.findIndex((i) => (ctx.repIds[i] as string) > pointer);
  if (position < 0) position = 0;
  let roundRobin = 0;
  items.forEach((item, k) => {
    const allowed = new Set(item.eligible);
    for (let step = 0; step < reps.length; step += 1) {
      const j = (position + step) % reps.length;
      const i = reps[j];
      if (i === undefined || !allowed.has(i) || (left[j] ?? 0) <= 0) continue;
      left[j] = (left[j] ?? 0) - 1;
      roundRobin += (probabilities[k] ?? 0) * fitOf(ctx, i, item.lead);
      position = (j + 1) % reps.length;
      break;
    }
  });

  const floorTotal = floors.reduce((a, b) => a + b, 0);
  return {
    repOf,
    capacities: new Map(reps.map((i, j) => [i, capacities[j] ?? 0])),
    floors: new Map(reps.map((i, j) => [i, floors[j] ?? 0])),
    floorsMet: solution.floorUnits === floorTotal,
    expectedConversions: expected,
    roundRobinExpectedConversions: roundRobin,
    assigned: solution.assigned,
  };
}
