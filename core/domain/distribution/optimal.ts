// The batch optimizer: assigns a rule's batch to maximize expected conversions (lead probability × learned fit)
// under caps, availability and per-grade shares kept within a tolerance of each rep's share, exactly.
import type { RepId } from '../ids';
import type { DistributionLead, DistributionRule } from './types';
import type { OptimalReason } from './optimizer-types';
import type { EngineContext } from './engine-context';
import { fitOf } from './engine-context';
import { leadProbability } from './conditions';
import { fitBreakdown } from './rep-fit';
import { solveAssignment } from './optimal-solver';
import type { ShareBounds } from './optimal-solver';

/** Expected conversions are scaled to integers (ten-thousandths) before the flow, so the optimum is exact in those units. */
const VALUE_SCALE = 10_000;

/** The share groups: one per grade, ungraded last. */
const SHARE_GROUPS = ['A', 'B', 'C', 'D', 'ungraded'] as const;
type ShareGroup = (typeof SHARE_GROUPS)[number];

/** Default tolerance around each rep's share of a grade's leads: ±20%. */
const DEFAULT_SHARE_TOLERANCE = 0.2;

function groupOf(lead: DistributionLead): number {
  const index = SHARE_GROUPS.indexOf(lead.grade ?? 'ungraded');
  return index < 0 ? SHARE_GROUPS.length - 1 : index;
}

export interface BatchItem {
  readonly lead: DistributionLead;
  /** Rep indexes that pass every constraint except caps (caps become capacities). */
  readonly eligible: readonly number[];
}

/** One rep's count of a grade in the batch against its share bounds. */
interface ShareCount extends ShareBounds {
  readonly group: ShareGroup;
  /** The rep's share of the group's leads (leads × 1 / reps who could take them). */
  readonly target: number;
  readonly received: number;
}

export interface BatchPlan {
  /** Per item: chosen rep index or null. */
  readonly repOf: readonly (number | null)[];
  /** Per item: why its rep, in words the explanation can carry. */
  readonly reasons: readonly (OptimalReason | null)[];
  readonly capacities: ReadonlyMap<number, number>;
  /** Per rep index: its counts per grade present in the batch, with bounds. */
  readonly shares: ReadonlyMap<number, readonly ShareCount[]>;
  readonly tolerance: number;
  /** True when every rep that could take a grade's leads got a count within its bounds. */
  readonly sharesWithinTolerance: boolean;
  readonly expectedConversions: number;
  readonly roundRobinExpectedConversions: number;
  readonly assigned: number;
}

function remainingCapacity(ctx: EngineContext, i: number, batchSize: number): number {
  const rep = ctx.reps[i];
  if (rep === undefined) return 0;
  const byOpen = rep.capOpen === null ? batchSize : rep.capOpen - (ctx.open[i] ?? 0);
  const byDay = rep.capDaily === null ? batchSize : rep.capDaily - (ctx.today[i] ?? 0);
  const holding = ctx.holdingCaps[i] ?? null;
  const byHolding = holding === null ? batchSize : holding.cap - ((ctx.open[i] ?? 0) - holding.locked);
  return Math.max(0, Math.min(byOpen, byDay, byHolding, batchSize));
}

/**
 * Share bounds per rep and grade: each rep with room that could take some of a grade's leads has an equal share
 * of them (all are available at the batch's moment), kept within ±tolerance: lower = ⌊share × (1 − tol)⌋,
 * upper = ⌈share × (1 + tol)⌉.
 */
function shareBounds(
  items: readonly BatchItem[],
  reps: readonly number[],
  local: ReadonlyMap<number, number>,
  capacities: readonly number[],
  tolerance: number,
): { bounds: (ShareBounds | undefined)[][]; targets: number[][]; sizes: number[] } {
  const groups = SHARE_GROUPS.length;
  const sizes = new Array<number>(groups).fill(0);
  const takers = Array.from({ length: groups }, () => new Set<number>());
  for (const item of items) {
    const g = groupOf(item.lead);
    sizes[g] = (sizes[g] ?? 0) + 1;
    for (const i of item.eligible) {
      const j = local.get(i);
      if (j !== undefined && (capacities[j] ?? 0) > 0) takers[g]?.add(j);
    }
  }
  const bounds = reps.map(() => new Array<ShareBounds | undefined>(groups).fill(undefined));
  const targets = reps.map(() => new Array<number>(groups).fill(0));
  for (let g = 0; g < groups; g += 1) {
    const count = takers[g]?.size ?? 0;
    if (count === 0) continue;
    const share = (sizes[g] ?? 0) / count;
    for (const j of takers[g] ?? []) {
      const row = bounds[j];
      const targetRow = targets[j];
      if (row === undefined || targetRow === undefined) continue;
      // A hair of slack so an exact share (e.g. 12 × 0.8 = 9.6000000001) rounds the way arithmetic says.
      row[g] = {
        lower: Math.floor(share * (1 - tolerance) + 1e-9),
        upper: Math.ceil(share * (1 + tolerance) - 1e-9),
      };
      targetRow[g] = share;
    }
  }
  return { bounds, targets, sizes };
}

