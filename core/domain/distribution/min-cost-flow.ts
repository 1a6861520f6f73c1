// Exact min-cost flow by successive shortest paths with potentials (Dijkstra), on integer costs compared
// lexicographically as (primary, secondary) pairs, so priorities never need a big-M that could overflow 2^53.

const INF = Number.POSITIVE_INFINITY;

/** A directed network with integer capacities and two-level integer costs. Edge e's reverse is e ^ 1. */
export class FlowNetwork {
  nodeCount: number;
  private head: Int32Array;
  next: Int32Array;
  to: Int32Array;
  cap: Float64Array;
  cost1: Float64Array;
  cost2: Float64Array;
  edgeCount = 0;

  constructor(nodeCount: number, edgeHint = 16) {
    this.nodeCount = nodeCount;
    this.head = new Int32Array(nodeCount).fill(-1);
    const size = Math.max(16, edgeHint * 2);
    this.next = new Int32Array(size);
    this.to = new Int32Array(size);
    this.cap = new Float64Array(size);
    this.cost1 = new Float64Array(size);
    this.cost2 = new Float64Array(size);
  }

  private grow(): void {
    const size = this.to.length * 2;
    const copy = <T extends Int32Array | Float64Array>(from: T, make: (n: number) => T): T => {
      const out = make(size);
      out.set(from);
      return out;
    };
    this.next = copy(this.next, (n) => new Int32Array(n));
    this.to = copy(this.to, (n) => new Int32Array(n));
    this.cap = copy(this.cap, (n) => new Float64Array(n));
    this.cost1 = copy(this.cost1, (n) => new Float64Array(n));
    this.cost2 = copy(this.cost2, (n) => new Float64Array(n));
  }

  firstEdge(node: number): number {
    return this.head[node] ?? -1;
  }

  /** Adds u→v with capacity `cap` and cost (cost1, cost2) per unit; returns the edge id. */
  addEdge(u: number, v: number, cap: number, cost1: number, cost2 = 0): number {
    if (this.edgeCount + 2 > this.to.length) this.grow();
    const e = this.edgeCount;
    this.to[e] = v;
    this.cap[e] = cap;
    this.cost1[e] = cost1;
    this.cost2[e] = cost2;
    this.next[e] = this.head[u] ?? -1;
    this.head[u] = e;
    this.to[e + 1] = u;
    this.cap[e + 1] = 0;
    this.cost1[e + 1] = -cost1;
    this.cost2[e + 1] = -cost2;
    this.next[e + 1] = this.head[v] ?? -1;
    this.head[v] = e + 1;
    this.edgeCount += 2;
    return e;
  }

  /** Units currently flowing on edge e. */
  flowOn(e: number): number {
    return this.cap[e ^ 1] ?? 0;
  }
}

/** Node potentials (two levels) keeping every residual edge's reduced cost lexicographically ≥ 0. */
interface Potentials {
  readonly p1: Float64Array;
  readonly p2: Float64Array;
}

export function createPotentials(nodeCount: number): Potentials {
  return { p1: new Float64Array(nodeCount), p2: new Float64Array(nodeCount) };
}

