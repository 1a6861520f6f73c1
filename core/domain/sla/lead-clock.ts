// The one clock model: for a lead at an instant, which clock runs (first contact, a scheduled activity, or the
// follow-up gap), when it is due and whether it is overdue. Every view that says "overdue" asks this.
import { isOpenStage } from '../funnel';
import { hasOwnTimedActivity, slaDeadline, type ClockActivity, type SlaClockFacts } from './due-actions';
import type { SlaGradeKey, SlaPolicy } from './sla-policy';

/**
 * 'first_contact': assigned and not yet contacted by the owner; 'next_activity': contacted, and the owner scheduled
 * the next activity with a time; 'follow_up': contacted, nothing scheduled, the policy's follow-up gap runs.
 */
export type LeadClockKind = 'first_contact' | 'next_activity' | 'follow_up';

/** What the clock needs to know about a lead. Times are epoch ms. */
export type ClockLeadInput = SlaClockFacts & { readonly nextActivity?: ClockActivity | null };

export interface LeadClock {
  readonly kind: LeadClockKind;
  readonly grade: SlaGradeKey;
  /** Assignment, latest contact, or when the activity was scheduled. */
  readonly clockStart: number;
  /** When the running clock is due; null when the calendar never opens or the step is turned off. */
  readonly dueAt: number | null;
  /** First-contact clocks only: the team lead is alerted and the lead is marked to be recycled. */
  readonly escalateAt: number | null;
  readonly recycleAt: number | null;
  readonly isOverdue: boolean;
  readonly isToBeRecycled: boolean;
}

function finite(at: number | null): number | null {
  return at !== null && Number.isFinite(at) ? at : null;
}

/** Whether any clock may run: owned, live (not history) and in a working stage. Won, lost and nurture carry none. */
export function isClockable(lead: Pick<ClockLeadInput, 'ownerId' | 'isHistory' | 'stage'>): boolean {
  return lead.ownerId !== null && !lead.isHistory && isOpenStage(lead.stage);
}

/**
 * The clock running on `lead` at `now`, or null (closed, nurture, history, unowned, or no clock in the policy).
 * Invariants: isOverdue ⇔ dueAt ≠ null ∧ now ≥ dueAt; a closed or nurture lead never has a clock; while the owner
 * has not made contact the first-contact clock runs whatever is scheduled; once contacted, a timed activity the
 * owner scheduled after getting the lead replaces the follow-up gap, and without one the gap runs.
 */
export function leadClockAt(lead: ClockLeadInput, policy: SlaPolicy, now: number): LeadClock | null {
  if (!isClockable(lead) || lead.assignedAt === null) return null;
  const deadlines = slaDeadline(lead, policy);
  const grade: SlaGradeKey = lead.grade ?? 'ungraded';
  const activity = lead.nextActivity ?? null;
  const isContacted = deadlines === null || deadlines.trigger === 'follow_up';
  if (isContacted && hasOwnTimedActivity(activity, lead.assignedAt)) {
    return {
      kind: 'next_activity',
      grade,
      clockStart: activity.scheduledAt,
      dueAt: activity.dueAt,
      escalateAt: null,
      recycleAt: null,
      isOverdue: now >= activity.dueAt,
      isToBeRecycled: false,
    };
  }
  if (deadlines === null) return null;
  const dueAt = finite(deadlines.remindAt);
  const escalateAt = finite(deadlines.escalateAt);
  return {
    kind: deadlines.trigger,
    grade,
    clockStart: deadlines.clockStart,
    dueAt,
    escalateAt,
    recycleAt: finite(deadlines.recycleAt),
    isOverdue: dueAt !== null && now >= dueAt,
    isToBeRecycled: escalateAt !== null && now >= escalateAt,
  };
}
