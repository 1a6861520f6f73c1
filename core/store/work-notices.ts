// Repository reads behind the scheduler's notices: new assignments and answered appeals.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import { qb, selectAll } from './sql';

/** Assignment rows after `afterRowid` that gave a lead to a rep, for "new assignment" notifications. */
export function listAssignmentsAfter(
  db: Database,
  afterRowid: number,
  limit: number,
): {
  rowid: number;
  leadId: string;
  repId: string;
  kind: string;
  reason: string;
  at: number;
  leadName: string;
}[] {
  return selectAll(
    db,
    qb
      .selectFrom('assignments')
      .innerJoin('leads', 'leads.id', 'assignments.lead_id')
      .select([
        sql<number>`assignments.rowid`.as('rowid'),
        'assignments.lead_id',
        'assignments.rep_id',
        'assignments.kind',
        'assignments.reason',
        'assignments.at',
        'leads.name',
      ])
      .where(sql<boolean>`assignments.rowid > ${afterRowid}`)
      .orderBy(sql`assignments.rowid`)
      .limit(limit),
  ).map((row) => ({
    rowid: row.rowid,
    leadId: row.lead_id,
    repId: row.rep_id ?? '',
    kind: row.kind,
    reason: row.reason,
    at: row.at,
    leadName: row.name,
  }));
}

/** Appeals answered (accepted or rejected) in [since, until], with the lead's name. */
export function listAnsweredAppeals(
  db: Database,
  since: number,
  until: number,
): { id: string; leadId: string; repId: string; state: string; reply: string | null; leadName: string }[] {
  return selectAll(
    db,
    qb
      .selectFrom('appeals as a')
      .innerJoin('leads as l', 'l.id', 'a.lead_id')
      .select(['a.id', 'a.lead_id', 'a.rep_id', 'a.state', 'a.reply', 'l.name'])
      .where('a.state', '<>', 'open')
      .where('a.resolved_at', '>=', since)
      .where('a.resolved_at', '<=', until),
  ).map((row) => ({
    id: row.id,
    leadId: row.lead_id,
    repId: row.rep_id,
    state: row.state,
    reply: row.reply,
    leadName: row.name,
  }));
}
