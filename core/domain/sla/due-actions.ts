// SLA clocks per lead: which reminders, escalations and recycles are due now, and which leads have gone stale.
import { DAY_MS, MINUTE_MS } from '../clock';
import type { FunnelStage, Grade } from '../funnel';
import { isOpenStage } from '../funnel';
import type { LeadId, RepId } from '../ids';
import type { RecycleTarget, SlaClockRule, SlaGradeKey, SlaPolicy } from './sla-policy';
import { SLA_GRADE_KEYS, selectSlaRule } from './sla-policy';
import { addBusinessMs } from './working-calendar';

export type SlaActionKind = 'remind' | 'escalate' | 'recycle';
/** Which clock an action belongs to: first contact after assignment, or the gap between follow-ups. */
export type SlaTrigger = 'first_contact' | 'follow_up';

/** An action the caller already carried out; its identity is (kind, trigger, clockStart). */
export interface SlaAppliedAction {
  readonly kind: SlaActionKind;
  readonly trigger: SlaTrigger;
  readonly clockStart: number;
}

/** What the SLA engine needs to know about a lead. Times are epoch ms. */
export interface SlaLeadInput {
  readonly id: LeadId;
  readonly grade: Grade | null;
  readonly ownerId: RepId | null;
  readonly stage: FunnelStage;
  /** When the current owner got the lead; null = not on a clock. */
  readonly assignedAt: number | null;
  readonly firstContactAt: number | null;
  readonly lastFollowUpAt: number | null;
  readonly isHistory: boolean;
  /** SLA actions already applied to this lead (any assignment); each is emitted once. */
  readonly appliedActions: readonly SlaAppliedAction[];
  /** Last stage change, counted as progress by `staleLeads`. */
  readonly stageChangedAt?: number | null;
  /** The owner's open scheduled next activity; a timed one replaces the follow-up gap (see lead-clock.ts). */
  readonly nextActivity?: ClockActivity | null;
}

/** The owner's open scheduled activity on a lead (its next step), as clocks need it. Epoch ms. */
export interface ClockActivity {
  /** null = a next step written down without a time: it runs no clock. */
  readonly dueAt: number | null;
  /** When it was scheduled: one scheduled before the current assignment was someone else's promise. */
  readonly scheduledAt: number;
}

/** The facts of a lead that decide its deadlines. */
export type SlaClockFacts = Pick<
  SlaLeadInput,
  'grade' | 'stage' | 'assignedAt' | 'firstContactAt' | 'lastFollowUpAt' | 'isHistory'
> & { readonly ownerId: string | null };

/** True when the owner scheduled a timed activity since getting the lead: it, not the follow-up gap, is due. */
export function hasOwnTimedActivity(
  activity: ClockActivity | null | undefined,
  assignedAt: number,
): activity is ClockActivity & { dueAt: number } {
  return activity != null && activity.dueAt !== null && activity.scheduledAt >= assignedAt;
}

interface SlaActionBase {
  readonly leadId: LeadId;
  /** The owner whose clock ran out. */
  readonly repId: RepId;
  /** When the action became due (epoch ms, ≤ now). */
  readonly dueAt: number;
  readonly trigger: SlaTrigger;
  /** Start of the clock: the assignment time, or the latest contact for follow-up reminders. */
  readonly clockStart: number;
  readonly grade: SlaGradeKey;
  /** The business-minute limit that ran out, for a localized message. */
  readonly limitMinutes: number;
  /** A short English sentence; `kind`, `trigger`, `grade` and `limitMinutes` carry the same for translation. */
  readonly reason: string;
}

export interface SlaRemindAction extends SlaActionBase {
  readonly kind: 'remind';
}

/** Tells the team lead; the lead is marked "to be recycled". */
export interface SlaEscalateAction extends SlaActionBase {
  readonly kind: 'escalate';
}

export interface SlaRecycleAction extends SlaActionBase {
  readonly kind: 'recycle';
  /** The previous owner: must never get this lead back from the recycle. */
  readonly excludeRepId: RepId;
  readonly target: RecycleTarget;
}

export type SlaAction = SlaRemindAction | SlaEscalateAction | SlaRecycleAction;

/** The deadlines of a lead's running clock, for countdowns in the UI. */
export interface SlaDeadlines {
  readonly trigger: SlaTrigger;
  readonly clockStart: number;
  readonly grade: SlaGradeKey;
  /** Epoch ms; null where the policy turns that step off. Infinity when the calendar never opens. */
  readonly remindAt: number | null;
  readonly escalateAt: number | null;
  readonly recycleAt: number | null;
}

