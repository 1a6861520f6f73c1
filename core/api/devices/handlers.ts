// Pairing handlers: one-time codes (10 minutes, single use, void after 5 wrong tries), device tokens stored
// hashed, revocation that ends the device's sessions at once. Every step is audited.
import { appendAudit } from '../../store/audit-log';
import {
  countWrongPairingTry,
  findDevice,
  findPairingCode,
  insertDevice,
  insertPairingCode,
  listDevices,
  markPairingCodeUsed,
  revokeDevice,
  type DeviceRow,
} from '../../store/devices';
import { findRepById } from '../../store/reps';
import { actorLabel, type CallContext, type HandlersOf } from '../call-context';
import { ServiceError } from '../errors';
import { hashToken, newToken } from '../session/secrets';
import type { Actor } from '../session/calls';
import type { devicesCalls } from './calls';
import { DEVICES_ERRORS } from './errors';
import { fingerprintPrefix, newPairingCode, parsePairingCode } from './pairing-code';

export const PAIRING_CODE_LIFETIME_MS = 10 * 60_000;
export const PAIRING_CODE_TRIES = 5;

function audit(
  ctx: CallContext,
  actor: string,
  action: string,
  entityId: string | null,
  detail?: object,
): void {
  appendAudit(ctx.db, {
    at: ctx.now,
    actor,
    action,
    entity: 'device',
    entityId,
    detail: { address: ctx.caller.address, ...detail },
  });
}

function personName(ctx: CallContext, person: string): string {
  if (person === 'lead') return 'team lead';
  return findRepById(ctx.db, person.slice('rep:'.length))?.name ?? person;
}

function shown(ctx: CallContext, device: DeviceRow) {
  return { ...device, personName: personName(ctx, device.person) };
}

export const devicesHandlers: HandlersOf<typeof devicesCalls> = {
  'devices.createPairingCode'(ctx, input) {
    const fingerprint = ctx.lan.caFingerprint256();
    if (fingerprint === null) throw new ServiceError(DEVICES_ERRORS.lanOff);
    const rep = findRepById(ctx.db, input.repId);
    if (!rep || !rep.isActive)
      throw new ServiceError(DEVICES_ERRORS.repInactive, { repId: input.repId }, 'repId');
    const { code, secret } = newPairingCode(fingerprint);
    const expiresAt = ctx.now + PAIRING_CODE_LIFETIME_MS;
    insertPairingCode(ctx.db, {
      codeHash: hashToken(secret),
      person: `rep:${rep.id}`,
      createdBy: actorLabel(ctx.actor),
      createdAt: ctx.now,
      expiresAt,
    });
    audit(ctx, actorLabel(ctx.actor), 'device.pairingCode', null, { repId: rep.id });
    return { code, expiresAt, caFingerprint256: fingerprint };
  },

  'devices.pair'(ctx, input) {
    const parsed = parsePairingCode(input.code);
    const fingerprint = ctx.lan.caFingerprint256();
    const row = parsed ? findPairingCode(ctx.db, hashToken(parsed.secret)) : undefined;
    const isLive =
      row !== undefined &&
      parsed !== null &&
      fingerprint !== null &&
      parsed.prefix === fingerprintPrefix(fingerprint) &&
      row.usedAt === null &&
      row.expiresAt > ctx.now &&
      row.failures < PAIRING_CODE_TRIES;
    const repId = row?.person.startsWith('rep:') ? row.person.slice('rep:'.length) : null;
    const rep = repId ? findRepById(ctx.db, repId) : undefined;
    if (!row || !isLive || !rep || !rep.isActive) {
      // Counted in a transaction of its own: the refusal below rolls back this call's.
      ctx.afterRollback(() => {
        countWrongPairingTry(ctx.db, ctx.now);
        audit(ctx, 'anonymous', 'device.pairRefused', null);
      });
      throw new ServiceError(DEVICES_ERRORS.codeInvalid, {}, 'code');
    }
    markPairingCodeUsed(ctx.db, row.codeHash, ctx.now);
    const deviceToken = newToken();
    const device: DeviceRow = {
      id: ctx.newId('dev'),
      person: row.person,
      name: input.deviceName,
      createdAt: ctx.now,
      lastSeenAt: ctx.now,
      lastAddress: ctx.caller.address,
      revokedAt: null,
    };
    insertDevice(ctx.db, device, hashToken(deviceToken));
    const person = { role: 'rep' as const, repId: rep.id };
    const { token, expiresAt } = ctx.sessions.open(ctx.db, person, ctx.now, device.id);
    audit(ctx, row.person, 'device.pair', device.id, { name: device.name });
    const actor: Actor = { role: 'rep', repId: rep.id, name: rep.name };
    return { deviceId: device.id, deviceToken, actor, token, expiresAt };
  },

  'devices.list'(ctx) {
    return listDevices(ctx.db).map((device) => shown(ctx, device));
  },

  'devices.revoke'(ctx, input) {
    const device = findDevice(ctx.db, input.id);
    if (!device) throw new ServiceError(DEVICES_ERRORS.notFound, { id: input.id }, 'id');
    revokeDevice(ctx.db, device.id, ctx.now);
    ctx.sessions.revoke(ctx.db, { deviceId: device.id }, ctx.now, 'device revoked');
    audit(ctx, actorLabel(ctx.actor), 'device.revoke', device.id);
    return shown(ctx, findDevice(ctx.db, device.id)!);
  },
};
