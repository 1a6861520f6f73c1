// Fairlead's files are readable only by their OS user: real folders and files in a temp dir, modes read back.
import { mkdirSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ensurePrivateDir,
  ensurePrivateDirSync,
  restrictToOwner,
  writePrivateFile,
} from '../../../core/fs-private';
import { DatabasePathIsFolderError, openDatabase } from '../../../core/store/open-database';
import { useTempDir } from '../../helpers/temp-dir';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('private data on disk', () => {
  const tempDir = useTempDir();

  it('creates a new database, its folder and its WAL files readable only by the user', () => {
    const root = tempDir();
    const dir = join(root, 'data', 'Fairlead');
    const path = join(dir, 'fairlead.sqlite');
    const db = openDatabase(path);
    try {
      db.exec('CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1)');
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(join(root, 'data'))).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`])
        expect([file, modeOf(file)]).toEqual([file, 0o600]);
    } finally {
      db.close();
    }
  });

  it('tightens an existing database file but leaves a folder the user named as it was', () => {
    const dir = join(tempDir(), 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    const path = join(dir, 'fairlead.sqlite');
    openDatabase(path).close();
    chmodSync(path, 0o644);
    openDatabase(path).close();
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(dir)).toBe(0o755);
  });

  it('refuses a database path that is a folder with a message that says so', () => {
    const dir = tempDir();
    expect(() => openDatabase(dir)).toThrow(DatabasePathIsFolderError);
    expect(() => openDatabase(dir)).toThrow(/is a folder/);
  });

  it('tightens an existing folder only when asked (uploads, backups: folders Fairlead owns)', async () => {
    const root = tempDir();
    const loose = join(root, 'uploads');
    mkdirSync(loose);
    chmodSync(loose, 0o755);
    ensurePrivateDirSync(loose);
    expect(modeOf(loose)).toBe(0o755);
    await ensurePrivateDir(loose, { tightenExisting: true });
    expect(modeOf(loose)).toBe(0o700);
    const fresh = join(root, 'backups', 'daily');
    await ensurePrivateDir(fresh);
    expect(modeOf(fresh)).toBe(0o700);
  });

  it('writes private files, also over a file that was readable by others', async () => {
    const root = tempDir();
    const path = join(root, 'upload.json');
    writeFileSync(path, 'old');
    chmodSync(path, 0o644);
    await writePrivateFile(path, '{}');
    expect(modeOf(path)).toBe(0o600);
    const copy = join(root, 'backup.sqlite');
    writeFileSync(copy, '');
    chmodSync(copy, 0o664);
    await restrictToOwner(copy);
    expect(modeOf(copy)).toBe(0o600);
  });
});
