// The period's tables: per source (cost per lead, conversion, revenue, ROI), the funnel flow, and per rep — from
// what the KPI row already read (kpi-part.ts), plus each rep's open load and cap.
import type { Database } from 'better-sqlite3';
import type { FunnelStage } from '../../domain/funnel';
import { isStageKey } from '../../domain/funnel';
import { computeChannels, type ChannelTotals } from '../../domain/kpi/channels';
import { computeFunnelFlow, MAIN_PATH } from '../../domain/kpi/funnel-flow';
import { summarizeResponses, type ResponseFigures } from '../../domain/kpi/response-time';
import type { ArrivalRow, KpiFilter, OwnerClosureRow, ResponseRow } from '../../store/dashboard-kpi';
import type { StageStays } from '../../store/dashboard-stays';
import { readOpenLoads } from '../../store/distribution-state';
import { listReps } from '../../store/reps';
import type { KpiRow } from './schemas';

/** What the KPI row already read for the period: its arrivals, its hand-overs counted, its closures and stays. */
export interface PeriodRows {
  readonly arrivalsNow: readonly ArrivalRow[];
  /** Distinct leads each rep received in the period, by grade then (createReceivedCounter). */
  readonly receivedByGrade: ReadonlyMap<string, GradeCounts>;
  readonly responseByRep: ReadonlyMap<string, ResponseFigures>;
  readonly closuresByOwner: readonly OwnerClosureRow[];
  readonly followUpsByRep: readonly { repId: string; count: number }[];
  readonly stays: readonly StageStays[];
}

function channelTotals(arrivals: readonly ArrivalRow[]): ChannelTotals[] {
  const bySource = new Map<
    string | null,
    { leads: number; costFen: number; won: number; revenueFen: number }
  >();
  for (const row of arrivals) {
    const entry = bySource.get(row.source) ?? { leads: 0, costFen: 0, won: 0, revenueFen: 0 };
    entry.leads += row.arrived;
    entry.costFen += row.costFen;
    entry.won += row.won;
    entry.revenueFen += row.revenueFen;
    bySource.set(row.source, entry);
  }
  return [...bySource].map(([source, totals]) => ({ source, ...totals }));
}

function funnelSteps(arrivals: readonly ArrivalRow[], stayRows: readonly StageStays[]) {
  const furthest = new Map<FunnelStage, number>();
  for (const row of arrivals) {
    const stage = MAIN_PATH[row.furthest];
    if (stage !== undefined) furthest.set(stage, (furthest.get(stage) ?? 0) + row.arrived);
  }
  const stays = new Map<FunnelStage, { count: number; totalMs: number }>();
  for (const row of stayRows) if (isStageKey(row.stage)) stays.set(row.stage, row);
  return computeFunnelFlow({ furthest, stays });
}

export type GradeCounts = Record<'A' | 'B' | 'C' | 'D' | 'ungraded', number>;

/**
 * Distinct leads per rep and grade, of rows added in slices: a lead handed to the same rep twice in the period is one
 * lead received, at the grade of its first hand-over added (listHandOvers reads them in time order).
 */
export interface ReceivedCounter {
  add(rows: readonly ResponseRow[]): void;
  counts(): Map<string, GradeCounts>;
}

/**
 * Repeats are found in an open-addressing table of the (rep, lead) pairs seen, kept as two id lists: sorting 100k
 * hand-overs by lead in SQL cost ~45% of their read, and a Set of joined ids or a Map of lead ids cost ~50 ms, this
 * ~18.
 */
export function createReceivedCounter(): ReceivedCounter {
  return new DistinctPairs();
}

/** A class so that every load runs the same `add`, whose optimised code V8 keeps across loads. */
class DistinctPairs implements ReceivedCounter {
  private readonly byRep = new Map<string, GradeCounts>();
  private readonly pairLeads: string[] = [];
  private readonly pairReps: string[] = [];
  // Pair number + 1 per slot; 0 = empty. Kept at most half full.
  private slots = new Int32Array(1024);

