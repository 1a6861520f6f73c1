// Click-through to the assignment history: a figure made of hand-overs (a rep's leads received, by grade) opens the
// Transparency page's log on exactly those rows — the rep, grade and period travel in the hash
// (#/transparency?rep=…&grade=…&from=…&to=…), as a Dashboard count's criteria do to the Leads page.
import { GRADES, type Grade } from '../../../../core/domain/funnel';
import { hashParams, isLinkId } from '../../ui/use-location-hash';

export interface AssignmentLogLink {
  readonly repId: string;
  readonly grade: Grade | null;
  /** Local dates, both included. */
  readonly from: string;
  readonly to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function assignmentLogHref({ repId, grade, from, to }: AssignmentLogLink): string {
  const params = new URLSearchParams({ rep: repId, ...(grade === null ? {} : { grade }), from, to });
  return `#/transparency?${params.toString()}`;
}

/** The log's rows a hash names; null when it names none or a part of it is not what it should be. */
export function parseAssignmentLogLink(hash: string): AssignmentLogLink | null {
  const params = hashParams(hash);
  if (params === null) return null;
  const repId = params.get('rep');
  const grade = params.get('grade');
  const from = params.get('from');
  const to = params.get('to');
  if (!isLinkId(repId) || from === null || to === null) return null;
  if (!DATE.test(from) || !DATE.test(to) || from > to) return null;
  if (grade !== null && !(GRADES as readonly string[]).includes(grade)) return null;
  return { repId, grade: grade as Grade | null, from, to };
}
