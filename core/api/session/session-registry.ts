// Sessions: who a token belongs to, until when, and revocation that also closes the holder's open connections.
import type { Database } from 'better-sqlite3';
import { findRepById } from '../../store/reps';
import { findSession, insertSession, revokeSessions, touchSession } from '../../store/sessions';
import { ServiceError, COMMON_ERRORS } from '../errors';
import type { Actor } from './calls';
import { hashToken, newToken } from './secrets';

/** A person who can sign in: the team lead, or a rep by id. */
export type Person = { readonly role: 'lead' } | { readonly role: 'rep'; readonly repId: string };

export interface ResolvedSession {
  readonly actor: Actor;
  readonly tokenHash: string;
  readonly deviceId: string | null;
}

/** Idle and absolute lifetimes; the desktop's idle lock is shorter and lives in the UI. */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
export const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60_000;
/** last_seen is written at most this often per session, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

export function personKey(person: Person): string {
  return person.role === 'lead' ? 'lead' : `rep:${person.repId}`;
}

export type RevokedListener = (tokenHashes: readonly string[]) => void;

export interface SessionRegistry {
  /** Opens a session for a person already proven (password, PIN, device token or the trusted desktop). */
  open(
    db: Database,
    person: Person,
    now: number,
    deviceId?: string | null,
  ): { token: string; expiresAt: number };
  /** The session behind a token, or a refusal saying the session has ended. */
  resolve(db: Database, token: string, now: number): ResolvedSession;
  revoke(
    db: Database,
    which: { tokenHash?: string; person?: Person; deviceId?: string },
    now: number,
    reason: string,
    exceptTokenHash?: string,
  ): void;
  /** Called after revocations commit, with the revoked sessions' token hashes. */
  onRevoked(listener: RevokedListener): () => void;
  /** Delivers revocations recorded during a call, once its transaction committed. */
  flushRevoked(): void;
  /** Forgets revocations recorded during a call that rolled back. */
  discardRevoked(): void;
}

export function createSessionRegistry(): SessionRegistry {
  const listeners = new Set<RevokedListener>();
  let pendingRevoked: string[] = [];

  return {
    open(db, person, now, deviceId = null) {
      const token = newToken();
      const expiresAt = now + SESSION_ABSOLUTE_MS;
      insertSession(db, {
        tokenHash: hashToken(token),
        person: personKey(person),
        deviceId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
      });
      return { token, expiresAt };
    },
    resolve(db, token, now) {
      const tokenHash = hashToken(token);
      const row = findSession(db, tokenHash);
      const isLive =
        row !== undefined &&
        row.revokedAt === null &&
        row.expiresAt > now &&
        row.lastSeenAt + SESSION_IDLE_MS > now;
      if (!row || !isLive) throw new ServiceError(COMMON_ERRORS.sessionEnded);
      if (now - row.lastSeenAt > TOUCH_EVERY_MS) touchSession(db, tokenHash, now);
      if (row.person === 'lead') return { actor: { role: 'lead' }, tokenHash, deviceId: row.deviceId };
      const rep = findRepById(db, row.person.slice('rep:'.length));
      if (!rep || !rep.isActive) throw new ServiceError(COMMON_ERRORS.sessionEnded);
      return { actor: { role: 'rep', repId: rep.id, name: rep.name }, tokenHash, deviceId: row.deviceId };
    },
    revoke(db, which, now, reason, exceptTokenHash) {
      const hashes = revokeSessions(
        db,
        {
          ...(which.tokenHash === undefined ? {} : { tokenHash: which.tokenHash }),
          ...(which.person === undefined ? {} : { person: personKey(which.person) }),
          ...(which.deviceId === undefined ? {} : { deviceId: which.deviceId }),
        },
        now,
        reason,
        exceptTokenHash,
      );
      pendingRevoked.push(...hashes);
    },
    onRevoked(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    discardRevoked() {
      pendingRevoked = [];
    },
    flushRevoked() {
      if (pendingRevoked.length === 0) return;
      const hashes = pendingRevoked;
      pendingRevoked = [];
      for (const listener of listeners) {
        try {
          listener(hashes);
        } catch {
          // A broken listener must not break the call that already committed.
        }
      }
    },
  };
}
