// What-if replay: run past leads through a rule set in arrival order and measure fairness and expected conversions.
import { isOpenStage } from '../funnel';
import type { RepId } from '../ids';
import type { Rep } from '../rep';
import type {
  DistributionContext,
  DistributionLead,
  DistributionRule,
  DistributionState,
  PreviousOwner,
} from './types';
import type { EngineContext } from './engine-context';
import { advanceClock, createEngineContext, exportState, fitOf, releaseRep } from './engine-context';
import { routeLead, sortByArrival } from './engine';
import { leadProbability } from './conditions';
import { computeFairness, emptyGradeCounts } from './fairness';
import { ReleaseQueue } from './release-queue';
import { countAvailableDays } from './fair-shares';
import { owedLeadsByRep } from './owed-leads';
import { toLocalTime } from './local-time';
import { CustomerOwners } from './customer-owners';
import type { CustomerKeys } from './customer-owners';
import type { GradeKey } from './fairness';
import type { ReplayComparisonToActual, ReplayRepFigures, ReplayResult } from './replay-figures';

interface ReplayInput extends DistributionContext {
  /** Past leads; replayed in arrival order (createdAt, then id) with the clock at each lead's createdAt. */
  readonly leads: readonly DistributionLead[];
  readonly reps: readonly Rep[];
  readonly rules: readonly DistributionRule[];
  readonly initialState?: DistributionState;
  /**
   * Leads open when the replay starts (counted in initialState's openLoads, and in its openByDay on local day
   * number `day`, the day they arrived) that close during it, at `at` (epoch ms): they leave their holder's load
   * then, as a replayed lead does when it closes.
   */
  readonly openAtStartClosing?: readonly {
    readonly repId: RepId;
    readonly day: number;
    readonly at: number;
  }[];
  readonly seed: number;
  /** lead id → the rep who actually got it (null = nobody), to compare against. */
  readonly actualAssignments?: Readonly<Record<string, RepId | null>>;
  /**
   * Recycles that happened (lead, epoch ms), replayed at their time: the lead leaves the rep the replay gave it to,
   * who is kept away from it for the cool-down, and goes back through the rules (`redistribute`) or to the pool.
   */
  readonly recycles?: readonly { readonly leadId: string; readonly at: number }[];
  readonly recycleTarget?: 'pool' | 'redistribute';
  /**
   * Existing-customer keys per lead id (contact keys in the order live distribution tries them, then the company
   * key): the replay tracks who owns each customer as it assigns, so affinity runs exactly as it does live. Without
   * it the static `affinity` lookup is used.
   */
  readonly customerKeys?: Readonly<Record<string, CustomerKeys>>;
  /** Owners of customers before the first replayed lead, by contact key and by company key. */
  readonly ownersBefore?: {
    readonly byContact: Readonly<Record<string, RepId>>;
    readonly byCompany: Readonly<Record<string, RepId>>;
  };
  readonly options?: {
    readonly utcOffsetMinutes?: number;
    /** New reps for the figures: joined within this many days of the last lead [90]. */
    readonly newRepDays?: number;
    /** Progress and cancellation are checked every this many leads [1000]. */
    readonly checkEvery?: number;
    /** A replayed lead stops counting as open at its updatedAt when its stage is closed (won, lost, nurture) [true]. */
    readonly releaseClosedLeads?: boolean;
  };
  readonly onProgress?: (processed: number, total: number) => void;
  /** Called for every decision in order: a lead's arrival, and each replayed recycle (repId null = pool). */
  readonly onDecision?: (decision: ReplayDecision) => void;
  readonly isCancelled?: () => boolean;
}

export interface ReplayDecision {
  readonly leadId: string;
  readonly kind: 'arrival' | 'recycle';
  readonly at: number;
  readonly repId: RepId | null;
  readonly coOwnerIds: readonly RepId[];
}

interface Tally {
  total: number;
  byGrade: Record<GradeKey, number>;
  expectedConversions: number;
}

/** The input's recycles of replayed leads, by time (then lead id), each with its lead's arrival slot. */
function replayRecycles(
  input: ReplayInput,
  leads: readonly DistributionLead[],
): { readonly slot: number; readonly at: number; readonly leadId: string }[] {
  if (input.recycles === undefined || input.recycles.length === 0) return [];
  const slotOf = new Map<string, number>(leads.map((lead, slot) => [lead.id, slot]));
  return input.recycles
    .flatMap((r) => {
      const slot = slotOf.get(r.leadId);
      return slot === undefined ? [] : [{ slot, at: r.at, leadId: r.leadId }];
    })
    .sort((a, b) => a.at - b.at || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0));
}

