// Session handlers: sign-in with lockout (hashing off the event loop), sign-out, one-time links, the lead password.
import type { Database } from 'better-sqlite3';
import { FREE_TRIES, lockedUntilAfter } from '../../domain/identity/sign-in-lockout';
import { appendAudit } from '../../store/audit-log';
import { findRepById, findRepPinHash } from '../../store/reps';
import { clearSignInFailures, readSignInFailures, writeSignInFailures } from '../../store/sessions';
import { readSetting, writeSetting } from '../../store/settings';
import { inTransaction } from '../../store/sql';
import { actorLabel, type CallContext, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import type { Actor, sessionCalls } from './calls';
import { SESSION_ERRORS } from './errors';
import { hashSecret, hashToken, SecretsBusyError, verifyAgainstNobody, verifySecret } from './secrets';
import { findDeviceByTokenHash, noteDeviceSeen } from '../../store/devices';
import { personKey, type Person } from './session-registry';

export const LEAD_PASSWORD_SETTING = 'teamLead.passwordHash';
/** Before passwords, the team lead could set a PIN; it keeps working as the password until one is set. */
const OLD_LEAD_PIN_SETTING = 'teamLead.pinHash';

export function readLeadPasswordHash(db: Database): string | null {
  return (
    readSetting<string>(db, LEAD_PASSWORD_SETTING) ?? readSetting<string>(db, OLD_LEAD_PIN_SETTING) ?? null
  );
}

function auditSignIn(ctx: CallContext, person: string, action: string, detail?: object): void {
  appendAudit(ctx.db, {
    at: ctx.clock(),
    actor: person,
    action,
    entity: 'session',
    entityId: person,
    detail: { address: ctx.caller.address, deviceId: ctx.caller.deviceId, ...detail },
  });
}

/** Charges one try before the slow check, so parallel guesses cannot slip past the lockout. */
function chargeTry(ctx: CallContext, key: string): void {
  const now = ctx.clock();
  const refusal = inTransaction(ctx.db, () => {
    const current = readSignInFailures(ctx.db, key);
    if (current.lockedUntil > now) {
      auditSignIn(ctx, key, 'session.signInLocked');
      return Math.ceil((current.lockedUntil - now) / 1000);
    }
    const failures = current.failures + 1;
    writeSignInFailures(ctx.db, key, { failures, lockedUntil: lockedUntilAfter(failures, now) }, now);
    return null;
  });
  if (refusal !== null) throw new ServiceError(SESSION_ERRORS.lockedOut, { retryAfterSeconds: refusal });
}

function openSession(ctx: CallContext, person: Person, actor: Actor, deviceId: string | null) {
  const key = personKey(person);
  return inTransaction(ctx.db, () => {
    clearSignInFailures(ctx.db, key);
    const { token, expiresAt } = ctx.sessions.open(ctx.db, person, ctx.clock(), deviceId);
    auditSignIn(ctx, key, 'session.signIn', deviceId === null ? {} : { deviceId });
    return { actor, token, expiresAt };
  });
}

/** A paired device opens a session with its token (256 bits: nothing to guess, so no lockout). */
function signInDevice(ctx: CallContext, deviceToken: string) {
  return (
    inTransaction(ctx.db, () => {
      const now = ctx.clock();
      const device = findDeviceByTokenHash(ctx.db, hashToken(deviceToken));
      const repId = device?.person.startsWith('rep:') ? device.person.slice('rep:'.length) : null;
      const rep = repId ? findRepById(ctx.db, repId) : undefined;
      if (!device || device.revokedAt !== null || !rep || !rep.isActive) {
        auditSignIn(ctx, device?.person ?? 'anonymous', 'session.deviceRefused');
        return null;
      }
      noteDeviceSeen(ctx.db, device.id, now, ctx.caller.address);
      const { token, expiresAt } = ctx.sessions.open(ctx.db, { role: 'rep', repId: rep.id }, now, device.id);
      auditSignIn(ctx, device.person, 'session.signInDevice', { deviceId: device.id });
      return { actor: { role: 'rep', repId: rep.id, name: rep.name } as Actor, token, expiresAt };
    }) ?? refuseDevice()
  );
}

/**
 * On the LAN transport a rep's PIN opens a session only on a paired, unrevoked device of that same rep, so any
 * browser on the LAN cannot sign in with a rep's PIN. Checked before a try is charged: an unpaired browser cannot
 * lock the rep out either. Returns the device the session is bound to (null off the LAN).
 */
function deviceForRepSignIn(ctx: CallContext, repId: string): string | null {
  if (!ctx.caller.repSignInNeedsDevice) return ctx.caller.deviceId;
  const deviceToken = ctx.caller.deviceToken;
  const found =
    inTransaction(ctx.db, () => {
      const device = deviceToken ? findDeviceByTokenHash(ctx.db, hashToken(deviceToken)) : undefined;
      const reason = !device
        ? 'not paired'
        : device.revokedAt !== null
          ? 'revoked'
          : device.person !== `rep:${repId}`
            ? 'paired for another person'
            : null;
      if (!device || reason !== null) {
        auditSignIn(ctx, `rep:${repId}`, 'session.deviceRefused', {
          reason: reason ?? 'not paired',
          ...(device ? { refusedDeviceId: device.id } : {}),
        });
        // The device's own token, revoked: it says so, so the browser or PC asks to pair again.
        return reason === 'revoked' ? { revoked: true as const } : null;
      }
      noteDeviceSeen(ctx.db, device.id, ctx.clock(), ctx.caller.address);
      return { deviceId: device.id };
    }) ?? refuseUnpaired();
  return 'revoked' in found ? refuseDevice() : found.deviceId;
}

function refuseUnpaired(): never {
  throw new ServiceError(SESSION_ERRORS.deviceNotPaired);
}

function refuseDevice(): never {
  throw new ServiceError(SESSION_ERRORS.deviceRevoked);
}

/** The slow check; a hub already checking too many sign-ins refuses this one as busy (the try stays charged). */
async function checkSecret(secret: string, stored: string | null, isKnown: boolean): Promise<boolean> {
  try {
    return stored !== null && isKnown
      ? await verifySecret(secret, stored)
      : await verifyAgainstNobody(secret);
  } catch (error) {
    if (error instanceof SecretsBusyError) throw new ServiceError(SESSION_ERRORS.busy);
    throw error;
  }
}

export const sessionHandlers: HandlersOf<typeof sessionCalls> = {
  'session.status'(ctx) {
    return {
      actor: ctx.session?.actor ?? null,
      hasLeadPassword: readLeadPasswordHash(ctx.db) !== null,
      appVersion: ctx.appVersion,
      lan: ctx.lan.caFingerprint256() === null ? null : { caFingerprint256: ctx.lan.caFingerprint256()! },
    };
  },

  async 'session.signIn'(ctx, input) {
    if (input.as === 'device') return signInDevice(ctx, input.deviceToken);
    const person: Person = input.as === 'lead' ? { role: 'lead' } : { role: 'rep', repId: input.repId };
    const key = personKey(person);
    const secret = input.as === 'lead' ? input.password : input.pin;
    const { stored, actor } = inTransaction(ctx.db, () => {
      if (input.as === 'lead') {
        return { stored: readLeadPasswordHash(ctx.db), actor: { role: 'lead' } as Actor };
      }
      const rep = findRepById(ctx.db, input.repId);
      if (!rep || !rep.isActive) return { stored: null, actor: null };
      return {
        stored: findRepPinHash(ctx.db, rep.id),
        actor: { role: 'rep', repId: rep.id, name: rep.name } as Actor,
      };
    });
    if (input.as === 'lead' && stored === null) throw new ServiceError(SESSION_ERRORS.noPasswordYet);
    const deviceId = input.as === 'rep' ? deviceForRepSignIn(ctx, input.repId) : ctx.caller.deviceId;
    if (input.as === 'rep' && actor !== null && stored === null) {
      throw new ServiceError(SESSION_ERRORS.repHasNoPin, {}, 'pin');
    }
    chargeTry(ctx, key);
    const isRight = await checkSecret(secret, stored, actor !== null);
    if (isRight && actor) return openSession(ctx, person, actor, deviceId);
    const failures = inTransaction(ctx.db, () => {
      auditSignIn(ctx, key, 'session.signInFailed');
      return readSignInFailures(ctx.db, key).failures;
    });
    const triesLeft = Math.max(0, FREE_TRIES - failures);
    throw input.as === 'lead'
      ? new ServiceError(SESSION_ERRORS.wrongPassword, { triesLeft }, 'password')
      : new ServiceError(SESSION_ERRORS.wrongPin, { triesLeft }, 'pin');
  },

  'session.redeemLink'(ctx, input) {
    if (!ctx.signInLinks.redeem(input.code, ctx.now)) {
      auditSignIn(ctx, 'lead', 'session.linkRefused');
      throw new ServiceError(SESSION_ERRORS.linkInvalid);
    }
    const { token, expiresAt } = ctx.sessions.open(ctx.db, { role: 'lead' }, ctx.now, ctx.caller.deviceId);
    auditSignIn(ctx, 'lead', 'session.signInByLink');
    return { actor: { role: 'lead' } as const, token, expiresAt };
  },

  'session.signOut'(ctx) {
    const session = ctx.session;
    if (session) ctx.sessions.revoke(ctx.db, { tokenHash: session.tokenHash }, ctx.now, 'signed out');
    appendAudit(ctx.db, {
      at: ctx.now,
      actor: actorLabel(ctx.actor),
      action: 'session.signOut',
      entity: 'session',
      entityId: null,
    });
    return { signedOut: true as const };
  },

  async 'session.setLeadPassword'(ctx, input) {
    const stored = inTransaction(ctx.db, () => readLeadPasswordHash(ctx.db));
    if (stored !== null) {
      const isRight =
        input.currentPassword !== undefined && (await verifySecret(input.currentPassword, stored));
      if (!isRight) throw new ServiceError(SESSION_ERRORS.currentPasswordWrong, {}, 'currentPassword');
    }
    const hash = await hashSecret(input.password);
    const now = ctx.clock();
    const keep = ctx.session?.tokenHash;
    inTransaction(ctx.db, () => {
      writeSetting(ctx.db, LEAD_PASSWORD_SETTING, hash, now);
      // Every other team-lead session ends: a changed password must lock out whoever knew the old one.
      ctx.sessions.revoke(ctx.db, { person: { role: 'lead' } }, now, 'password changed', keep);
      appendAudit(ctx.db, {
        at: now,
        actor: actorLabel(ctx.actor),
        action: 'session.setLeadPassword',
        entity: 'setting',
        entityId: LEAD_PASSWORD_SETTING,
      });
    });
    return { hasLeadPassword: true as const };
  },
};
