// Click-through: the leads behind a Dashboard count, found by the same conditions the count used.
import type { Lead } from '../../domain/lead';
import { drillCondition, listDrillLeads, type DrillQuery } from '../../store/dashboard-drill';
import { rowToLead } from '../../store/leads';
import type { CallContext } from '../call-context';
import { readDistributionSettings } from '../distribution/setup';
import type { DrillInput } from './calls';
import { readResponseBucketLeads } from './drill-buckets';
import { overdueLeadIds } from './overdue';
import type { DrillCriteria } from './drill-criteria';
import { resolvePeriod } from './period';
import { filterOf } from './rows';

/** The store's drill for the criteria; a response-time bucket's leads are found here, by the domain's judgement. */
function drillQueryOf(ctx: CallContext, criteria: DrillCriteria): DrillQuery {
  const { metric, grade, channel, stage, bucket } = criteria;
  if (metric === 'overdue_first_contact' || metric === 'overdue_follow_up') {
    const clock = metric === 'overdue_first_contact' ? 'first_contact' : 'follow_up';
    return { metric, leadIds: overdueLeadIds(ctx, filterOf(criteria), clock) };
  }
  if (metric !== 'response_bucket') return { metric, grade, channel, stage };
  // Without a bucket the criteria name no hand-overs: nothing opens.
  const leadIds = bucket === undefined ? [] : (readResponseBucketLeads(ctx, criteria)[bucket]?.leadIds ?? []);
  return { metric, grade, channel, leadIds: [...leadIds] };
}

export function listLeadsBehind(ctx: CallContext, input: DrillInput): { total: number; rows: Lead[] } {
  const period = resolvePeriod(input.from, input.to, readDistributionSettings(ctx.db).utcOffsetMinutes);
  const { total, rows } = listDrillLeads(ctx.db, period, filterOf(input), drillQueryOf(ctx, input), {
    offset: input.offset,
    limit: input.limit,
  });
  return { total, rows: rows.map(rowToLead) };
}

/**
 * The condition on `leads` that selects the leads behind a count: the Leads page's filter when it opens from the
 * Dashboard (the list then holds exactly as many leads as the count said, before any narrowing of its own).
 */
export function drillWhere(ctx: CallContext, criteria: DrillCriteria) {
  const period = resolvePeriod(criteria.from, criteria.to, readDistributionSettings(ctx.db).utcOffsetMinutes);
  return drillCondition(period, filterOf(criteria), drillQueryOf(ctx, criteria));
}