const SEVERITY: Readonly<Record<SlaActionKind, number>> = { remind: 1, escalate: 2, recycle: 3 };

/** A stable string identity for storing applied actions: `kind:trigger:clockStart`. */
export function slaActionKey(action: SlaAppliedAction): string {
  return `${action.kind}:${action.trigger}:${action.clockStart}`;
}

function isOnClock<T extends SlaClockFacts>(
  lead: T,
): lead is T & { ownerId: NonNullable<T['ownerId']>; assignedAt: number } {
  return !lead.isHistory && lead.ownerId !== null && lead.assignedAt !== null && isOpenStage(lead.stage);
}

/** Latest contact made under the current assignment; contacts before it belong to a previous owner. */
function latestContactSince(lead: SlaClockFacts, assignedAt: number): number | null {
  const first =
    lead.firstContactAt !== null && lead.firstContactAt >= assignedAt ? lead.firstContactAt : null;
  const last = lead.lastFollowUpAt !== null && lead.lastFollowUpAt >= assignedAt ? lead.lastFollowUpAt : null;
  if (first === null) return last;
  return last === null || first > last ? first : last;
}

/**
 * The clock a lead is on now and its deadlines; null for history, closed, nurture or unowned leads,
 * and for contacted leads when the policy has no follow-up clock for their grade.
 * Uncontacted: remind/escalate/recycle counted from assignment. Contacted: one follow-up reminder.
 */
export function slaDeadline(lead: SlaClockFacts, policy: SlaPolicy): SlaDeadlines | null {
  if (!isOnClock(lead)) return null;
  const rule = selectSlaRule(policy, lead.grade);
  const grade: SlaGradeKey = lead.grade ?? 'ungraded';
  const contact = latestContactSince(lead, lead.assignedAt);
  const deadline = (start: number, minutes: number | null): number | null =>
    minutes === null ? null : addBusinessMs(start, minutes * MINUTE_MS, policy.calendar);
  if (contact !== null) {
    if (rule.followUpMinutes === null) return null;
    const remindAt = deadline(contact, rule.followUpMinutes);
    return { trigger: 'follow_up', clockStart: contact, grade, remindAt, escalateAt: null, recycleAt: null };
  }
  const start = lead.assignedAt;
  return {
    trigger: 'first_contact',
    clockStart: start,
    grade,
    remindAt: deadline(start, rule.firstContactMinutes),
    escalateAt: deadline(start, rule.escalateAfterMinutes),
    recycleAt: deadline(start, rule.recycleAfterMinutes),
  };
}

/**
 * The SLA actions due at `now`, sorted by dueAt then leadId.
 * Invariants: an action is due exactly when now ≥ its deadline (one ms before: nothing); per clock
 * only the most severe due step is emitted, and only if nothing as severe was applied to that clock
 * (catching up after a weekend recycles without a stale reminder first); history, closed, nurture
 * and unowned leads get nothing; a recycle always names the previous owner in `excludeRepId`.
 */
export function dueActions(now: number, leads: readonly SlaLeadInput[], policy: SlaPolicy): SlaAction[] {
  const reasons = describeAll(policy);
  const calendar = policy.calendar;
  const actions: SlaAction[] = [];
  for (const lead of leads) {
    if (!isOnClock(lead)) continue;
    const grade: SlaGradeKey = lead.grade ?? 'ungraded';
    const rule = policy.grades[grade];
    const contact = latestContactSince(lead, lead.assignedAt);
    // A scheduled activity replaces the follow-up gap: its own reminder fires at its due time instead.
    if (contact !== null && hasOwnTimedActivity(lead.nextActivity, lead.assignedAt)) continue;
    let kind: SlaActionKind | null = null;
    let dueAt = 0;
    let limitMinutes = 0;
    const trigger: SlaTrigger = contact === null ? 'first_contact' : 'follow_up';
    const clockStart = contact ?? lead.assignedAt;
    // Most severe step first; business time never runs faster than wall time, so a clock younger
    // than a step's limit skips the calendar walk for that step.
    for (const step of trigger === 'first_contact' ? FIRST_CONTACT_STEPS : FOLLOW_UP_STEPS) {
      const minutes = rule[step.limit];
      if (minutes === null || now < clockStart + minutes * MINUTE_MS) continue;
      const at = addBusinessMs(clockStart, minutes * MINUTE_MS, calendar);
      if (at > now) continue;
      kind = step.kind;
      dueAt = at;
      limitMinutes = minutes;
      break;
    }
    if (kind === null || isApplied(lead.appliedActions, kind, trigger, clockStart)) continue;
    const reason = reasons[grade][trigger === 'follow_up' ? 'followUp' : kind];
    const base = {
      leadId: lead.id,
      repId: lead.ownerId,
      dueAt,
      trigger,
      clockStart,
      grade,
      limitMinutes,
      reason,
    };
    actions.push(
      kind === 'recycle'
        ? { ...base, kind, excludeRepId: lead.ownerId, target: policy.recycleTarget }
        : { ...base, kind },
    );
  }
  return actions.sort(compareActions);
}

