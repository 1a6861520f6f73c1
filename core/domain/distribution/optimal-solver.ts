// The optimizer's exact solver: a capacitated assignment with soft per-(rep, grade) share bounds, by min-cost flow.
import { FlowNetwork, augmentShortestPath, createPotentials, createScratch } from './min-cost-flow';

/** Per rep and share group: units up to `lower` are sought, units beyond `upper` avoided (soft bounds). */
export interface ShareBounds {
  readonly lower: number;
  readonly upper: number;
}

export interface AssignmentProblem {
  /** Per lead: its share group (e.g. grade index), 0 ≤ group < groupCount. */
  readonly groupOf: readonly number[];
  readonly groupCount: number;
  /** Per lead: the reps it may go to, with the integer value (≥ 0) of giving it to each. */
  readonly options: readonly (readonly { readonly rep: number; readonly value: number }[])[];
  /** Per rep: how many more leads it can take (≥ 0). */
  readonly capacities: readonly number[];
  /** Per rep, per group: share bounds; missing = no bounds. */
  readonly bounds?: readonly (readonly (ShareBounds | undefined)[] | undefined)[];
  /** Per rep: open leads before the batch; among equal-value plans the optimizer evens out open loads. */
  readonly openLoads?: readonly number[];
}

interface AssignmentSolution {
  /** Per lead: rep index or null (left for the pool). */
  readonly repOf: readonly (number | null)[];
  readonly assigned: number;
  /** Σ over (rep, group) of units beyond `upper` minus units up to `lower`: lower is fairer. */
  readonly shareCost: number;
  readonly value: number;
  /**
   * Σ over reps of Σ_{t=1..received} (open + t), plus over (rep, group) Σ_{t=1..u} t for the u units inside the
   * band (lower, upper]: lower is more even.
   */
  readonly balance: number;
}

/** Largest total of |cost| the flow may accumulate and still be exact in float64. */
const SAFE_TOTAL = 2 ** 51;

function boundOf(problem: AssignmentProblem, j: number, g: number, n: number): ShareBounds {
  const b = problem.bounds?.[j]?.[g];
  if (b === undefined) return { lower: 0, upper: n };
  const lower = Math.max(0, Math.floor(b.lower));
  return { lower, upper: Math.max(lower, Math.floor(b.upper)) };
}

/**
 * Solves the assignment exactly. Objective, in priority order: assign as many leads as possible (no assignable
 * lead is left in the pool), then keep every rep's count per group within its share bounds as far as possible,
 * then maximize total value, then keep open loads and each group's counts even (convex costs on both).
 * Invariants: no rep gets more than its capacity; a lead only goes to a rep listed in its options.
 * Network: lead → G(rep, group) → R(rep) → sink, plus lead → sink (the pool); G → R is three parallel edges
 * (up to lower: −1, to upper: 0, beyond: +1), so the flow is convex in each group's count. Leads are added one at a
 * time, each followed by one shortest augmenting path (exact: every lead sends one unit and adds no cycle).
 */
export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  const n = problem.options.length;
  const m = problem.capacities.length;
  const groups = Math.max(1, problem.groupCount);
  const sink = 0;
  const repNode = (j: number): number => 1 + j;
  const groupNode = (j: number, g: number): number => 1 + m + j * groups + g;
  const leadNode = (k: number): number => 1 + m + m * groups + k;
  const base = (j: number): number => Math.max(0, Math.floor(problem.openLoads?.[j] ?? 0));
  let maxBase = 0;
  for (let j = 0; j < m; j += 1) maxBase = Math.max(maxBase, base(j));
  let maxValue = 0;
  let edgeHint = m + 3 * m * groups + n;
  for (const list of problem.options) {
    edgeHint += list.length;
    for (const option of list) maxValue = Math.max(maxValue, Math.round(option.value));
  }
  // Level 2 is value × spread + balance, so one unit of value outweighs any difference in balance (rep totals
  // against open loads, plus evenness within each group's band: each at most n(maxBase + n) resp. n²).
  const spread = n * (maxBase + 2 * n) + 1;
  if ((n + 1) * (maxValue + 1) * spread > SAFE_TOTAL) {
    throw new RangeError(`batch of ${n} leads is too large for exact integer costs; split it`);
  }
  // Level 1: one more assigned lead outweighs any change in share units (which total at most n either way).
  const leadCost = -(2 * n + 1);
  const net = new FlowNetwork(1 + m + m * groups + n, edgeHint);
  const pot = createPotentials(net.nodeCount);
  const sinkEdges: number[] = [];
  const lowerEdges: number[] = [];
  const overEdges: number[] = [];
  // Within the band (lower, upper] a group's units are convex too, so equal-value plans even out each grade.
  const midEdges: { edge: number; flow: number }[] = [];
  const received = new Array<number>(m).fill(0);
  for (let j = 0; j < m; j += 1) {
    const capacity = Math.max(0, Math.floor(problem.capacities[j] ?? 0));
    // The R_j → sink edge is convex: its cost is re-priced to the next unit's balance after every augmentation.
    sinkEdges.push(net.addEdge(repNode(j), sink, capacity, 0, base(j) + 1));
    let repPotential = 0;
    for (let g = 0; g < groups; g += 1) {
      const { lower, upper } = boundOf(problem, j, g, n);
      if (lower > 0) {
        lowerEdges.push(net.addEdge(groupNode(j, g), repNode(j), lower, -1));
        repPotential = -1;
      }
      if (upper > lower)
        midEdges.push({ edge: net.addEdge(groupNode(j, g), repNode(j), upper - lower, 0, 1), flow: 0 });
      if (upper < n) overEdges.push(net.addEdge(groupNode(j, g), repNode(j), n - upper, 1));
    }
    // Valid initial potentials: G at 0, R as low as its cheapest in-edge, the sink below every R.
    pot.p1[repNode(j)] = repPotential;
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
    const group = Math.min(groups - 1, Math.max(0, problem.groupOf[k] ?? 0));
    const edges: { edge: number; rep: number; value: number }[] = [];
    // A lead's potential only has to keep its own out-edges' reduced costs ≥ 0 (nothing enters it yet).
    let best1 = pot.p1[sink] ?? 0;
    let best2 = pot.p2[sink] ?? 0;
    net.addEdge(node, sink, 1, 0, 0);
    for (const option of problem.options[k] ?? []) {
      if ((problem.capacities[option.rep] ?? 0) <= 0) continue;
      const to = groupNode(option.rep, group);
      const value = Math.max(0, Math.round(option.value));
      edges.push({ edge: net.addEdge(node, to, 1, leadCost, -value * spread), rep: option.rep, value });
      const c1 = (pot.p1[to] ?? 0) - leadCost;
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
    for (const mid of midEdges) {
      const flow = net.flowOn(mid.edge);
      if (flow === mid.flow) continue;
      mid.flow = flow;
      net.cost2[mid.edge] = flow + 1;
      net.cost2[mid.edge ^ 1] = -flow;
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
  let shareCost = 0;
  for (const e of lowerEdges) shareCost -= net.flowOn(e);
  for (const e of overEdges) shareCost += net.flowOn(e);
  let balance = 0;
  for (let j = 0; j < m; j += 1) {
    const f = received[j] ?? 0;
    balance += f * base(j) + (f * (f + 1)) / 2;
  }
  for (const { flow } of midEdges) balance += (flow * (flow + 1)) / 2;
  return { repOf, assigned, shareCost, value, balance };
}
