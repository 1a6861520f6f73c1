// Opens (or creates) the Fairlead SQLite file: refuses network shares and files from a newer app, sets WAL, migrates.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ensurePrivateDirSync, ensurePrivateFileSync } from '../fs-private';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';

/** The file was written by a newer Fairlead; opening it could corrupt data the newer schema relies on. */
export class DBVersionFromFutureError extends Error {
  constructor(
    readonly path: string,
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `The database ${path} has schema version ${fileVersion}, newer than this Fairlead understands (${appVersion}). ` +
        'It was left untouched: update Fairlead to open it.',
    );
    this.name = 'DBVersionFromFutureError';
  }
}

/** SQLite locking is unreliable on network file systems (https://www.sqlite.org/useovernet.html). */
class NetworkShareError extends Error {
  constructor(readonly path: string) {
    super(
      `The database ${path} is on a network share. Keep it on a local disk: SQLite locking is unreliable over a network.`,
    );
    this.name = 'NetworkShareError';
  }
}

/** `--db` named a folder: SQLite would only say "unable to open database file". */
export class DatabasePathIsFolderError extends Error {
  constructor(readonly path: string) {
    super(
      `The database path ${path} is a folder. Name a file in it instead, e.g. ${join(path, 'fairlead.sqlite')}.`,
    );
    this.name = 'DatabasePathIsFolderError';
  }
}

interface OpenOptions {
  readonly readonly?: boolean;
}

const NETWORK_FS = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb',
  'smbfs',
  'smb3',
  'sshfs',
  'fuse.sshfs',
  '9p',
  'afs',
  'davfs',
]);

/** True when the path is a UNC path or sits on a mount whose file system is a network one (Linux /proc/mounts). */
function isOnNetworkShare(path: string): boolean {
  if (path.startsWith('\\\\') || path.startsWith('//')) return true;
  if (process.platform !== 'linux' || !existsSync('/proc/mounts')) return false;
  const absolute = resolve(path);
  let best = { mount: '', type: '' };
  for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
    const [, mount, type] = line.split(' ');
    if (!mount || !type) continue;
    const inside = absolute === mount || absolute.startsWith(mount.endsWith('/') ? mount : `${mount}/`);
    if (inside && mount.length > best.mount.length) best = { mount, type };
  }
  return NETWORK_FS.has(best.type);
}

export function readSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration after the file's version, each in its own transaction with its version bump. */
export function migrate(db: Database, path = db.name): void {
  const current = readSchemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION)
    throw new DBVersionFromFutureError(path, current, LATEST_SCHEMA_VERSION);
  for (let version = current; version < LATEST_SCHEMA_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`Missing migration from schema version ${version}`);
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

export function openDatabase(path: string, options: OpenOptions = {}): Database {
  if (path !== ':memory:') {
    if (isOnNetworkShare(path)) throw new NetworkShareError(path);
    if (existsSync(path) && statSync(path).isDirectory()) throw new DatabasePathIsFolderError(path);
    // A folder this creates is private; an existing one the user named (say /tmp) is left as it is.
    ensurePrivateDirSync(dirname(resolve(path)));
  }
  // Check the version read-only first so a file from the future is never touched (not even switched to WAL).
  if (path !== ':memory:' && existsSync(path)) {
    const probe = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      const version = readSchemaVersion(probe);
      if (version > LATEST_SCHEMA_VERSION)
        throw new DBVersionFromFutureError(path, version, LATEST_SCHEMA_VERSION);
    } finally {
      probe.close();
    }
  }
  // The file (and so SQLite's -wal and -shm beside it, which copy its mode) is readable only by this user.
  if (path !== ':memory:' && !options.readonly) ensurePrivateFileSync(path);
  const db = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL: commits do not wait for the disk. An app crash loses nothing committed; what a power cut could lose is
      // covered where answers are acknowledgements (the hub, the desktop core): they wait for a group fsync of the WAL
      // that began after their commit (durable-acks.ts) — synchronous=FULL's promise at one fsync per burst of calls
      // instead of one per call, off the event loop (this disk: ~4 ms an fsync, 2026-12-03).
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // Triggers make every INSERT keep a statement journal; on disk (the default) that tripled the cost of a
      // 100k-lead import here. A bigger page cache keeps the ten lead indexes from spilling mid-transaction.
      db.pragma('temp_store = MEMORY');
      db.pragma('cache_size = -32768');
      migrate(db, path);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
