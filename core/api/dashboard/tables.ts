// The period's tables: per source (cost per lead, conversion, revenue, ROI), the funnel flow, and per rep — from
// what the KPI row already read (kpi-part.ts), plus each rep's open load and cap.
import type { Database } from 'better-sqlite3';
import type { FunnelStage } from '../../domain/funnel';
import { isStageKey } from '../../domain/funnel';
import { computeChannels, type ChannelTotals } from '../../domain/kpi/channels';
import { computeFunnelFlow, MAIN_PATH } from '../../domain/kpi/funnel-flow';
import { summarizeResponses, type ResponseFigures } from '../../domain/kpi/response-time';
import type { ArrivalRow } from '../../store/arrival-days';
import type { KpiFilter, OwnerClosureRow, ResponseRow } from '../../store/dashboard-kpi';
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
 * lead received, at the grade of the pair's first hand-over in the period (by time, then insertion).
 */
export interface ReceivedCounter {
  add(rows: readonly ReceivedRow[]): void;
  counts(): Map<string, GradeCounts>;
}

/** A hand-over in the period, with when its rep was last handed its lead before it (null: never). */
export type ReceivedRow = Pick<ResponseRow, 'repId' | 'grade'> & { readonly prevPairAt: number | null };

/**
 * Counts the pairs' first hand-overs in the period starting at `from`: those whose previous one for the pair is
 * before `from`, or none (assignments.prev_pair_at, kept on write). No table of the period's pairs is built: with one
 * (an open-addressing table of 100k pairs) counting took ~50 ms a Dashboard load of the bench, this ~1.
 */
export function createReceivedCounter(from: number): ReceivedCounter {
  return new FirstHandOvers(from);
}

/** A class so that every load runs the same `add`, whose optimised code V8 keeps across loads. */
class FirstHandOvers implements ReceivedCounter {
  private readonly byRep = new Map<string, GradeCounts>();

  constructor(private readonly from: number) {}

  add(rows: readonly ReceivedRow[]): void {
    const { byRep, from } = this;
    for (const row of rows) {
      if (row.prevPairAt !== null && row.prevPairAt >= from) continue;
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
