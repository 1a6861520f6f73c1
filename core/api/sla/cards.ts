// Cards for the board, the queue and the pool: a lead's compact fields plus its running SLA clock and next step.
import type { Database } from 'better-sqlite3';
import { GRADES } from '../../domain/funnel';
import type { ClockActivity } from '../../domain/sla/due-actions';
import { leadClockAt, type LeadClock } from '../../domain/sla/lead-clock';
import type { SlaPolicy } from '../../domain/sla/sla-policy';
import { mapOpenActivities, type ActivityRecord } from '../../store/activities';
import { listReps } from '../../store/reps';
import type { LeadCardRow } from '../../store/work-leads';
import type { CardSla, WorkCard } from '../work/schemas';

export function mapRepNames(db: Database): Map<string, string> {
  return new Map(listReps(db, { includeInactive: true }).map((rep) => [rep.id as string, rep.name]));
}

/** The activity as the clock sees it; only the current owner's promise counts. */
export function clockActivityOf(
  row: Pick<LeadCardRow, 'ownerId'>,
  activity: ActivityRecord | undefined,
): ClockActivity | null {
  if (activity === undefined || activity.repId !== row.ownerId) return null;
  return { dueAt: activity.dueAt, scheduledAt: activity.createdAt };
}

/** The one clock model (domain/sla/lead-clock.ts) on a card row. */
export function clockOfRow(
  row: LeadCardRow,
  activity: ActivityRecord | undefined,
  policy: SlaPolicy,
  now: number,
): LeadClock | null {
  return leadClockAt(
    {
      grade: row.grade,
      ownerId: row.ownerId,
      stage: row.stage,
      assignedAt: row.assignedAt,
      firstContactAt: null,
      lastFollowUpAt: row.lastFollowUpAt,
      isHistory: row.isHistory,
      nextActivity: clockActivityOf(row, activity),
    },
    policy,
    now,
  );
}

/** Every row's clock at `now`, with the open activities read once for all of them. */
export function clocksOfRows(
  db: Database,
  rows: readonly LeadCardRow[],
  policy: SlaPolicy,
  now: number,
): { clocks: (LeadClock | null)[]; activities: Map<string, ActivityRecord> } {
  const activities = mapOpenActivities(
    db,
    rows.filter((row) => row.ownerId !== null).map((row) => row.id),
  );
  return { clocks: rows.map((row) => clockOfRow(row, activities.get(row.id), policy, now)), activities };
}

function cardSlaOf(clock: LeadClock | null): CardSla | null {
  if (clock === null) return null;
  return {
    trigger: clock.kind,
    dueAt: clock.dueAt,
    escalateAt: clock.escalateAt,
    recycleAt: clock.recycleAt,
    isOverdue: clock.isOverdue,
    isToBeRecycled: clock.isToBeRecycled,
  };
}

export function toWorkCards(
  db: Database,
  rows: readonly LeadCardRow[],
  policy: SlaPolicy,
  now: number,
  repNames: ReadonlyMap<string, string> = mapRepNames(db),
): WorkCard[] {
  const { clocks, activities } = clocksOfRows(db, rows, policy, now);
  return rows.map((row, i) => {
    const activity = activities.get(row.id);
    const next = clockActivityOf(row, activity) === null ? undefined : activity;
    return {
      id: row.id,
      // A lead may have a company and no person's name yet: the card is titled by the company.
      name: row.name.trim() === '' ? (row.company ?? '') : row.name,
      company: row.company,
      phone: row.phone,
      email: row.email,
      grade: row.grade,
      score: row.score,
      ownerId: row.ownerId,
      ownerName: row.ownerId === null ? null : (repNames.get(row.ownerId) ?? null),
      stage: row.stage,
      source: row.source,
      sla: cardSlaOf(clocks[i] ?? null),
      nextActivityId: next?.id ?? null,
      nextKind: next?.kind ?? null,
      nextStep: next?.title ?? null,
      nextAt: next?.dueAt ?? null,
      lastFollowUpAt: row.lastFollowUpAt,
      stageChangedAt: row.stageChangedAt,
    };
  });
}

const GRADE_RANK = new Map<string, number>(GRADES.map((grade, i) => [grade, i]));

/** What to do next: overdue first, then the soonest due, then the better grade, then the higher score. */
export function compareQueueCards(a: WorkCard, b: WorkCard): number {
  const overdue = Number(b.sla?.isOverdue ?? false) - Number(a.sla?.isOverdue ?? false);
  if (overdue !== 0) return overdue;
  const dueA = a.sla?.dueAt ?? Number.POSITIVE_INFINITY;
  const dueB = b.sla?.dueAt ?? Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  const gradeA = GRADE_RANK.get(a.grade ?? '') ?? GRADES.length;
  const gradeB = GRADE_RANK.get(b.grade ?? '') ?? GRADES.length;
  if (gradeA !== gradeB) return gradeA - gradeB;
  return (b.score ?? -1) - (a.score ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