function* replaySteps(input: ReplayInput): Generator<number, ReplayResult, void> {
  const leads = sortByArrival(input.leads);
  const total = leads.length;
  const startAt = leads[0]?.createdAt ?? 0;
  const ctx: EngineContext = createEngineContext({
    ...input,
    state: input.initialState,
    now: startAt,
    utcOffsetMinutes: input.options?.utcOffsetMinutes ?? 0,
    isFullExplain: false,
  });
  const checkEvery = Math.max(1, input.options?.checkEvery ?? 1000);
  const release = input.options?.releaseClosedLeads ?? true;
  const queue = new ReleaseQueue();
  const tallies = ctx.reps.map((): Tally => ({
    total: 0,
    byGrade: emptyGradeCounts(),
    expectedConversions: 0,
  }));
  const assigned: { repId: RepId; grade: DistributionLead['grade']; day: string }[] = [];
  let pooled = 0;
  let manual = 0;
  let expected = 0;
  let processed = 0;
  let cancelled = false;
  const actual = input.actualAssignments;
  let changed = 0;
  let compared = 0;
  const chosenByLead = actual === undefined ? null : new Map<string, RepId | null>();

  // Owners the replay gave each lead (by slot = arrival index); emptied when the lead closes or is recycled.
  const owners: (readonly number[] | undefined)[] = new Array<readonly number[] | undefined>(total);
  // The local day number each slot was handed out on (its open leads weigh on that day's away loads).
  const heldSince = new Int32Array(total);
  const closingFromStart = [...(input.openAtStartClosing ?? [])].sort(
    (x, y) => x.at - y.at || (x.repId < y.repId ? -1 : x.repId > y.repId ? 1 : 0) || x.day - y.day,
  );
  let nextClosingFromStart = 0;
  const releaseDue = (): void => {
    for (; nextClosingFromStart < closingFromStart.length; nextClosingFromStart += 1) {
      const closing = closingFromStart[nextClosingFromStart];
      if (closing === undefined || closing.at > ctx.now) break;
      const i = ctx.indexById.get(closing.repId);
      if (i !== undefined) releaseRep(ctx, i, closing.day);
    }
    while (queue.size > 0 && queue.peekTime() <= ctx.now) {
      const slot = queue.pop();
      for (const i of owners[slot] ?? []) releaseRep(ctx, i, heldSince[slot] ?? 0);
      owners[slot] = [];
    }
  };
  const own = (
    slot: number,
    lead: DistributionLead,
    repIndex: number,
    coOwnerIds: readonly RepId[],
  ): void => {
    const held = [repIndex];
    for (const co of coOwnerIds) {
      const coIndex = ctx.indexById.get(co);
      if (coIndex !== undefined) held.push(coIndex);
    }
    owners[slot] = held;
    heldSince[slot] = ctx.away.day;
    customers?.assign(lead.id, ctx.repIds[repIndex] as RepId);
    if (release && !isOpenStage(lead.stage)) queue.push(Math.max(lead.updatedAt, lead.createdAt), slot);
  };
  const customers =
    input.customerKeys === undefined ? null : new CustomerOwners(input.customerKeys, input.ownersBefore);
  const recycles = replayRecycles(input, leads);
  let nextRecycle = 0;
  let recycled = 0;
  let redistributed = 0;
  const previousOwners = new Map<number, PreviousOwner[]>();
  const recycleUntil = (time: number): void => {
    for (; nextRecycle < recycles.length; nextRecycle += 1) {
      const event = recycles[nextRecycle];
      if (event === undefined || event.at > time) return;
      const lead = leads[event.slot];
      const held = owners[event.slot] ?? [];
      const primary = held[0];
      if (lead === undefined || primary === undefined) continue;
      advanceClock(ctx, Math.max(ctx.now, event.at));
      releaseDue();
      if ((owners[event.slot] ?? []).length === 0) continue;
      for (const i of held) releaseRep(ctx, i, heldSince[event.slot] ?? 0);
      owners[event.slot] = [];
      const previous = [...(previousOwners.get(event.slot) ?? [])];
      previous.push({ repId: ctx.repIds[primary] as RepId, at: ctx.now });
      customers?.release(lead.id, ctx.repIds[primary] as RepId);
      previousOwners.set(event.slot, previous);
      recycled += 1;
      const again =
        input.recycleTarget === 'redistribute'
          ? routeLead(ctx, { ...lead, previousOwners: previous }, null, customers?.ownerOf(lead.id))
          : null;
      input.onDecision?.({
        leadId: lead.id,
        kind: 'recycle',
        at: ctx.now,
        repId: again?.repId ?? null,
        coOwnerIds: again?.coOwnerIds ?? [],
      });
      const index = again?.repId == null ? undefined : ctx.indexById.get(again.repId);
      if (again === null || index === undefined) continue;
      redistributed += 1;
      own(event.slot, lead, index, again.coOwnerIds);
    }
  };

  for (const [slot, lead] of leads.entries()) {
    if (processed % checkEvery === 0 && processed > 0) {
      input.onProgress?.(processed, total);
      yield processed;
      if (input.isCancelled?.() === true) {
        cancelled = true;
        break;
      }
    }
    recycleUntil(lead.createdAt);
    advanceClock(ctx, Math.max(ctx.now, lead.createdAt));
    releaseDue();
    const assignment = routeLead(ctx, lead, null, customers?.ownerOf(lead.id));
    processed += 1;
    if (assignment === null) continue;
    input.onDecision?.({
      leadId: lead.id,
      kind: 'arrival',
      at: ctx.now,
      repId: assignment.repId,
      coOwnerIds: assignment.coOwnerIds,
    });
    chosenByLead?.set(lead.id, assignment.repId);
    if (assignment.outcome === 'pool') pooled += 1;
    else if (assignment.outcome === 'manual') manual += 1;
    if (assignment.repId === null) continue;
    const index = ctx.indexById.get(assignment.repId);
    if (index === undefined) continue;
    const tally = tallies[index];
    if (tally === undefined) continue;
    const value = leadProbability(lead) * fitOf(ctx, index, lead);
    tally.total += 1;
    tally.byGrade[lead.grade ?? 'ungraded'] += 1;
    tally.expectedConversions += value;
    expected += value;
    assigned.push({
      repId: assignment.repId,
      grade: lead.grade,
      day: toLocalTime(lead.createdAt, ctx.utcOffsetMinutes).date,
    });
    own(slot, lead, index, assignment.coOwnerIds);
  }
  if (!cancelled) recycleUntil(Infinity);
  if (!cancelled) input.onProgress?.(processed, total);

  const lastAt = leads[Math.max(0, processed - 1)]?.createdAt ?? startAt;
  // Fair shares as distribution.fairness counts them (each day's leads owed to the reps there that day): start
  // dates and leave do not read as unfair.
  const firstDate = toLocalTime(startAt, ctx.utcOffsetMinutes).date;
  const lastDate = toLocalTime(lastAt, ctx.utcOffsetMinutes).date;
  const availableDays: Record<string, number> = {};
  for (const rep of ctx.reps)
    availableDays[rep.id] = rep.isActive ? countAvailableDays(rep, firstDate, lastDate) : 0;
  // Inactive reps have no available day here, so nothing is owed to them.
  const activeReps = ctx.reps.filter((rep) => rep.isActive);
  const noLastDays = new Map<string, string>();
  const fairness = computeFairness({
    reps: ctx.reps,
    assignments: assigned,
    now: lastAt,
    newRepDays: input.options?.newRepDays ?? 90,
    availableDays,
    owed: owedLeadsByRep(activeReps, assigned, noLastDays),
  });
  const perRep: Record<string, ReplayRepFigures> = {};
  ctx.repIds.forEach((id, i) => {
    const tally = tallies[i];
    if (tally !== undefined) perRep[id] = tally;
  });

  let vsActual: ReplayComparisonToActual | null = null;
  if (actual !== undefined && chosenByLead !== null) {
    const actualCounts = new Map<string, number>(ctx.repIds.map((id) => [id, 0]));
    const actualAssigned: { repId: RepId; grade: DistributionLead['grade']; day: string }[] = [];
    let actualExpected = 0;
    for (const lead of leads.slice(0, processed)) {
      if (!(lead.id in actual)) continue;
      const rep = actual[lead.id] ?? null;
      compared += 1;
      if ((chosenByLead.get(lead.id) ?? null) !== rep) changed += 1;
      if (rep === null) continue;
      actualCounts.set(rep, (actualCounts.get(rep) ?? 0) + 1);
      actualAssigned.push({
        repId: rep,
        grade: lead.grade,
        day: toLocalTime(lead.createdAt, ctx.utcOffsetMinutes).date,
      });
      const index = ctx.indexById.get(rep);
      actualExpected +=
        leadProbability(lead) * (index === undefined ? ctx.defaultFit : fitOf(ctx, index, lead));
    }
    const perRepDelta: Record<string, number> = {};
    for (const [id, count] of actualCounts) perRepDelta[id] = (perRep[id]?.total ?? 0) - count;
    const actualFairness = computeFairness({
      reps: ctx.reps,
      assignments: actualAssigned,
      now: lastAt,
      availableDays,
      owed: owedLeadsByRep(activeReps, actualAssigned, noLastDays),
    });
    vsActual = {
      changed,
      compared,
      perRepDelta,
      actualExpectedConversions: actualExpected,
      expectedConversionsDelta: expected - actualExpected,
      actualWorkloadStdDev: actualFairness.workloadStdDev,
      workloadStdDevDelta: fairness.workloadStdDev - actualFairness.workloadStdDev,
    };
  }

  return {
    processed,
    total,
    cancelled,
    perRep,
    pooled,
    manual,
    recycled,
    redistributed,
    workloadStdDev: fairness.workloadStdDev,
    newRepShare: fairness.newRepShare,
    expectedConversions: expected,
    fairness,
    vsActual,
    finalState: exportState(ctx),
  };
}

/**
 * Replays leads through the rules, synchronously. Deterministic for the same input. `isCancelled` is
 * checked every `checkEvery` leads; a cancelled replay returns the figures so far with `cancelled: true`.
 * Leads of an optimal rule are decided one by one here (best expected conversion with room).
 */
export function replayDistribution(input: ReplayInput): ReplayResult {
  const steps = replaySteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** Same as replayDistribution, awaiting `pause()` every `checkEvery` leads so the host can stay responsive and flip a cancel flag. */
export async function replayDistributionAsync(
  input: ReplayInput,
  pause: () => Promise<void>,
): Promise<ReplayResult> {
  const steps = replaySteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await pause();
  }
}
