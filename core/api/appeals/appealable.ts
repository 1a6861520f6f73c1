// Which hand-over of a lead a rep may appeal: one that gave the lead to them, or one that took it from them (not
// their own return of it to the pool). appeals.raise holds to it, and a lead's detail (leads.get) says where the rep
// stands, so the drawer offers an appeal only where the hub would take one.
import type { Database } from 'better-sqlite3';
import { findOpenAppeal } from '../../store/appeals';
import type { AssignmentRecord } from '../../store/assignments';
import { findLatestAssignment } from '../../store/distribution-state';
import { fromRepOf } from '../distribution/assignment-view';

/** A rep's own return of the lead to the pool (pool.release records the reason 'released'). */
function isRelease(assignment: AssignmentRecord): boolean {
  const explanation = assignment.explanation;
  return (
    typeof explanation === 'object' &&
    explanation !== null &&
    (explanation as { reason?: unknown }).reason === 'released'
  );
}

export function isAppealableBy(assignment: AssignmentRecord, repId: string): boolean {
  return assignment.repId === repId || (fromRepOf(assignment) === repId && !isRelease(assignment));
}

/** none: nothing of theirs to appeal; open: they may appeal its latest hand-over; pending: theirs awaits the team lead. */
export type AppealState = 'none' | 'open' | 'pending';

export function appealStateOf(db: Database, leadId: string, repId: string): AppealState {
  const latest = findLatestAssignment(db, leadId);
  if (latest === undefined || !isAppealableBy(latest, repId)) return 'none';
  return findOpenAppeal(db, latest.id, repId) === undefined ? 'open' : 'pending';
}
