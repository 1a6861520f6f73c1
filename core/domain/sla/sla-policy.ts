// The follow-up SLA policy (跟进时效): per-grade clocks, where recycled leads go, and the working calendar.
import type { Grade } from '../funnel';
import { GRADES } from '../funnel';
import type { WorkingCalendar } from './working-calendar';
import { CHINA_OFFICE_CALENDAR, checkWorkingCalendar } from './working-calendar';

export type SlaGradeKey = Grade | 'ungraded';
export const SLA_GRADE_KEYS: readonly SlaGradeKey[] = [...GRADES, 'ungraded'];

/**
 * One grade's clocks, in business minutes (time outside working hours does not count).
 * First-contact clocks start at assignment; the follow-up clock starts at the latest contact.
 */
export interface SlaClockRule {
  /** From assignment to the "first contact overdue" reminder. */
  readonly firstContactMinutes: number;
  /** Allowed between follow-ups once contacted; null = no follow-up reminders. */
  readonly followUpMinutes: number | null;
  /** From assignment with no contact to alerting the team lead ("to be recycled"); null = never. */
  readonly escalateAfterMinutes: number | null;
  /** From assignment with no contact to taking the lead back; null = never. */
  readonly recycleAfterMinutes: number | null;
}

/** 'pool': back to the public pool (公海); 'redistribute': hand to another rep right away. */
export type RecycleTarget = 'pool' | 'redistribute';

export interface SlaPolicy {
  readonly grades: Readonly<Record<SlaGradeKey, SlaClockRule>>;
  readonly recycleTarget: RecycleTarget;
  /** null = the clocks never pause (24/7). */
  readonly calendar: WorkingCalendar | null;
}

const HOUR = 60;

/** The common defaults: 24 h to first contact, 48 h escalates, 72 h recycles. */
const STANDARD_RULE: SlaClockRule = {
  firstContactMinutes: 24 * HOUR,
  followUpMinutes: 72 * HOUR,
  escalateAfterMinutes: 48 * HOUR,
  recycleAfterMinutes: 72 * HOUR,
};

/**
 * Defaults. A leads: first contact in 5 minutes (a lead reached in 5 min converts many times better
 * than one reached after 30); the team lead hears after 1 business hour and the lead is taken back
 * after 4, because an A lead left half a day is mostly lost. Follow-up gaps widen as the grade falls.
 * All in business time on a Mon–Fri 9:00–18:00 China calendar.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  grades: {
    A: {
      firstContactMinutes: 5,
      followUpMinutes: 24 * HOUR,
      escalateAfterMinutes: 1 * HOUR,
      recycleAfterMinutes: 4 * HOUR,
    },
    B: { ...STANDARD_RULE, followUpMinutes: 48 * HOUR },
    C: STANDARD_RULE,
    D: { ...STANDARD_RULE, followUpMinutes: 120 * HOUR },
    ungraded: STANDARD_RULE,
  },
  recycleTarget: 'pool',
  calendar: CHINA_OFFICE_CALENDAR,
};

/** The clock rule that applies to a lead of this grade (null grade: 'ungraded'). */
export function selectSlaRule(policy: SlaPolicy, grade: Grade | null): SlaClockRule {
  return policy.grades[grade ?? 'ungraded'];
}

/**
 * Problems with a policy, as short English sentences; empty when it is usable.
 * Checks: whole non-negative minutes; first contact ≤ escalate ≤ recycle where set; a valid calendar.
 */
export function checkSlaPolicy(policy: SlaPolicy): string[] {
  const problems: string[] = [];
  for (const key of SLA_GRADE_KEYS) {
    const rule = policy.grades[key];
    const minutes = [
      rule.firstContactMinutes,
      rule.followUpMinutes,
      rule.escalateAfterMinutes,
      rule.recycleAfterMinutes,
    ];
    if (minutes.some((m) => m !== null && (!Number.isInteger(m) || m < 0))) {
      problems.push(`${key}: minutes must be whole and not negative`);
    }
    const { firstContactMinutes: first, escalateAfterMinutes: escalate, recycleAfterMinutes: recycle } = rule;
    if (escalate !== null && escalate < first)
      problems.push(`${key}: escalation comes before the first-contact reminder`);
    if (recycle !== null && recycle < (escalate ?? first))
      problems.push(`${key}: recycling comes before escalation`);
  }
  if (policy.recycleTarget !== 'pool' && policy.recycleTarget !== 'redistribute') {
    problems.push("recycleTarget must be 'pool' or 'redistribute'");
  }
  if (policy.calendar !== null) problems.push(...checkWorkingCalendar(policy.calendar));
  return problems;
}
