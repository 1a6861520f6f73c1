// Cards for the board, the queue and the pool: a lead's compact fields plus its running SLA clock and next step.
import type { Database } from 'better-sqlite3';
import { GRADES } from '../../domain/funnel';
import { slaDeadline } from '../../domain/sla/due-actions';
import type { SlaPolicy } from '../../domain/sla/sla-policy';
import { listReps } from '../../store/reps';
import { mapNextSteps, toSlaInput, type LeadCardRow } from '../../store/work-leads';
import type { CardSla, WorkCard } from '../work/schemas';

export function mapRepNames(db: Database): Map<string, string> {
  return new Map(listReps(db, { includeInactive: true }).map((rep) => [rep.id as string, rep.name]));
}

/** The clock a card shows; the planned next step counts as a deadline too (it was promised to the customer). */
function cardSlaOf(
  row: LeadCardRow,
  policy: SlaPolicy,
  now: number,
  nextAt: number | null,
): CardSla | null {
  const deadlines = slaDeadline(toSlaInput(row, []), policy);
  if (deadlines === null && (nextAt === null || row.ownerId === null)) return null;
  const finite = (at: number | null) => (at !== null && Number.isFinite(at) ? at : null);
  const candidates = [finite(deadlines?.remindAt ?? null), nextAt].filter((at): at is number => at !== null);
  const dueAt = candidates.length === 0 ? null : Math.min(...candidates);
  const escalateAt = finite(deadlines?.escalateAt ?? null);
  return {
    trigger: deadlines?.trigger ?? 'follow_up',
    dueAt,
    escalateAt,
    recycleAt: finite(deadlines?.recycleAt ?? null),
    isOverdue: dueAt !== null && now >= dueAt,
    isToBeRecycled: escalateAt !== null && now >= escalateAt,
  };
}

export function toWorkCards(
  db: Database,
  rows: readonly LeadCardRow[],
  policy: SlaPolicy,
  now: number,
  repNames: ReadonlyMap<string, string> = mapRepNames(db),
): WorkCard[] {
  const nextSteps = mapNextSteps(
    db,
    rows.filter((row) => row.ownerId !== null).map((row) => row.id),
  );
  return rows.map((row) => {
    const next = nextSteps.get(row.id);
    // A next step planned before the current owner got the lead was someone else's promise.
    const nextAt =
      next !== undefined && (row.assignedAt === null || next.nextAt >= row.assignedAt) ? next.nextAt : null;
    return {
      id: row.id,
      name: row.name,
      company: row.company,
      grade: row.grade,
      score: row.score,
      ownerId: row.ownerId,
      ownerName: row.ownerId === null ? null : (repNames.get(row.ownerId) ?? null),
      stage: row.stage,
      source: row.source,
      sla: row.isHistory ? null : cardSlaOf(row, policy, now, nextAt),
      nextStep: nextAt === null ? null : (next?.nextStep ?? null),
      nextAt,
      lastFollowUpAt: row.lastFollowUpAt,
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
