// "Now", whatever period is chosen: leads per stage, overdue clocks, and capacity (open load against caps per rep
// and tier, and how many days the free room lasts at the current inflow).
import { DAY_MS } from '../../domain/clock';
import { isOpenStage, isStageKey, type FunnelStage } from '../../domain/funnel';
import { REP_TIERS, type RepTier } from '../../domain/rep';
import type { KpiFilter } from '../../store/dashboard-kpi';
import { readOpenLoads } from '../../store/distribution-state';
import { countLiveLeadsPerStageSummed } from '../../store/dashboard';
import { countLiveLeadsCreated } from '../../store/now-counts';
import { listReps } from '../../store/reps';
import type { CallContext } from '../call-context';
import { localDayOf, readDistributionSettings } from '../distribution/setup';
import { countOverdue } from './overdue';
import type { DashboardNow } from './schemas';

/** Inflow is the mean of this many whole local days before today. */
export const INFLOW_DAYS = 30;

export function computeNow(ctx: CallContext, filter: KpiFilter): DashboardNow {
  const { db } = ctx;
  const { utcOffsetMinutes } = readDistributionSettings(db);
  const openByStage: Partial<Record<FunnelStage, number>> = {};
  const stageCounts: Partial<Record<FunnelStage, number>> = {};
  for (const row of countLiveLeadsPerStageSummed(db, filter)) {
    if (!isStageKey(row.stage)) continue;
    stageCounts[row.stage] = row.count;
    if (isOpenStage(row.stage)) openByStage[row.stage] = row.count;
  }
  const overdue = countOverdue(ctx, filter);

  const loads = readOpenLoads(db);
  const reps = listReps(db, { includeInactive: false })
    .filter(
      (rep) =>
        (filter.tier === undefined || rep.tier === filter.tier) &&
        (filter.repId === undefined || rep.id === filter.repId),
    )
    .map((rep) => ({
      repId: rep.id as string,
      name: rep.name,
      tier: rep.tier,
      openLoad: loads[rep.id] ?? 0,
      cap: rep.capOpen,
    }));
  const tiers = REP_TIERS.flatMap((tier: RepTier) => {
    const mine = reps.filter((rep) => rep.tier === tier);
    if (mine.length === 0) return [];
    return [
      {
        tier,
        reps: mine.length,
        openLoad: mine.reduce((sum, rep) => sum + rep.openLoad, 0),
        cap: mine.reduce((sum, rep) => sum + (rep.cap ?? 0), 0),
        uncappedReps: mine.filter((rep) => rep.cap === null).length,
      },
    ];
  });

  const today = localDayOf(ctx.now, utcOffsetMinutes).start;
  const arrived = countLiveLeadsCreated(db, today - INFLOW_DAYS * DAY_MS, today, filter);
  const inflowPerDay = arrived / INFLOW_DAYS;
  const freeRoom = reps.reduce(
    (sum, rep) => sum + (rep.cap === null ? 0 : Math.max(0, rep.cap - rep.openLoad)),
    0,
  );
  const isUnbounded = reps.some((rep) => rep.cap === null);
  return {
    openByStage,
    stageCounts,
    overdueFirstContact: overdue.firstContact,
    overdueFollowUp: overdue.followUp,
    capacity: {
      reps,
      tiers,
      inflowPerDay,
      freeRoom,
      daysToFill: isUnbounded || inflowPerDay === 0 ? null : freeRoom / inflowPerDay,
    },
  };
}
