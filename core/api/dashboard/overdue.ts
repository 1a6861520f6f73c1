// Overdue clocks now, by the one clock model the board, queue and scheduler use: first contact, and follow-up
// (the follow-up gap or a scheduled activity past its time), for the leads a Dashboard filter covers.
import type { SlaClockRule, SlaGradeKey, SlaPolicy } from '../../domain/sla/sla-policy';
import { latestOverdueStart } from '../../domain/sla/overdue-threshold';
import {
  countOverdueClocks,
  listOverdueLeadIds,
  type OverdueThresholds,
  type StartThresholds,
} from '../../store/now-counts';
import type { CallContext } from '../call-context';
import { readSlaPolicy } from '../sla/settings';

/** Which owned, open leads count: all, or an owner, the owners of one tier, a source. */
export interface OverdueFilter {
  readonly repId?: string | undefined;
  readonly tier?: string | undefined;
  readonly source?: string | undefined;
}

/** Per grade, the latest start of a clock with this limit that is overdue at `now` (null: none, or no clock). */
function thresholdsOf(
  policy: SlaPolicy,
  limit: (rule: SlaClockRule) => number | null,
  now: number,
): StartThresholds {
  const at = (grade: SlaGradeKey): number | null => {
    const minutes = limit(policy.grades[grade]);
    return minutes === null ? null : latestOverdueStart(minutes, policy.calendar, now);
  };
  return { A: at('A'), B: at('B'), C: at('C'), D: at('D'), ungraded: at('ungraded') };
}

/**
 * The overdue first-contact and follow-up clocks (a scheduled activity past its time counts as follow-up), exactly
 * as the cards' clocks (clocksOfRows) would count them, without walking the calendar once per lead: a clock is
 * overdue when its start is at or before the latest start already due for its grade and limit.
 */
export function countOverdue(
  ctx: CallContext,
  filter: OverdueFilter = {},
): { firstContact: number; followUp: number } {
  return countOverdueClocks(ctx.db, overdueThresholds(ctx), ctx.now, scopeOf(filter));
}

/** The leads behind one of countOverdue's counts (the Dashboard's click-through), by the same test. */
export function overdueLeadIds(
  ctx: CallContext,
  filter: OverdueFilter,
  clock: 'first_contact' | 'follow_up',
): string[] {
  return listOverdueLeadIds(ctx.db, overdueThresholds(ctx), ctx.now, scopeOf(filter), clock);
}

function overdueThresholds(ctx: CallContext): OverdueThresholds {
  const policy = readSlaPolicy(ctx.db);
  return {
    firstContact: thresholdsOf(policy, (rule) => rule.firstContactMinutes, ctx.now),
    followUp: thresholdsOf(policy, (rule) => rule.followUpMinutes, ctx.now),
  };
}

function scopeOf(filter: OverdueFilter) {
  return { owner: filter.repId, tier: filter.tier, source: filter.source };
}
