// Click-through: the leads behind a Dashboard count, found by the same conditions the count used.
import type { Lead } from '../../domain/lead';
import { drillCondition, listDrillLeads } from '../../store/dashboard-drill';
import { rowToLead } from '../../store/leads';
import type { CallContext } from '../call-context';
import { readDistributionSettings } from '../distribution/setup';
import type { DrillInput } from './calls';
import type { DrillCriteria } from './drill-criteria';
import { resolvePeriod } from './period';
import { filterOf } from './rows';

export function listLeadsBehind(ctx: CallContext, input: DrillInput): { total: number; rows: Lead[] } {
  const period = resolvePeriod(input.from, input.to, readDistributionSettings(ctx.db).utcOffsetMinutes);
  const { total, rows } = listDrillLeads(
    ctx.db,
    period,
    filterOf(input),
    { metric: input.metric, grade: input.grade, channel: input.channel, stage: input.stage },
    { offset: input.offset, limit: input.limit },
  );
  return { total, rows: rows.map(rowToLead) };
}

/**
 * The condition on `leads` that selects the leads behind a count: the Leads page's filter when it opens from the
 * Dashboard (the list then holds exactly as many leads as the count said, before any narrowing of its own).
 */
export function drillWhere(ctx: CallContext, criteria: DrillCriteria) {
  const period = resolvePeriod(criteria.from, criteria.to, readDistributionSettings(ctx.db).utcOffsetMinutes);
  return drillCondition(period, filterOf(criteria), {
    metric: criteria.metric,
    grade: criteria.grade,
    channel: criteria.channel,
    stage: criteria.stage,
  });
}
