// Health tells the truth: /api/health answers 503 and `ok: false`, with the reason, when the database cannot take a
// write; and a database path that is a folder stops the hub with a plain message. Tests run as root here, where
// permission bits stop no write: the HTTP tests use what SQLite itself refuses (a connection it opened read-only on a
// read-only file, `query_only`); the folder and file checks are shown with a refusing access check (what a read-only
// mount answers even root) and, when not root, with real permission bits.
import { spawnSync } from 'node:child_process';
import { chmodSync, constants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createService } from '../../../core/api/service';
import { startHub, type RunningHub } from '../../../core/lan/hub-server';
import { findDatabaseWriteProblem } from '../../../core/store/database-health';
import { openDatabase } from '../../../core/store/open-database';
import { createTestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

const isRoot = process.getuid?.() === 0;
const root = resolve(import.meta.dirname, '..', '..', '..');

async function health(hub: RunningHub) {
  const res = await fetch(`${hub.url}/api/health`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; reason?: string } };
}

describe('the health check', () => {
  const tempDir = useTempDir();
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('answers not ok, with the reason, while SQLite refuses writes, and ok again once it takes them', async () => {
    const t = createTestService(tempDir());
    cleanups.push(() => t.close());
    const hub = await startHub({ service: t.service, port: 0 });
    cleanups.push(() => hub.close());
    expect(await health(hub)).toMatchObject({ status: 200, body: { ok: true } });
    t.service.db.pragma('query_only = ON');
    const refused = await health(hub);
    expect(refused.status).toBe(503);
    expect(refused.body.ok).toBe(false);
    expect(refused.body.reason).toMatch(/refuses writes/);
    t.service.db.pragma('query_only = OFF');
    expect(await health(hub)).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('answers not ok for a read-only database file in a read-only folder, naming the file', async () => {
    const dir = join(tempDir(), 'data');
    mkdirSync(dir);
    const path = join(dir, 'fairlead.sqlite');
    const writable = openDatabase(path);
    writable.pragma('journal_mode = DELETE');
    writable.close();
    chmodSync(path, 0o444);
    chmodSync(dir, 0o555);
    cleanups.push(() => chmodSync(dir, 0o755));
    // A folder SQLite cannot write in, as a read-only mount would be: it opens the file read-only.
    const db = openDatabase(path, { readonly: true });
    cleanups.push(() => {
      db.close();
    });
    const service = createService({ db });
    cleanups.push(() => service.checkpointer.stop());
    const hub = await startHub({ service, port: 0 });
    cleanups.push(() => hub.close());
    const answer = await health(hub);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ ok: false, reason: `The database ${path} is open read-only.` });
    // The probe alone says the same: SQLite refuses the write whoever runs it.
    expect(() => db.prepare('DELETE FROM import_batches WHERE 0').run()).toThrow(/readonly/);
  });

  it('names the folder when the file is writable but its folder is not (a read-only mount)', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'fairlead.sqlite'));
    cleanups.push(() => {
      db.close();
    });
    expect(findDatabaseWriteProblem(db)).toBeNull();
    const readOnlyMount = (path: string, mode: number) => {
      if (mode === constants.W_OK && path === dir)
        throw Object.assign(new Error('read-only file system'), { code: 'EROFS' });
    };
    expect(findDatabaseWriteProblem(db, readOnlyMount)).toBe(
      `The folder ${dir} cannot be written (EROFS): SQLite keeps its journal files there.`,
    );
  });

  it.skipIf(isRoot)('names the file when its permissions no longer let this user write it', () => {
    const dir = tempDir();
    const path = join(dir, 'fairlead.sqlite');
    const db = openDatabase(path);
    cleanups.push(() => {
      db.close();
    });
    chmodSync(path, 0o400);
    expect(findDatabaseWriteProblem(db)).toBe(`The database file ${path} cannot be written (EACCES).`);
  });

  it('stops the hub with a plain message when the database path is a folder', () => {
    const folder = tempDir();
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const run = spawnSync(tsx, [join(root, 'core', 'host.ts'), '--db', folder, '--port', '0'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 100_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `The database path ${folder} is a folder. Name a file in it instead, e.g. ${join(folder, 'fairlead.sqlite')}.`,
    );
  });
});
