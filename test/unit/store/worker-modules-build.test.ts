// Worker threads start from built files: the staging writer and the import's key matching, bundled the way
// scripts/hub.mjs bundles the core, with each entry of core/worker-modules.json as a file of its own beside it, run
// with plain node and no TypeScript source in reach.
import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
// Inside the repository, so the bundle finds better-sqlite3 in node_modules as the hub's does.
const outDir = join(root, 'out', `test-worker-modules-${process.pid}`);
const workers = JSON.parse(readFileSync(join(root, 'core', 'worker-modules.json'), 'utf8')) as Record<
  string,
  string
>;

async function bundleCaller(): Promise<string> {
  const caller = join(outDir, 'src', 'caller.ts');
  mkdirSync(join(outDir, 'src'), { recursive: true });
  writeFileSync(
    caller,
    [
      `import { startStagingWriter } from ${JSON.stringify(join(root, 'core', 'store', 'staging-writer.ts'))};`,
      `import { startKeyMatching } from ${JSON.stringify(join(root, 'core', 'api', 'import', 'key-matching.ts'))};`,
      `import { openDatabase } from ${JSON.stringify(join(root, 'core', 'store', 'open-database.ts'))};`,
      "if (process.argv[3] === 'match') {",
      '  const db = openDatabase(process.argv[2]);',
      '  const matching = startKeyMatching(db);',
      "  const keys = { phoneKey: '+8613800000001', emailKey: null, companyKey: null, companyNameKey: null };",
      '  matching.submit([{ row: 2, keys }, { row: 3, keys }], (hits) => console.log(`hits ${JSON.stringify(hits)}`));',
      '  await matching.finish();',
      '  db.close();',
      '} else {',
      "  const writer = startStagingWriter(process.argv[2], 'CREATE TABLE t (id, name)', 'INSERT INTO t VALUES (?, ?)');",
      "  writer.write([['a', '张伟'], ['b', null]]);",
      '  console.log(`closed ${await writer.close()}`);',
      '}',
    ].join('\n'),
  );
  await build({
    entryPoints: {
      caller,
      ...Object.fromEntries(Object.entries(workers).map(([name, path]) => [name, join(root, path)])),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3'],
    outdir: join(outDir, 'bundle'),
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  return join(outDir, 'bundle', 'caller.mjs');
}

describe('worker modules in a bundle', () => {
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('lists every worker module that exists, the staging writer and the key matching among them', () => {
    expect(workers['staging-worker']).toBe('core/store/staging-worker.ts');
    expect(workers['key-matching-worker']).toBe('core/api/import/key-matching-worker.ts');
    for (const path of Object.values(workers)) expect(() => readFileSync(join(root, path))).not.toThrow();
  });

  it('runs the staging writer from the built worker file beside the bundle', async () => {
    const caller = await bundleCaller();
    const dbPath = join(outDir, 'staging.sqlite');
    const run = spawnSync(process.execPath, [caller, dbPath], { cwd: outDir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('closed 2');
    const db = new BetterSqlite3(dbPath, { readonly: true });
    expect(db.prepare('SELECT id, name FROM t ORDER BY rowid').raw().all()).toEqual([
      ['a', '张伟'],
      ['b', null],
    ]);
    db.close();

    // Without the built worker file the bundle fails, naming what is missing: it never ran from source text.
    rmSync(join(outDir, 'bundle', 'staging-worker.mjs'));
    const missing = spawnSync(process.execPath, [caller, join(outDir, 'other.sqlite')], { encoding: 'utf8' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('No worker module');
  });

  it("runs the import's key matching from the built worker file beside the bundle", async () => {
    const caller = await bundleCaller();
    const dbPath = join(outDir, 'leads.sqlite');
    const run = spawnSync(process.execPath, [caller, dbPath, 'match'], { cwd: outDir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    // Row 3 has row 2's phone: kind 0 (phone), held by row 2.
    expect(run.stdout.trim()).toBe('hits [3,0,2]');

    rmSync(join(outDir, 'bundle', 'key-matching-worker.mjs'));
    const missing = spawnSync(process.execPath, [caller, dbPath, 'match'], { encoding: 'utf8' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('No worker module');
  });
});
