// Handlers of the dashboard calls: read-only figures for a period of local days (team lead only).
import { DAY_MS } from '../../domain/clock';
import {
  countClosedInPeriod,
  countLiveLeadsByStage,
  countNewLeadsByDay,
  countRecyclesInPeriod,
  countWonByOwner,
} from '../../store/dashboard';
import { readOpenLoads } from '../../store/distribution-state';
import { listReps } from '../../store/reps';
import type { HandlersOf } from '../call-context';
import { localDayOf, readDistributionSettings } from '../distribution/setup';
import type { dashboardCalls } from './calls';
import { kpiHandlers } from './kpi-handlers';
import { countOverdue } from './overdue';

export const dashboardHandlers: HandlersOf<typeof dashboardCalls> = {
  ...kpiHandlers,
  'dashboard.summary'(ctx, input) {
    // Local days in the workspace's offset, as distribution.fairness reads the same period.
    const { utcOffsetMinutes } = readDistributionSettings(ctx.db);
    const dayStart = (iso: string) => localDayOf(Date.parse(`${iso}T12:00:00Z`), utcOffsetMinutes).start;
    const from = dayStart(input.from);
    const to = dayStart(input.to) + DAY_MS;

    const byDay = countNewLeadsByDay(ctx.db, from, to, utcOffsetMinutes);
    const newLeadsByDay: { date: string; count: number }[] = [];
    for (let start = from; start < to; start += DAY_MS) {
      const day = Math.floor((start + utcOffsetMinutes * 60_000) / DAY_MS);
      newLeadsByDay.push({ date: localDayOf(start, utcOffsetMinutes).date, count: byDay.get(day) ?? 0 });
    }

    const closed = countClosedInPeriod(ctx.db, from, to);
    const overdue = countOverdue(ctx);
    const loads = readOpenLoads(ctx.db);
    const wonByOwner = countWonByOwner(ctx.db, from, to);
    const reps = listReps(ctx.db, { includeInactive: false })
      .map((rep) => ({
        repId: rep.id as string,
        name: rep.name,
        openLoad: loads[rep.id] ?? 0,
        won: wonByOwner.get(rep.id) ?? 0,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.repId < b.repId ? -1 : 1));

    return {
      from: input.from,
      to: input.to,
      stageCounts: countLiveLeadsByStage(ctx.db),
      newLeads: newLeadsByDay.reduce((sum, day) => sum + day.count, 0),
      won: closed.won,
      lost: closed.lost,
      wonAmountFen: closed.wonAmountFen,
      conversionRate: closed.won + closed.lost === 0 ? null : closed.won / (closed.won + closed.lost),
      overdueFirstContact: overdue.firstContact,
      overdueFollowUp: overdue.followUp,
      recycled: countRecyclesInPeriod(ctx.db, from, to),
      reps,
      newLeadsByDay,
    };
  },
};