/** Why item k went to `chosen`: the best fit, or which better-fitting rep was held back and by what. */
function reasonFor(
  ctx: EngineContext,
  item: BatchItem,
  chosen: number,
  values: ReadonlyMap<number, number>,
  room: (i: number) => boolean,
  atUpper: (i: number) => boolean,
  atLower: (i: number) => boolean,
): OptimalReason {
  let best = chosen;
  let min = Infinity;
  for (const [i, v] of values) {
    min = Math.min(min, v);
    if (v > (values.get(best) ?? 0) + 1e-12) best = i;
  }
  const fitStatus = ctx.repFit?.status ?? (ctx.fit === undefined ? 'none' : 'table');
  const fit = fitOf(ctx, chosen, item.lead);
  if ((values.get(best) ?? 0) - min <= 1e-12) return { kind: 'equal-fit', fitStatus };
  if (best === chosen) {
    const strongest = fitBreakdown(ctx.repFit, ctx.repIds[chosen] as string, item.lead).strongest;
    return strongest === null ? { kind: 'best-fit', fit } : { kind: 'best-fit', fit, ...strongest };
  }
  const better = ctx.repIds[best] as RepId;
  const betterFit = fitOf(ctx, best, item.lead);
  if (!room(best)) return { kind: 'no-room', fit, better, betterFit };
  if (atUpper(best)) return { kind: 'kept-share', fit, better, betterFit };
  if (atLower(chosen)) return { kind: 'share-floor', fit, better, betterFit };
  return { kind: 'whole-batch', fit, better, betterFit };
}

/**
 * Plans one optimal rule's batch with the loads as they stand: as many leads assigned as the reps have room for,
 * then every rep's count per grade within `fairnessTolerance` (default ±20%) of its share, then the most expected
 * conversions, then even open loads. Also simulates round-robin over the same batch (same constraints, from the
 * rule's pointer) for the gain, and says for each lead why it went where it went.
 */
export function planOptimalBatch(
  ctx: EngineContext,
  rule: DistributionRule,
  items: readonly BatchItem[],
): BatchPlan {
  const n = items.length;
  const tolerance = Math.max(0, rule.options?.fairnessTolerance ?? DEFAULT_SHARE_TOLERANCE);
  const repSet = new Set<number>();
  for (const item of items) for (const i of item.eligible) repSet.add(i);
  const reps = [...repSet].sort((a, b) => a - b);
  const local = new Map<number, number>();
  reps.forEach((i, j) => local.set(i, j));
  const capacities = reps.map((i) => remainingCapacity(ctx, i, n));
  const probabilities = items.map((item) => leadProbability(item.lead));
  const values = items.map((item, k) => {
    const byRep = new Map<number, number>();
    for (const i of item.eligible) byRep.set(i, (probabilities[k] ?? 0) * fitOf(ctx, i, item.lead));
    return byRep;
  });
  const options = items.map((item, k) =>
    item.eligible.map((i) => ({
      rep: local.get(i) ?? 0,
      value: Math.round((values[k]?.get(i) ?? 0) * VALUE_SCALE),
    })),
  );
  const { bounds, targets } = shareBounds(items, reps, local, capacities, tolerance);
  const solution = solveAssignment({
    groupOf: items.map((item) => groupOf(item.lead)),
    groupCount: SHARE_GROUPS.length,
    options,
    capacities,
    bounds,
    // Evenness weighs the load compared (away loads in, away-load.ts); caps above stay on real open leads.
    openLoads: reps.map((i) => Math.round((ctx.open[i] ?? 0) + (ctx.away.loads?.[i] ?? 0))),
  });

  const repOf = solution.repOf.map((j) => (j === null ? null : (reps[j] ?? null)));
  const received = reps.map(() => new Array<number>(SHARE_GROUPS.length).fill(0));
  const total = reps.map(() => 0);
  let expected = 0;
  items.forEach((item, k) => {
    const chosen = repOf[k];
    if (chosen === null || chosen === undefined) return;
    const j = local.get(chosen) ?? 0;
    const row = received[j];
    if (row !== undefined) row[groupOf(item.lead)] = (row[groupOf(item.lead)] ?? 0) + 1;
    total[j] = (total[j] ?? 0) + 1;
    expected += values[k]?.get(chosen) ?? 0;
  });
  const shares = new Map<number, ShareCount[]>();
  let within = true;
  reps.forEach((i, j) => {
    const counts: ShareCount[] = [];
    SHARE_GROUPS.forEach((group, g) => {
      const b = bounds[j]?.[g];
      if (b === undefined) return;
      const got = received[j]?.[g] ?? 0;
      if (got < b.lower || got > b.upper) within = false;
      counts.push({ group, ...b, target: targets[j]?.[g] ?? 0, received: got });
    });
    shares.set(i, counts);
  });
  const reasons = items.map((item, k) => {
    const chosen = repOf[k];
    if (chosen === null || chosen === undefined) return null;
    const g = groupOf(item.lead);
    const at = (i: number) => local.get(i) ?? 0;
    return reasonFor(
      ctx,
      item,
      chosen,
      values[k] ?? new Map<number, number>(),
      (i) => (total[at(i)] ?? 0) < (capacities[at(i)] ?? 0),
      (i) => (received[at(i)]?.[g] ?? 0) >= (bounds[at(i)]?.[g]?.upper ?? Infinity),
      (i) => (received[at(i)]?.[g] ?? 0) <= (bounds[at(i)]?.[g]?.lower ?? -1),
    );
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
      roundRobin += values[k]?.get(i) ?? 0;
      position = (j + 1) % reps.length;
      break;
    }
  });

  return {
    repOf,
    reasons,
    capacities: new Map(reps.map((i, j) => [i, capacities[j] ?? 0])),
    shares,
    tolerance,
    sharesWithinTolerance: within,
    expectedConversions: expected,
    roundRobinExpectedConversions: roundRobin,
    assigned: solution.assigned,
  };
}
