// Repository for scheduled activities (a lead's next step): at most one open per lead, closed when done, replaced,
// or cleared by "no next step"; read by the agenda, the cards and the scheduler's reminders.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { ActivityKind } from '../domain/sla/agenda';
import type { ActivitiesTable } from './schema';
import { allCompiled, execute, qb, selectAll, selectFirst } from './sql';
import { NOT_OPEN } from './work-leads';

/** Neither done nor closed: the one activity a lead may have open (the partial indexes use the same condition). */
const IS_OPEN = sql<boolean>`activities.done_at IS NULL AND activities.cancelled_at IS NULL`;

export interface ActivityRecord {
  readonly id: string;
  readonly leadId: string;
  /** The rep who promised it (the owner when it was scheduled). */
  readonly repId: string | null;
  readonly kind: ActivityKind;
  readonly title: string | null;
  /** Epoch ms; null = written down without a time. */
  readonly dueAt: number | null;
  readonly followUpId: string | null;
  readonly createdAt: number;
  readonly doneAt: number | null;
  readonly cancelledAt: number | null;
}

const COLUMNS = [
  'activities.id',
  'activities.lead_id',
  'activities.rep_id',
  'activities.kind',
  'activities.title',
  'activities.due_at',
  'activities.follow_up_id',
  'activities.created_at',
  'activities.done_at',
  'activities.cancelled_at',
] as const;

function toRecord(row: ActivitiesTable): ActivityRecord {
  return {
    id: row.id,
    leadId: row.lead_id,
    repId: row.rep_id,
    kind: row.kind as ActivityKind,
    title: row.title,
    dueAt: row.due_at,
    followUpId: row.follow_up_id,
    createdAt: row.created_at,
    doneAt: row.done_at,
    cancelledAt: row.cancelled_at,
  };
}

/** Closes the lead's open activity (replaced, or "no next step"); answers how many were closed (0 or 1). */
export function cancelOpenActivity(db: Database, leadId: string, now: number): number {
  return execute(
    db,
    qb.updateTable('activities').set({ cancelled_at: now }).where('lead_id', '=', leadId).where(IS_OPEN),
  );
}

/** Schedules the lead's next activity, closing the one it replaces first (one open activity per lead). */
export function scheduleActivity(db: Database, record: Omit<ActivityRecord, 'doneAt' | 'cancelledAt'>): void {
  cancelOpenActivity(db, record.leadId, record.createdAt);
  execute(
    db,
    qb.insertInto('activities').values({
      id: record.id,
      lead_id: record.leadId,
      rep_id: record.repId,
      kind: record.kind,
      title: record.title,
      due_at: record.dueAt,
      follow_up_id: record.followUpId,
      created_at: record.createdAt,
    }),
  );
}

export function findActivityById(db: Database, id: string): ActivityRecord | null {
  const row = selectFirst(db, qb.selectFrom('activities').select(COLUMNS).where('id', '=', id));
  return row === undefined ? null : toRecord(row);
}

/** Marks an open activity done; false when it was already closed. */
export function completeActivity(db: Database, id: string, now: number): boolean {
  return (
    execute(db, qb.updateTable('activities').set({ done_at: now }).where('id', '=', id).where(IS_OPEN)) === 1
  );
}

/** One lead's open activity, compiled once: a single card (a claim, a stage move) reads it on every call. */
const OPEN_OF_ONE_LEAD = qb
  .selectFrom('activities')
  .select(COLUMNS)
  .where('lead_id', '=', '')
  .where(IS_OPEN)
  .compile().sql;

const BATCH = 500;
// A full batch's SQL compiled once: the scheduler's tick asks for every clocked lead (100k leads: ~110 batches,
// whose IN lists Kysely took longer to build than SQLite to answer).
const OPEN_OF_A_BATCH = qb
  .selectFrom('activities')
  .select(COLUMNS)
  .where(
    'lead_id',
    'in',
    Array.from({ length: BATCH }, () => ''),
  )
  .where(IS_OPEN)
  .compile().sql;

