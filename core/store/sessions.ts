// Repository for sessions and sign-in lockouts: tokens are stored only as their SHA-256 hashes.
import type { Database } from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { SessionsTable } from './schema-identity';
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

/**
 * Compiled once: every call of every transport resolves its session. Two plain reads (this and the rep by id) cost
 * less here than one joined read (measured inside a transaction: 1.2 + 1.6 µs vs 11 µs).
 */
const SESSION_BY_HASH = qb.selectFrom('sessions').selectAll().where('token_hash', '=', '').compile().sql;

export function findSession(db: Database, tokenHash: string): SessionRow | undefined {
  const row = getCompiled<Selectable<SessionsTable>>(db, SESSION_BY_HASH, [tokenHash]);
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