/** Binary heap of nodes keyed by (k1, k2), lazy deletion. */
class PairHeap {
  k1: Float64Array;
  k2: Float64Array;
  node: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.k1 = new Float64Array(capacity);
    this.k2 = new Float64Array(capacity);
    this.node = new Int32Array(capacity);
  }
  private less(a: number, b: number): boolean {
    const a1 = this.k1[a] ?? 0;
    const b1 = this.k1[b] ?? 0;
    return a1 < b1 || (a1 === b1 && (this.k2[a] ?? 0) < (this.k2[b] ?? 0));
  }
  private swap(a: number, b: number): void {
    const t1 = this.k1[a] ?? 0;
    const t2 = this.k2[a] ?? 0;
    const tn = this.node[a] ?? 0;
    this.k1[a] = this.k1[b] ?? 0;
    this.k2[a] = this.k2[b] ?? 0;
    this.node[a] = this.node[b] ?? 0;
    this.k1[b] = t1;
    this.k2[b] = t2;
    this.node[b] = tn;
  }
  push(k1: number, k2: number, node: number): void {
    if (this.size === this.node.length) {
      const grow = <T extends Float64Array | Int32Array>(from: T, out: T): T => {
        out.set(from);
        return out;
      };
      this.k1 = grow(this.k1, new Float64Array(this.size * 2));
      this.k2 = grow(this.k2, new Float64Array(this.size * 2));
      this.node = grow(this.node, new Int32Array(this.size * 2));
    }
    let i = this.size;
    this.size += 1;
    this.k1[i] = k1;
    this.k2[i] = k2;
    this.node[i] = node;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  /** Moves the minimum to the returned top slot (read k1[0], k2[0], node[0] before calling) and removes it. */
  pop(): void {
    this.size -= 1;
    if (this.size === 0) return;
    this.swap(0, this.size);
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.size && this.less(left, smallest)) smallest = left;
      if (right < this.size && this.less(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}

/** Reusable buffers for Dijkstra on one network. */
interface PathScratch {
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  readonly parentEdge: Int32Array;
  readonly done: Uint8Array;
  readonly heap: PairHeap;
  readonly touched: Int32Array;
}

export function createScratch(nodeCount: number): PathScratch {
  return {
    d1: new Float64Array(nodeCount).fill(INF),
    d2: new Float64Array(nodeCount).fill(INF),
    parentEdge: new Int32Array(nodeCount).fill(-1),
    done: new Uint8Array(nodeCount),
    heap: new PairHeap(Math.max(16, nodeCount)),
    touched: new Int32Array(nodeCount),
  };
}

interface Augmentation {
  readonly pushed: number;
  /** True cost per unit of the path used (cost1, cost2). */
  readonly cost1: number;
  readonly cost2: number;
}

/**
 * Pushes up to `limit` units along one shortest from→sink path of the residual network, then moves every
 * potential by min(dist, dist(sink)) (unreached nodes by dist(sink)), which keeps reduced costs ≥ 0 and lets
 * Dijkstra stop as soon as the sink is settled. Precondition: every residual edge's reduced cost is
 * lexicographically ≥ 0. Returns pushed = 0 when the sink is unreachable.
 */
export function augmentShortestPath(
  net: FlowNetwork,
  from: number,
  sink: number,
  limit: number,
  pot: Potentials,
  scratch: PathScratch,
): Augmentation {
  const { d1, d2, parentEdge, done, heap, touched } = scratch;
  const { p1, p2 } = pot;
  let touchedCount = 0;
  d1[from] = 0;
  d2[from] = 0;
  parentEdge[from] = -1;
  touched[touchedCount++] = from;
  heap.size = 0;
  heap.push(0, 0, from);
  let found = false;
  while (heap.size > 0) {
    const k1 = heap.k1[0] ?? 0;
    const k2 = heap.k2[0] ?? 0;
    const u = heap.node[0] ?? 0;
    heap.pop();
    if (done[u] === 1 || k1 !== d1[u] || k2 !== d2[u]) continue;
    done[u] = 1;
    if (u === sink) {
      found = true;
      break;
    }
    const pu1 = p1[u] ?? 0;
    const pu2 = p2[u] ?? 0;
    for (let e = net.firstEdge(u); e !== -1; e = net.next[e] ?? -1) {
      if ((net.cap[e] ?? 0) <= 0) continue;
      const v = net.to[e] ?? 0;
      if (done[v] === 1) continue;
      const n1 = k1 + (net.cost1[e] ?? 0) + pu1 - (p1[v] ?? 0);
      const n2 = k2 + (net.cost2[e] ?? 0) + pu2 - (p2[v] ?? 0);
      const v1 = d1[v] ?? INF;
      if (n1 < v1 || (n1 === v1 && n2 < (d2[v] ?? INF))) {
        if (v1 === INF) touched[touchedCount++] = v;
        d1[v] = n1;
        d2[v] = n2;
        parentEdge[v] = e;
        heap.push(n1, n2, v);
      }
    }
  }
  let result: Augmentation = { pushed: 0, cost1: 0, cost2: 0 };
  if (found) {
    const t1 = d1[sink] ?? 0;
    const t2 = d2[sink] ?? 0;
    let pushed = limit;
    for (let v = sink; v !== from;) {
      const e = parentEdge[v] ?? -1;
      pushed = Math.min(pushed, net.cap[e] ?? 0);
      v = net.to[e ^ 1] ?? from;
    }
    let c1 = 0;
    let c2 = 0;
    for (let v = sink; v !== from;) {
      const e = parentEdge[v] ?? -1;
      net.cap[e] = (net.cap[e] ?? 0) - pushed;
      net.cap[e ^ 1] = (net.cap[e ^ 1] ?? 0) + pushed;
      c1 += net.cost1[e] ?? 0;
      c2 += net.cost2[e] ?? 0;
      v = net.to[e ^ 1] ?? from;
    }
    result = { pushed, cost1: c1, cost2: c2 };
    for (let i = 0; i < touchedCount; i += 1) {
      const v = touched[i] ?? 0;
      const finalized = done[v] === 1;
      p1[v] = (p1[v] ?? 0) + (finalized ? (d1[v] ?? 0) : t1);
      p2[v] = (p2[v] ?? 0) + (finalized ? (d2[v] ?? 0) : t2);
    }
    shiftUnreached(pot, scratch, t1, t2);
  }
  for (let i = 0; i < touchedCount; i += 1) {
    const v = touched[i] ?? 0;
    d1[v] = INF;
    d2[v] = INF;
    done[v] = 0;
    parentEdge[v] = -1;
  }
  return result;
}

function shiftUnreached(pot: Potentials, scratch: PathScratch, t1: number, t2: number): void {
  const { d1 } = scratch;
  const n = pot.p1.length;
  for (let v = 0; v < n; v += 1) {
    if ((d1[v] ?? INF) !== INF) continue;
    pot.p1[v] = (pot.p1[v] ?? 0) + t1;
    pot.p2[v] = (pot.p2[v] ?? 0) + t2;
  }
}

/**
 * Min-cost flow from `source` to `sink` of at most `maxFlow` units (successive shortest paths). Negative
 * edge costs are allowed when the network has no negative cycle (initial potentials by Bellman–Ford).
 * With `stopWhenNotNegative`, stops once the cheapest path no longer lowers the cost (min cost at any flow).
 */
export function solveMinCostFlow(
  net: FlowNetwork,
  source: number,
  sink: number,
  maxFlow = INF,
  stopWhenNotNegative = false,
): { flow: number; cost1: number; cost2: number } {
  const pot = bellmanFordPotentials(net, source);
  const scratch = createScratch(net.nodeCount);
  let flow = 0;
  let cost1 = 0;
  let cost2 = 0;
  while (flow < maxFlow) {
    const snapshot = stopWhenNotNegative
      ? { p1: Float64Array.from(pot.p1), p2: Float64Array.from(pot.p2), caps: Float64Array.from(net.cap) }
      : null;
    const step = augmentShortestPath(net, source, sink, maxFlow - flow, pot, scratch);
    if (step.pushed === 0) break;
    if (snapshot !== null && (step.cost1 > 0 || (step.cost1 === 0 && step.cost2 >= 0))) {
      net.cap.set(snapshot.caps);
      pot.p1.set(snapshot.p1);
      pot.p2.set(snapshot.p2);
      break;
    }
    flow += step.pushed;
    cost1 += step.pushed * step.cost1;
    cost2 += step.pushed * step.cost2;
  }
  return { flow, cost1, cost2 };
}

/** Shortest (cost1, cost2) distances from `source` over edges with capacity; unreachable nodes get 0. */
function bellmanFordPotentials(net: FlowNetwork, source: number): Potentials {
  const n = net.nodeCount;
  const pot = createPotentials(n);
  const d1 = new Float64Array(n).fill(INF);
  const d2 = new Float64Array(n).fill(INF);
  d1[source] = 0;
  d2[source] = 0;
  for (let round = 0; round < n; round += 1) {
    let changed = false;
    for (let u = 0; u < n; u += 1) {
      const u1 = d1[u] ?? INF;
      if (u1 === INF) continue;
      const u2 = d2[u] ?? INF;
      for (let e = net.firstEdge(u); e !== -1; e = net.next[e] ?? -1) {
        if ((net.cap[e] ?? 0) <= 0) continue;
        const v = net.to[e] ?? 0;
        const n1 = u1 + (net.cost1[e] ?? 0);
        const n2 = u2 + (net.cost2[e] ?? 0);
        const v1 = d1[v] ?? INF;
        if (n1 < v1 || (n1 === v1 && n2 < (d2[v] ?? INF))) {
          d1[v] = n1;
          d2[v] = n2;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  for (let v = 0; v < n; v += 1) {
    pot.p1[v] = (d1[v] ?? INF) === INF ? 0 : (d1[v] ?? 0);
    pot.p2[v] = (d2[v] ?? INF) === INF ? 0 : (d2[v] ?? 0);
  }
  return pot;
}
