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
import { gradeKeyOf } from './rows';
import type { KpiRow } from './schemas';

/** What the KPI row already read for the period: its arrivals, its hand-overs counted, its closures and stays. */
export interface PeriodRows {
  readonly arrivalsNow: readonly ArrivalRow[];
  /** Distinct leads each rep received in the period, by grade then (countReceivedByGrade). */
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
 * Distinct leads per rep and grade: a lead handed to the same rep twice in the period is one lead received. Rows
 * grouped by lead (listHandOvers and listResponses read them by lead, then time) are counted in one pass, a repeat being a rep already seen
 * in its lead's run; rows in any other order are counted through a set of (rep, lead) pairs.
 */
export function countReceivedByGrade(rows: readonly ResponseRow[]): Map<string, GradeCounts> {
  const byRep = new Map<string, GradeCounts>();
  const add = (row: ResponseRow) => {
    let counts = byRep.get(row.repId);
    if (counts === undefined) {
      counts = { A: 0, B: 0, C: 0, D: 0, ungraded: 0 };
      byRep.set(row.repId, counts);
    }
    counts[gradeKeyOf(row.grade)] += 1;
  };
  let runLead: string | null = null;
  let runReps: string[] = [];
  let isGrouped = true;
  for (const row of rows) {
    if (row.leadId !== runLead) {
      // Non-decreasing lead ids keep each lead's rows together.
      if (runLead !== null && row.leadId < runLead) {
        isGrouped = false;
        break;
      }
      runLead = row.leadId;
      runReps = [];
    }
    if (!runReps.includes(row.repId)) {
      runReps.push(row.repId);
      add(row);
    }
  }
  if (isGrouped) return byRep;
  byRep.clear();
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.repId}\u0000${row.leadId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    add(row);
  }
  return byRep;
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
