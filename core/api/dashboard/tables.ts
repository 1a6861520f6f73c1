// The period's tables: per source (cost per lead, conversion, revenue, ROI), the funnel flow, and per rep.
import type { Database } from 'better-sqlite3';
import type { FunnelStage } from '../../domain/funnel';
import { isStageKey } from '../../domain/funnel';
import { computeChannels, type ChannelTotals } from '../../domain/kpi/channels';
import { computeFunnelFlow, MAIN_PATH } from '../../domain/kpi/funnel-flow';
import { computeResponseTimes } from '../../domain/kpi/response-time';
import {
  countArrivals,
  countAssignmentsByRep,
  countClosuresByOwner,
  countFollowUpsByRep,
  listResponses,
  readFunnelFlow,
  type KpiFilter,
} from '../../store/dashboard-kpi';
import type { KpiPeriod } from '../../store/dashboard-kpi';
import { readOpenLoads } from '../../store/distribution-state';
import { listReps } from '../../store/reps';
import type { CallContext } from '../call-context';
import { readDistributionSettings } from '../distribution/setup';
import { readSlaPolicy } from '../sla/settings';
import type { KpiInput } from './calls';
import { filterOf, gradeKeyOf, toResponseFact } from './kpi-row';
import type { PeriodTables } from './schemas';
import { resolvePeriod } from './period';
import { readKpiTargets } from './targets';

function channelTotals(db: Database, period: KpiPeriod, filter: KpiFilter): ChannelTotals[] {
  const bySource = new Map<
    string | null,
    { leads: number; costFen: number; won: number; revenueFen: number }
  >();
  for (const row of countArrivals(db, period, filter)) {
    const entry = bySource.get(row.source) ?? { leads: 0, costFen: 0, won: 0, revenueFen: 0 };
    entry.leads += row.arrived;
    entry.costFen += row.costFen;
    entry.won += row.won;
    entry.revenueFen += row.revenueFen;
    bySource.set(row.source, entry);
  }
  return [...bySource].map(([source, totals]) => ({ source, ...totals }));
}

function funnelSteps(db: Database, period: KpiPeriod, filter: KpiFilter) {
  const flow = readFunnelFlow(db, period, filter);
  const furthest = new Map<FunnelStage, number>();
  for (const row of flow.furthest) {
    const stage = MAIN_PATH[row.rank];
    if (stage !== undefined) furthest.set(stage, (furthest.get(stage) ?? 0) + row.count);
  }
  const stays = new Map<FunnelStage, { count: number; totalMs: number }>();
  for (const row of flow.stays) if (isStageKey(row.stage)) stays.set(row.stage, row);
  return computeFunnelFlow({ furthest, stays });
}

/** Per source, the funnel flow and per rep for the input's period and filters. */
export function computePeriodTables(ctx: CallContext, input: KpiInput): PeriodTables {
  const { db } = ctx;
  const period = resolvePeriod(input.from, input.to, readDistributionSettings(db).utcOffsetMinutes);
  const filter = filterOf(input);
  const targets = readKpiTargets(db);
  const calendar = readSlaPolicy(db).calendar;

  const responses = new Map<string, ReturnType<typeof toResponseFact>[]>();
  for (const row of listResponses(db, period, filter)) {
    const list = responses.get(row.repId) ?? [];
    list.push(toResponseFact(row));
    responses.set(row.repId, list);
  }
  const byGrade = new Map<string, Record<'A' | 'B' | 'C' | 'D' | 'ungraded', number>>();
  for (const row of countAssignmentsByRep(db, period, filter)) {
    const counts = byGrade.get(row.repId) ?? { A: 0, B: 0, C: 0, D: 0, ungraded: 0 };
    counts[gradeKeyOf(row.grade)] += row.count;
    byGrade.set(row.repId, counts);
  }
  const followUps = new Map(countFollowUpsByRep(db, period, filter).map((row) => [row.repId, row.count]));
  const closures = new Map(countClosuresByOwner(db, period, filter).map((row) => [row.repId, row]));
  const loads = readOpenLoads(db);
  const reps = listReps(db, { includeInactive: false })
    .filter(
      (rep) =>
        (filter.tier === undefined || rep.tier === filter.tier) &&
        (filter.repId === undefined || rep.id === filter.repId),
    )
    .map((rep) => {
      const grades = byGrade.get(rep.id) ?? { A: 0, B: 0, C: 0, D: 0, ungraded: 0 };
      const response = computeResponseTimes(
        responses.get(rep.id) ?? [],
        calendar,
        targets.responseMinutes,
        ctx.now,
      );
      const closed = closures.get(rep.id);
      return {
        repId: rep.id as string,
        name: rep.name,
        tier: rep.tier,
        leadsByGrade: grades,
        leads: grades.A + grades.B + grades.C + grades.D + grades.ungraded,
        openLoad: loads[rep.id] ?? 0,
        cap: rep.capOpen,
        responseMedianMinutes: response.overall.medianMinutes,
        withinTarget: response.overall.withinTarget,
        followUps: followUps.get(rep.id) ?? 0,
        closed: closed?.closed ?? 0,
        won: closed?.won ?? 0,
        conversion: closed === undefined || closed.closed === 0 ? null : closed.won / closed.closed,
        revenueFen: closed?.revenueFen ?? 0,
      };
    });
  return {
    channels: computeChannels(channelTotals(db, period, filter)),
    funnel: funnelSteps(db, period, filter),
    reps,
  };
}
