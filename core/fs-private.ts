// Fairlead's data on disk (the data folder, the database, uploads, backups, exports) is readable only by the OS
// user who runs it: folders 0700, files 0600. Windows has no such modes (its profile folders are already per user),
// so there these only create.
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const hasModes = process.platform !== 'win32';

export interface PrivateDirOptions {
  /**
   * Also tighten the folder when it already exists. Only for folders Fairlead owns (its data folder, uploads,
   * backups): never for a parent the user named, such as the folder of `--db /tmp/x.sqlite`.
   */
  readonly tightenExisting?: boolean;
}

/** Creates the folder (and missing parents) as 0700; mkdir's mode is masked by the umask, so chmod the leaf. */
export function ensurePrivateDirSync(path: string, options: PrivateDirOptions = {}): void {
  const created = mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (hasModes && (created !== undefined || options.tightenExisting)) chmodSync(path, PRIVATE_DIR_MODE);
}

/** The same as ensurePrivateDirSync, for request paths that must not block. */
export async function ensurePrivateDir(path: string, options: PrivateDirOptions = {}): Promise<void> {
  const created = await mkdir(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (hasModes && (created !== undefined || options.tightenExisting)) await chmod(path, PRIVATE_DIR_MODE);
}

/**
 * Creates the file empty if missing, and makes it 0600 either way. Before SQLite opens a database: SQLite gives
 * the -wal and -shm files the database file's mode, so they end up private too.
 */
export function ensurePrivateFileSync(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  if (hasModes) chmodSync(path, PRIVATE_FILE_MODE);
}

/** Writes a file readable only by its user, also when it existed before with a wider mode. */
export async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(path, data, { mode: PRIVATE_FILE_MODE });
  if (hasModes) await chmod(path, PRIVATE_FILE_MODE);
}

/** Makes a file someone else wrote (e.g. `db.backup(path)`) readable only by its user. */
export async function restrictToOwner(path: string): Promise<void> {
  if (hasModes) await chmod(path, PRIVATE_FILE_MODE);
}
