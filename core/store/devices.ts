// Repository for paired devices and their one-time pairing codes; tokens and codes are stored only as hashes.
import type { Database } from 'better-sqlite3';
import { execute, qb, selectAll, selectFirst } from './sql';

export interface DeviceRow {
  readonly id: string;
  /** 'rep:<id>' (or 'lead'). */
  readonly person: string;
  readonly name: string;
  readonly createdAt: number;
  readonly lastSeenAt: number | null;
  readonly lastAddress: string | null;
  readonly revokedAt: number | null;
}

const DEVICE_COLUMNS = [
  'id',
  'person',
  'name',
  'created_at',
  'last_seen_at',
  'last_address',
  'revoked_at',
] as const;

function toDevice(row: {
  id: string;
  person: string;
  name: string;
  created_at: number;
  last_seen_at: number | null;
  last_address: string | null;
  revoked_at: number | null;
}): DeviceRow {
  return {
    id: row.id,
    person: row.person,
    name: row.name,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    lastAddress: row.last_address,
    revokedAt: row.revoked_at,
  };
}

export function insertDevice(db: Database, device: DeviceRow, tokenHash: string): void {
  execute(
    db,
    qb.insertInto('devices').values({
      id: device.id,
      person: device.person,
      name: device.name,
      token_hash: tokenHash,
      created_at: device.createdAt,
      last_seen_at: device.lastSeenAt,
      last_address: device.lastAddress,
      revoked_at: null,
    }),
  );
}

export function findDeviceByTokenHash(db: Database, tokenHash: string): DeviceRow | undefined {
  const row = selectFirst(
    db,
    qb.selectFrom('devices').select(DEVICE_COLUMNS).where('token_hash', '=', tokenHash),
  );
  return row ? toDevice(row) : undefined;
}

export function findDevice(db: Database, id: string): DeviceRow | undefined {
  const row = selectFirst(db, qb.selectFrom('devices').select(DEVICE_COLUMNS).where('id', '=', id));
  return row ? toDevice(row) : undefined;
}

export function listDevices(db: Database): DeviceRow[] {
  return selectAll(db, qb.selectFrom('devices').select(DEVICE_COLUMNS).orderBy('created_at', 'desc')).map(
    toDevice,
  );
}

export function noteDeviceSeen(db: Database, id: string, at: number, address: string | null): void {
  execute(
    db,
    qb.updateTable('devices').set({ last_seen_at: at, last_address: address }).where('id', '=', id),
  );
}

export function revokeDevice(db: Database, id: string, at: number): void {
  execute(
    db,
    qb.updateTable('devices').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null),
  );
}

/** Revokes every live device of a person (a deactivated rep); returns their ids. */
export function revokeDevicesOf(db: Database, person: string, at: number): string[] {
  const ids = selectAll(
    db,
    qb.selectFrom('devices').select('id').where('person', '=', person).where('revoked_at', 'is', null),
  ).map((row) => row.id);
  execute(
    db,
    qb
      .updateTable('devices')
      .set({ revoked_at: at })
      .where('person', '=', person)
      .where('revoked_at', 'is', null),
  );
  return ids;
}

export interface PairingCodeRow {
  readonly codeHash: string;
  readonly person: string;
  readonly expiresAt: number;
  readonly usedAt: number | null;
  readonly failures: number;
}

export function insertPairingCode(
  db: Database,
  row: { codeHash: string; person: string; createdBy: string; createdAt: number; expiresAt: number },
): void {
  execute(
    db,
    qb.insertInto('pairing_codes').values({
      code_hash: row.codeHash,
      person: row.person,
      created_by: row.createdBy,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      used_at: null,
      failures: 0,
    }),
  );
}

export function findPairingCode(db: Database, codeHash: string): PairingCodeRow | undefined {
  const row = selectFirst(db, qb.selectFrom('pairing_codes').selectAll().where('code_hash', '=', codeHash));
  return row
    ? {
        codeHash: row.code_hash,
        person: row.person,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
        failures: row.failures,
      }
    : undefined;
}

export function markPairingCodeUsed(db: Database, codeHash: string, at: number): void {
  execute(db, qb.updateTable('pairing_codes').set({ used_at: at }).where('code_hash', '=', codeHash));
}

/** A wrong code counts against every live code (the hub cannot tell which one was meant). */
export function countWrongPairingTry(db: Database, now: number): void {
  execute(
    db,
    qb
      .updateTable('pairing_codes')
      .set((eb) => ({ failures: eb('failures', '+', 1) }))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now),
  );
}
