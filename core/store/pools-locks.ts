// Repository for protection locks (schema version 12): a rep's lock on an owned lead, with an expiry the team
// lead can move; a released or expired lock no longer protects.
import type { Database } from 'better-sqlite3';
import type { LeadLocksTable } from './schema-pool';
import { execute, getCompiled, qb, selectAll, selectFirst } from './sql';
import { NOT_OPEN } from './work-leads';

export interface LeadLock {
  readonly id: string;
  readonly leadId: string;
  readonly repId: string;
  readonly poolId: string;
  readonly lockedAt: number;
  readonly expiresAt: number;
  readonly releasedAt: number | null;
}

function lockOf(row: Omit<LeadLocksTable, 'changed_by'>): LeadLock {
  return {
    id: row.id,
    leadId: row.lead_id,
    repId: row.rep_id,
    poolId: row.pool_id,
    lockedAt: row.locked_at,
    expiresAt: row.expires_at,
    releasedAt: row.released_at,
  };
}

/** The lead's unreleased lock (it may have expired), if any. */
export function findOpenLock(db: Database, leadId: string): LeadLock | null {
  const row = selectFirst(
    db,
    qb.selectFrom('lead_locks').selectAll().where('lead_id', '=', leadId).where('released_at', 'is', null),
  );
  return row === undefined ? null : lockOf(row);
}

/**
 * Locks in force (unreleased, `now < expires_at`) on leads the rep still owns: what their lock cap and the
 * holding cap's "locked apart" count.
 */
export function listActiveLocksOf(db: Database, repId: string, now: number): LeadLock[] {
  return selectAll(
    db,
    qb
      .selectFrom('lead_locks')
      .innerJoin('leads', 'leads.id', 'lead_locks.lead_id')
      .selectAll('lead_locks')
      .where('lead_locks.rep_id', '=', repId)
      .where('lead_locks.released_at', 'is', null)
      .where('lead_locks.expires_at', '>', now)
      .where('leads.owner_id', '=', repId)
      .where('leads.deleted_at', 'is', null)
      .where('leads.stage', 'not in', NOT_OPEN)
      .orderBy('lead_locks.expires_at'),
  ).map(lockOf);
}

const COUNT_ACTIVE_LOCKS = qb
  .selectFrom('lead_locks')
  .innerJoin('leads', 'leads.id', 'lead_locks.lead_id')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('lead_locks.rep_id', '=', '')
  .where('lead_locks.released_at', 'is', null)
  .where('lead_locks.expires_at', '>', 0)
  .whereRef('leads.owner_id', '=', 'lead_locks.rep_id')
  .where('leads.deleted_at', 'is', null)
  .where('leads.stage', 'not in', NOT_OPEN)
  .compile();

/** Locks in force the rep holds, whatever their leads: one index, no join (the join costs ~13 µs a run, this ~1 µs). */
const COUNT_LIVE_LOCK_ROWS = qb
  .selectFrom('lead_locks')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('rep_id', '=', '')
  .where('released_at', 'is', null)
  .where('expires_at', '>', 0)
  .compile().sql;

/** How many locks in force the rep holds on their open leads (as `listActiveLocksOf` counts them). */
export function countActiveLocksOf(db: Database, repId: string, now: number): number {
  // Most reps hold no lock: then the join with their leads (~10 µs on every claim) is not needed.
  if ((getCompiled<{ n: number }>(db, COUNT_LIVE_LOCK_ROWS, [repId, now])?.n ?? 0) === 0) return 0;
  return (
    getCompiled<{ n: number }>(db, COUNT_ACTIVE_LOCKS.sql, [
      repId,
      now,
      ...COUNT_ACTIVE_LOCKS.parameters.slice(2),
    ])?.n ?? 0
  );
}

/** Every lock in force held by its lead's current owner (the team lead's view). */
export function listAllActiveLocks(db: Database, now: number): LeadLock[] {
  return selectAll(
    db,
    qb
      .selectFrom('lead_locks')
      .innerJoin('leads', 'leads.id', 'lead_locks.lead_id')
      .selectAll('lead_locks')
      .where('lead_locks.released_at', 'is', null)
      .where('lead_locks.expires_at', '>', now)
      .whereRef('leads.owner_id', '=', 'lead_locks.rep_id')
      .orderBy('lead_locks.expires_at'),
  ).map(lockOf);
}

/** Lead ids under a lock in force held by their current owner. */
export function listActivelyLockedLeadIds(db: Database, now: number): Set<string> {
  return new Set(
    selectAll(
      db,
      qb
        .selectFrom('lead_locks')
        .innerJoin('leads', 'leads.id', 'lead_locks.lead_id')
        .select('lead_locks.lead_id')
        .where('lead_locks.released_at', 'is', null)
        .where('lead_locks.expires_at', '>', now)
        .whereRef('leads.owner_id', '=', 'lead_locks.rep_id'),
    ).map((row) => row.lead_id),
  );
}

export function insertLock(db: Database, lock: LeadLock & { changedBy: string }): void {
  execute(
    db,
    qb.insertInto('lead_locks').values({
      id: lock.id,
      lead_id: lock.leadId,
      rep_id: lock.repId,
      pool_id: lock.poolId,
      locked_at: lock.lockedAt,
      expires_at: lock.expiresAt,
      released_at: lock.releasedAt,
      changed_by: lock.changedBy,
    }),
  );
}

export function setLockExpiry(db: Database, id: string, expiresAt: number, changedBy: string): void {
  execute(
    db,
    qb.updateTable('lead_locks').set({ expires_at: expiresAt, changed_by: changedBy }).where('id', '=', id),
  );
}

export function releaseLock(db: Database, id: string, at: number, changedBy: string): void {
  execute(
    db,
    qb
      .updateTable('lead_locks')
      .set({ released_at: at, changed_by: changedBy })
      .where('id', '=', id)
      .where('released_at', 'is', null),
  );
}