/** The open activity of each of `leadIds` that has one. */
export function mapOpenActivities(db: Database, leadIds: readonly string[]): Map<string, ActivityRecord> {
  const result = new Map<string, ActivityRecord>();
  if (leadIds.length === 1) {
    for (const row of allCompiled<ActivitiesTable>(db, OPEN_OF_ONE_LEAD, leadIds))
      result.set(row.lead_id, toRecord(row));
    return result;
  }
  for (let i = 0; i < leadIds.length; i += BATCH) {
    const ids = leadIds.slice(i, i + BATCH);
    const rows =
      ids.length === BATCH
        ? allCompiled<ActivitiesTable>(db, OPEN_OF_A_BATCH, ids)
        : selectAll(
            db,
            qb.selectFrom('activities').select(COLUMNS).where('lead_id', 'in', ids).where(IS_OPEN),
          );
    for (const row of rows) result.set(row.lead_id, toRecord(row));
  }
  return result;
}

/** An open activity with the lead it is about, for the agenda and reminders. */
export interface AgendaRow extends ActivityRecord {
  readonly leadName: string;
  readonly company: string | null;
  readonly phone: string | null;
  readonly stage: string;
}

/**
 * Open activities still owed: the lead is live, open and still owned by the rep who scheduled it. `repId`
 * undefined = every rep's. Timed ones due before `before` come first by due time, then the undated ones.
 */
export function listAgendaRows(
  db: Database,
  filter: { readonly repId?: string | undefined; readonly before: number; readonly limit: number },
): AgendaRow[] {
  let query = qb
    .selectFrom('activities')
    .innerJoin('leads', 'leads.id', 'activities.lead_id')
    .select([...COLUMNS, 'leads.name', 'leads.company', 'leads.phone', 'leads.stage'])
    .where(IS_OPEN)
    .whereRef('leads.owner_id', '=', 'activities.rep_id')
    .where('leads.deleted_at', 'is', null)
    .where('leads.is_history', '=', sql.lit(0))
    .where('leads.stage', 'not in', NOT_OPEN);
  if (filter.repId !== undefined) query = query.where('activities.rep_id', '=', filter.repId);
  const timed = selectAll(
    db,
    query
      .where('activities.due_at', '<', filter.before)
      .orderBy('activities.due_at')
      .orderBy('activities.id')
      .limit(filter.limit),
  );
  const undated = selectAll(
    db,
    query
      .where('activities.due_at', 'is', null)
      .orderBy('activities.created_at', 'desc')
      .limit(Math.max(0, filter.limit - timed.length)),
  );
  return [...timed, ...undated].map((row) => ({
    ...toRecord(row),
    leadName: row.name,
    company: row.company,
    phone: row.phone,
    stage: row.stage,
  }));
}

/** Timed open activities owed (as in `listAgendaRows`) that fell due in [since, now]: the reminders to send. */
export function listDueActivities(db: Database, since: number, now: number): AgendaRow[] {
  return listAgendaRows(db, { before: now + 1, limit: 10_000 }).filter(
    (row) => row.dueAt !== null && row.dueAt >= since,
  );
}

/**
 * Demo and imported follow-ups name their next step in the follow-up itself: the latest one per lead that names
 * one becomes the lead's open activity (as migration 10 did for older workspaces). Answers how many were made.
 */
export function scheduleActivitiesFromFollowUps(db: Database, leadIds: readonly string[]): number {
  let made = 0;
  for (let i = 0; i < leadIds.length; i += 500) {
    const chunk = leadIds.slice(i, i + 500);
    const rows = selectAll(
      db,
      qb
        .selectFrom('follow_ups')
        .select(['id', 'lead_id', 'rep_id', 'next_step', 'next_at', 'at'])
        .where('lead_id', 'in', chunk)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc'),
    );
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.lead_id)) continue;
      seen.add(row.lead_id);
      if (row.next_at === null && row.next_step === null) continue;
      scheduleActivity(db, {
        id: `act_${row.id}`,
        leadId: row.lead_id,
        repId: row.rep_id,
        kind: 'call',
        title: row.next_step,
        dueAt: row.next_at,
        followUpId: row.id,
        createdAt: row.at,
      });
      made += 1;
    }
  }
  return made;
}
