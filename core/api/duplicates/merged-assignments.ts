// A lead's assignment history including the leads merged into it: merging never rewrites assignments.
import type { Database } from 'better-sqlite3';
import { listAssignmentsForLead, type AssignmentRecord } from '../../store/assignments';
import { listLeadsMergedInto } from '../../store/lead-merges';

/** A lead's assignments and those of every lead merged into it, oldest first (the history stays append-only). */
export function listAssignmentsWithMerged(db: Database, leadId: string): AssignmentRecord[] {
  const merged = listLeadsMergedInto(db, leadId);
  if (merged.length === 0) return listAssignmentsForLead(db, leadId);
  return [leadId, ...merged]
    .flatMap((id) => listAssignmentsForLead(db, id))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
