// Backups of the SQLite file beside it: online copies with better-sqlite3's backup API, verified by
// `PRAGMA integrity_check`, pruned to the last 7 daily and 4 weekly, and restore into the live connection.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ensurePrivateDir, restrictToOwner } from '../../fs-private';
import { LATEST_SCHEMA_VERSION } from '../../store/migrations/index';
import { migrate, readSchemaVersion } from '../../store/open-database';
import { BACKUPS_ERRORS } from './errors';
import type { BackupInfo } from './schemas';
import { planBackupRetention, type BackupStamp } from './backup-retention';
import { ServiceError } from '../errors';
import { dataDirOf } from '../import/files';

export type BackupKind = BackupInfo['kind'];

const NAME = /^fairlead-(daily|manual|pre-restore)-(\d{8})-(\d{6})(?:-(\d+))?\.sqlite$/;

export function backupsDirOf(db: Database): string {
  return join(dataDirOf(db), 'backups');
}

/** The local time zone's offset east of UTC, minutes, at `at` (retention counts local days). */
export function localOffsetMinutes(at: number): number {
  return -new Date(at).getTimezoneOffset();
}

function stampOf(at: number): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

function parseName(name: string): BackupStamp | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, kind, day = '', time = ''] = match;
  const at = Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(4, 6)) - 1,
    Number(day.slice(6, 8)),
    Number(time.slice(0, 2)),
    Number(time.slice(2, 4)),
    Number(time.slice(4, 6)),
  );
  return { id: name, kind: kind as BackupKind, at };
}

/** Runs `PRAGMA integrity_check` on a database file opened read-only; 'ok' or the first problems. */
export function checkFileIntegrity(path: string): { isOk: boolean; detail: string; schemaVersion: number } {
  let probe: Database | null = null;
  try {
    probe = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    const rows = probe.pragma('integrity_check') as { integrity_check: string }[];
    const detail = rows
      .map((row) => row.integrity_check)
      .slice(0, 5)
      .join('; ');
    return { isOk: detail === 'ok', detail, schemaVersion: readSchemaVersion(probe) };
  } catch (error) {
    // Not a database at all (or unreadable): as damaged as a file can be.
    return { isOk: false, detail: error instanceof Error ? error.message : String(error), schemaVersion: 0 };
  } finally {
    probe?.close();
  }
}

function setRollbackJournal(path: string): void {
  const copy = new BetterSqlite3(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export async function listBackups(db: Database, now: number): Promise<BackupInfo[]> {
  const dir = backupsDirOf(db);
  if (!existsSync(dir)) return [];
  const stamps = (await readdir(dir)).map(parseName).filter((stamp): stamp is BackupStamp => stamp !== null);
  const plan = planBackupRetention(stamps, localOffsetMinutes(now));
  const out: BackupInfo[] = [];
  for (const stampInfo of stamps) {
    const info = await stat(join(dir, stampInfo.id)).catch(() => null);
    if (!info) continue;
    out.push({ ...stampInfo, sizeBytes: info.size, keptAs: plan.get(stampInfo.id) ?? null });
  }
  return out.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}

/**
 * Copies the live database to the backups folder with the online backup API (readers and writers carry on), then
 * verifies the copy with `PRAGMA integrity_check`; a copy that fails the check is deleted and the call fails.
 */
export async function createBackup(db: Database, kind: BackupKind, now: number): Promise<BackupInfo> {
  const dir = backupsDirOf(db);
  // A backup is the whole database: the folder is this user's only (0700), as is each copy (0600).
  await ensurePrivateDir(dir, { tightenExisting: true });
  let name = `fairlead-${kind}-${stampOf(now)}.sqlite`;
  for (let n = 2; existsSync(join(dir, name)); n += 1) name = `fairlead-${kind}-${stampOf(now)}-${n}.sqlite`;
  const partial = join(dir, `${name}.partial`);
  await rm(partial, { force: true });
  try {
    await db.backup(partial);
    await restrictToOwner(partial);
    // The copy says WAL like the live file, and a read-only check of a WAL file leaves -wal and -shm beside it: a
    // backup is one standalone file, so it keeps a rollback journal (a restore into the live file stays WAL).
    setRollbackJournal(partial);
    const check = checkFileIntegrity(partial);
    if (!check.isOk) throw new Error(`The backup failed its integrity check: ${check.detail}`);
    await rename(partial, join(dir, name));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const info = await stat(join(dir, name));
  const parsed = parseName(name);
  return { id: name, kind, at: parsed?.at ?? now, sizeBytes: info.size, keptAs: null };
}

/**
 * Removes what an interrupted backup or check leaves in the backups folder: a `.partial` copy (the process died
 * mid-copy) and the `-wal`/`-shm`/`-journal` files SQLite makes beside a copy it opened. At start nothing holds a
 * backup open, so every such file is a leftover. Returns the removed names.
 */
export function removeBackupLeftovers(db: Database): string[] {
  const dir = backupsDirOf(db);
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!/^fairlead-.*\.sqlite(\.partial)?(\.partial|-wal|-shm|-journal)$/.test(name)) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** Deletes backups the retention policy no longer keeps. Returns the deleted names. */
export async function pruneBackups(db: Database, now: number): Promise<string[]> {
  const deleted: string[] = [];
  for (const backup of await listBackups(db, now)) {
    if (backup.keptAs !== null) continue;
    await rm(join(backupsDirOf(db), backup.id), { force: true });
    deleted.push(backup.id);
  }
  return deleted;
}

/**
 * Restores a backup into the live database. The copy goes through SQLite's backup API into the same file the live
 * connection has open: SQLite takes the write lock and the live connection sees the restored pages on its next
 * read, so no connection object has to be swapped under running code. Before anything is overwritten the backup is
 * integrity-checked and the current database is copied to a `pre-restore` backup. An older backup is migrated.
 */
export async function restoreBackup(
  db: Database,
  id: string,
  now: number,
): Promise<{ preRestoreBackup: string; schemaVersion: number }> {
  const path = join(backupsDirOf(db), id);
  if (!parseName(id) || !existsSync(path)) throw new ServiceError(BACKUPS_ERRORS.notFound, { id }, 'id');
  const check = checkFileIntegrity(path);
  if (!check.isOk) throw new ServiceError(BACKUPS_ERRORS.damaged, { detail: check.detail }, 'id');
  if (check.schemaVersion > LATEST_SCHEMA_VERSION)
    throw new ServiceError(
      BACKUPS_ERRORS.fromNewerVersion,
      { schemaVersion: check.schemaVersion, latest: LATEST_SCHEMA_VERSION },
      'id',
    );
  if (db.name === ':memory:' || db.name === '') throw new ServiceError(BACKUPS_ERRORS.inMemory);
  const safety = await createBackup(db, 'pre-restore', now);
  const source = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    // One step copies every page, so no write of ours can land between steps and be half overwritten.
    await source.backup(db.name, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  migrate(db);
  return { preRestoreBackup: safety.id, schemaVersion: readSchemaVersion(db) };
}