  private slotOf(leadId: string, repId: string): number {
    const { slots, pairLeads, pairReps } = this;
    const mask = slots.length - 1;
    let slot = pairHash(leadId, repId) & mask;
    for (let pair = slots[slot] ?? 0; pair !== 0; pair = slots[slot] ?? 0) {
      if (pairLeads[pair - 1] === leadId && pairReps[pair - 1] === repId) return slot;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  add(rows: readonly ResponseRow[]): void {
    const { pairLeads, pairReps, byRep } = this;
    for (const row of rows) {
      const slot = this.slotOf(row.leadId, row.repId);
      if (this.slots[slot] !== 0) continue;
      pairLeads.push(row.leadId);
      pairReps.push(row.repId);
      this.slots[slot] = pairLeads.length;
      if (2 * pairLeads.length > this.slots.length) {
        this.slots = new Int32Array(2 * this.slots.length);
        for (let i = 0; i < pairLeads.length; i += 1)
          this.slots[this.slotOf(pairLeads[i] ?? '', pairReps[i] ?? '')] = i + 1;
      }
      let counts = byRep.get(row.repId);
      if (counts === undefined) {
        counts = { A: 0, B: 0, C: 0, D: 0, ungraded: 0 };
        byRep.set(row.repId, counts);
      }
      // A switch, not counts[gradeKeyOf(grade)]: a grade read from SQLite is a fresh string, which a keyed store
      // must internalize.
      switch (row.grade as string | null) {
        case 'A':
          counts.A += 1;
          break;
        case 'B':
          counts.B += 1;
          break;
        case 'C':
          counts.C += 1;
          break;
        case 'D':
          counts.D += 1;
          break;
        default:
          counts.ungraded += 1;
      }
    }
  }

  counts(): Map<string, GradeCounts> {
    return this.byRep;
  }
}

/** FNV-1a over the last characters of a lead's and a rep's id (the table compares the ids themselves). */
function pairHash(leadId: string, repId: string): number {
  return fnvOfTail(fnvOfTail(2166136261, leadId, 12), repId, 4) >>> 0;
}

/** `hash` continued by FNV-1a over the last `count` characters of `text`. */
function fnvOfTail(hash: number, text: string, count: number): number {
  let h = hash;
  for (let c = Math.max(0, text.length - count); c < text.length; c += 1)
    h = Math.imul(h ^ text.charCodeAt(c), 16777619);
  return h;
}

export function computePeriodTables(
  db: Database,
  filter: KpiFilter,
  rows: PeriodRows,
): Pick<KpiRow, 'channels' | 'funnel' | 'reps'> {
  const byGrade = rows.receivedByGrade;
  const followUps = new Map(rows.followUpsByRep.map((row) => [row.repId, row.count]));
  const closures = new Map(rows.closuresByOwner.map((row) => [row.repId, row]));
  const loads = readOpenLoads(db);
  const reps = listReps(db, { includeInactive: false })
    .filter(
      (rep) =>
        (filter.tier === undefined || rep.tier === filter.tier) &&
        (filter.repId === undefined || rep.id === filter.repId),
    )
    .map((rep) => {
      const grades = byGrade.get(rep.id) ?? { A: 0, B: 0, C: 0, D: 0, ungraded: 0 };
      const response = rows.responseByRep.get(rep.id) ?? summarizeResponses([]);
      const closed = closures.get(rep.id);
      return {
        repId: rep.id as string,
        name: rep.name,
        tier: rep.tier,
        leadsByGrade: grades,
        leads: grades.A + grades.B + grades.C + grades.D + grades.ungraded,
        openLoad: loads[rep.id] ?? 0,
        cap: rep.capOpen,
        responseMedianMinutes: response.medianMinutes,
        withinTarget: response.withinTarget,
        followUps: followUps.get(rep.id) ?? 0,
        closed: closed?.closed ?? 0,
        won: closed?.won ?? 0,
        conversion: closed === undefined || closed.closed === 0 ? null : closed.won / closed.closed,
        revenueFen: closed?.revenueFen ?? 0,
      };
    });
  return {
    channels: computeChannels(channelTotals(rows.arrivalsNow)),
    funnel: funnelSteps(rows.arrivalsNow, rows.stays),
    reps,
  };
}
