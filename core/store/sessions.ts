// Repository for sessions and sign-in lockouts: tokens are stored only as their SHA-256 hashes.
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import { execute, getCompiled, qb, selectAll, selectFirst } from './sql';

export interface SessionRow {
  readonly tokenHash: string;
  /** 'lead' or 'rep:<id>'. */
  readonly person: string;
  readonly deviceId: string | null;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  readonly expiresAt: number;
  readonly revokedAt: number | null;
}

export function insertSession(db: Database, row: Omit<SessionRow, 'revokedAt'>): void {
  execute(
    db,
    qb.insertInto('sessions').values({
      token_hash: row.tokenHash,
      person: row.person,
      device_id: row.deviceId,
      created_at: row.createdAt,
      last_seen_at: row.lastSeenAt,
      expires_at: row.expiresAt,
      revoked_at: null,
      revoked_reason: null,
    }),
  );
}

export function findSession(db: Database, tokenHash: string): SessionRow | undefined {
  const row = selectFirst(db, qb.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash));
  return row
    ? {
        tokenHash: row.token_hash,
        person: row.person,
        deviceId: row.device_id,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
      }
    : undefined;
}

const SESSION_WITH_REP = qb
  .selectFrom('sessions')
  // A rep's session names 'rep:<id>': its rep joined by primary key ('lead' matches no rep).
  .leftJoin('reps', (join) => join.on('reps.id', '=', sql<string>`substr(sessions.person, 5)`))
  .select([
    'sessions.person',
    'sessions.device_id',
    'sessions.last_seen_at',
    'sessions.expires_at',
    'sessions.revoked_at',
    'reps.id as rep_id',
    'reps.name as rep_name',
    'reps.is_active as rep_is_active',
  ])
  .where('sessions.token_hash', '=', '')
  .compile();

export interface SessionWithRep extends Omit<SessionRow, 'tokenHash' | 'createdAt'> {
  /** The rep a 'rep:<id>' session belongs to, while that rep exists. */
  readonly rep: { readonly id: string; readonly name: string; readonly isActive: boolean } | null;
}

/**
 * The session behind a token hash and, for a rep's, the rep: one statement compiled once, since every call of every
 * transport resolves its session (two per call showed in the pool-claim profile, run outside the call's transaction).
 */
export function findSessionWithRep(db: Database, tokenHash: string): SessionWithRep | undefined {
  const row = getCompiled<{
    person: string;
    device_id: string | null;
    last_seen_at: number;
    expires_at: number;
    revoked_at: number | null;
    rep_id: string | null;
    rep_name: string | null;
    rep_is_active: number | null;
  }>(db, SESSION_WITH_REP.sql, [tokenHash]);
  if (row === undefined) return undefined;
  return {
    person: row.person,
    deviceId: row.device_id,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    rep:
      row.rep_id === null || row.rep_name === null
        ? null
        : { id: row.rep_id, name: row.rep_name, isActive: row.rep_is_active === 1 },
  };
}

export function touchSession(db: Database, tokenHash: string, at: number): void {
  execute(db, qb.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash));
}

/** Revokes the live sessions chosen; returns their token hashes so open connections can be closed. */
export function revokeSessions(
  db: Database,
  which: { readonly tokenHash?: string; readonly person?: string; readonly deviceId?: string },
  at: number,
  reason: string,
  exceptTokenHash?: string,
): string[] {
  let select = qb.selectFrom('sessions').select('token_hash').where('revoked_at', 'is', null);
  let update = qb
    .updateTable('sessions')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('revoked_at', 'is', null);
  if (which.tokenHash !== undefined) {
    select = select.where('token_hash', '=', which.tokenHash);
    update = update.where('token_hash', '=', which.tokenHash);
  }
  if (which.person !== undefined) {
    select = select.where('person', '=', which.person);
    update = update.where('person', '=', which.person);
  }
  if (which.deviceId !== undefined) {
    select = select.where('device_id', '=', which.deviceId);
    update = update.where('device_id', '=', which.deviceId);
  }
  if (exceptTokenHash !== undefined) {
    select = select.where('token_hash', '!=', exceptTokenHash);
    update = update.where('token_hash', '!=', exceptTokenHash);
  }
  const hashes = selectAll(db, select).map((row) => row.token_hash);
  execute(db, update);
  return hashes;
}

/** Drops sessions that ended long ago, so the table does not grow without bound. */
export function deleteEndedSessions(db: Database, before: number): number {
  return execute(
    db,
    qb
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)])),
  );
}

export interface SignInFailures {
  readonly failures: number;
  readonly lockedUntil: number;
}

export function readSignInFailures(db: Database, person: string): SignInFailures {
  const row = selectFirst(
    db,
    qb.selectFrom('sign_in_failures').select(['failures', 'locked_until']).where('person', '=', person),
  );
  return row ? { failures: row.failures, lockedUntil: row.locked_until } : { failures: 0, lockedUntil: 0 };
}

export function writeSignInFailures(db: Database, person: string, value: SignInFailures, at: number): void {
  execute(
    db,
    qb
      .insertInto('sign_in_failures')
      .values({ person, failures: value.failures, locked_until: value.lockedUntil, last_at: at })
      .onConflict((oc) =>
        oc
          .column('person')
          .doUpdateSet({ failures: value.failures, locked_until: value.lockedUntil, last_at: at }),
      ),
  );
}

export function clearSignInFailures(db: Database, person: string): void {
  execute(db, qb.deleteFrom('sign_in_failures').where('person', '=', person));
}
