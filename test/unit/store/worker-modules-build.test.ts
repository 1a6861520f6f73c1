// Worker threads start from built files: the Dashboard's second reader and the WAL's background checkpoint, bundled the way scripts/hub.mjs bundles the core, with each entry of
// core/worker-modules.json as a file of its own beside it, run with plain node and no TypeScript source in reach.
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

/** The Dashboard's KPI reads split from 0 hand-overs, so the built kpi-part-worker reads the hand-overs. */
const KPI_CALLER = [
  `import { readKpiParts } from ${JSON.stringify(join(root, 'core', 'api', 'dashboard', 'kpi-parts.ts'))};`,
  `import { resolvePeriod } from ${JSON.stringify(join(root, 'core', 'api', 'dashboard', 'period.ts'))};`,
  `import { openDatabase } from ${JSON.stringify(join(root, 'core', 'store', 'open-database.ts'))};`,
  `import { defaultKpiTargets } from ${JSON.stringify(join(root, 'core', 'domain', 'kpi', 'targets.ts'))};`,
  `import { DEFAULT_SLA_POLICY } from ${JSON.stringify(join(root, 'core', 'domain', 'sla', 'sla-policy.ts'))};`,
  'const db = openDatabase(process.argv[2]);',
  "db.exec(`INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES ('r1', 'r1', 'mid', '2025-01-01', 0, 0);",
  "  INSERT INTO leads (id, name, stage, created_at, updated_at) VALUES ('l1', 'a', 'mql', 0, 0), ('l2', 'b', 'mql', 0, 0);",
  '  INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at, grade_then) VALUES',
  "    ('a1', 'l1', 'r1', 'auto', 't', ${Date.UTC(2026, 10, 2)}, 'A'), ('a2', 'l2', 'r1', 'auto', 't', ${Date.UTC(2026, 10, 2)}, 'B')`);",
  "const input = { period: resolvePeriod('2026-11-01', '2026-11-03', 480), filter: {}, tierRepIds: null, calendar: null,",
  '  targets: defaultKpiTargets(DEFAULT_SLA_POLICY), now: Date.UTC(2026, 10, 4) };',
  'const errors = [];',
  'const part = await readKpiParts(db, input, { splitFrom: 0, onWorkerError: (e) => errors.push(e.message) });',
  'console.log(`handed over ${part.handOvers.responses.current.assigned}, worker errors ${JSON.stringify(errors)}`);',
  'db.close();',
];

/** The WAL checkpointer past its bound: the built thread copies the WAL back while this thread never yields. */
const CHECKPOINT_CALLER = [
  "import { statSync } from 'node:fs';",
  `import { openDatabase } from ${JSON.stringify(join(root, 'core', 'store', 'open-database.ts'))};`,
  `import { startWalCheckpointer } from ${JSON.stringify(join(root, 'core', 'store', 'wal-checkpoint.ts'))};`,
  'const path = process.argv[2];',
  'const db = openDatabase(path);',
  "db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');",
  'const checkpointer = startWalCheckpointer(db, { maxWalBytes: 256 * 1024 });',
  'checkpointer.checkpoint();',
  "const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');",
  'let written = 0;',
  "do { insert.run('x'.repeat(2000)); written += 1; checkpointer.noteWrite(); }",
  'while (statSync(`${path}-wal`).size <= 256 * 1024 || written % 16 !== 0);',
  'const before = statSync(path).size;',
  'const deadline = performance.now() + 20000;',
  'while (statSync(path).size === before && performance.now() < deadline);',
  'console.log(`copied by the thread: ${statSync(path).size > before}`);',
  'await checkpointer.whenIdle();',
  'checkpointer.stop();',
  'db.close();',
];

async function bundleCallers(): Promise<void> {
  mkdirSync(join(outDir, 'src'), { recursive: true });
  writeFileSync(join(outDir, 'src', 'kpi-caller.ts'), KPI_CALLER.join('\n'));
  writeFileSync(join(outDir, 'src', 'checkpoint-caller.ts'), CHECKPOINT_CALLER.join('\n'));
  await build({
    entryPoints: {
      'kpi-caller': join(outDir, 'src', 'kpi-caller.ts'),
      'checkpoint-caller': join(outDir, 'src', 'checkpoint-caller.ts'),
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
}

describe('worker modules in a bundle', () => {
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('lists every worker module that exists', () => {
    expect(Object.keys(workers).sort()).toEqual(['kpi-part-worker', 'wal-checkpoint-worker']);
    for (const path of Object.values(workers)) expect(() => readFileSync(join(root, path))).not.toThrow();
  });

  it("runs the Dashboard's second reader and the WAL checkpoint from the built worker files beside the bundle", async () => {
    await bundleCallers();
    // The Dashboard's second reader: both hand-overs counted there.
    const runKpi = () =>
      spawnSync(process.execPath, [join(outDir, 'bundle', 'kpi-caller.mjs'), join(outDir, 'kpi.sqlite')], {
        cwd: outDir,
        encoding: 'utf8',
      });
    const kpi = runKpi();
    expect(kpi.stderr).toBe('');
    expect(kpi.stdout.trim()).toBe('handed over 2, worker errors []');

    // The WAL's background checkpoint: its thread copies while the caller's never yields.
    const checkpoint = spawnSync(
      process.execPath,
      [join(outDir, 'bundle', 'checkpoint-caller.mjs'), join(outDir, 'wal.sqlite')],
      { cwd: outDir, encoding: 'utf8' },
    );
    expect(checkpoint.stderr).toBe('');
    expect(checkpoint.stdout.trim()).toBe('copied by the thread: true');

    // Without the built worker file the reader fails, naming what is missing: it never ran from source text.
    rmSync(join(outDir, 'bundle', 'kpi-part-worker.mjs'));
    rmSync(join(outDir, 'kpi.sqlite'));
    const missing = runKpi();
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/No worker module [^\n]*kpi-part-worker/);
  });
});