interface Step {
  readonly kind: SlaActionKind;
  readonly limit: keyof SlaClockRule;
}

const FIRST_CONTACT_STEPS: readonly Step[] = [
  { kind: 'recycle', limit: 'recycleAfterMinutes' },
  { kind: 'escalate', limit: 'escalateAfterMinutes' },
  { kind: 'remind', limit: 'firstContactMinutes' },
];
const FOLLOW_UP_STEPS: readonly Step[] = [{ kind: 'remind', limit: 'followUpMinutes' }];

function compareActions(a: SlaAction, b: SlaAction): number {
  return a.dueAt - b.dueAt || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0);
}

function isApplied(
  applied: readonly SlaAppliedAction[],
  kind: SlaActionKind,
  trigger: SlaTrigger,
  clockStart: number,
): boolean {
  for (const a of applied) {
    if (a.trigger === trigger && a.clockStart === clockStart && SEVERITY[a.kind] >= SEVERITY[kind])
      return true;
  }
  return false;
}

type Reasons = Readonly<Record<SlaGradeKey, Readonly<Record<SlaActionKind | 'followUp', string>>>>;

/** Every reason text of a policy, built once per call rather than once per action. */
function describeAll(policy: SlaPolicy): Reasons {
  const entries = SLA_GRADE_KEYS.map((grade) => {
    const rule = policy.grades[grade];
    const which = grade === 'ungraded' ? 'ungraded lead' : `grade ${grade} lead`;
    const where = policy.recycleTarget === 'pool' ? 'back to the public pool' : 'to another rep';
    const texts = {
      remind: `No first contact within ${formatMinutes(rule.firstContactMinutes)} of assignment (${which})`,
      escalate: `No first contact ${formatMinutes(rule.escalateAfterMinutes)} after assignment: team lead alerted, to be recycled (${which})`,
      recycle: `No first contact ${formatMinutes(rule.recycleAfterMinutes)} after assignment: recycled ${where} (${which})`,
      followUp: `No follow-up within ${formatMinutes(rule.followUpMinutes)} of the last contact (${which})`,
    };
    return [grade, texts] as const;
  });
  return Object.fromEntries(entries) as Reasons;
}

function formatMinutes(minutes: number | null): string {
  if (minutes === null) return 'never';
  if (minutes % 60 !== 0) return `${minutes} min`;
  return `${minutes / 60} business h`;
}

export interface StaleLead {
  readonly leadId: LeadId;
  readonly repId: RepId;
  /** Epoch ms of the last assignment, contact, follow-up or stage change. */
  readonly lastProgressAt: number;
  /** Whole calendar days since then. */
  readonly idleDays: number;
}

/**
 * Owned, open, non-history leads with no progress for at least `days` calendar days (the weekly
 * stale list), oldest first then by leadId. Progress = assignment, contact, follow-up or stage change.
 */
export function staleLeads(now: number, leads: readonly SlaLeadInput[], days: number): StaleLead[] {
  const threshold = days * DAY_MS;
  const stale: StaleLead[] = [];
  for (const lead of leads) {
    if (lead.isHistory || lead.ownerId === null || !isOpenStage(lead.stage)) continue;
    let last: number | null = null;
    for (const at of [
      lead.assignedAt,
      lead.firstContactAt,
      lead.lastFollowUpAt,
      lead.stageChangedAt ?? null,
    ]) {
      if (at !== null && (last === null || at > last)) last = at;
    }
    if (last === null || now - last < threshold) continue;
    stale.push({
      leadId: lead.id,
      repId: lead.ownerId,
      lastProgressAt: last,
      idleDays: Math.floor((now - last) / DAY_MS),
    });
  }
  return stale.sort(
    (a, b) => a.lastProgressAt - b.lastProgressAt || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0),
  );
}
