// `npm run hub`: builds what is missing or older than its sources — the renderer (Vite) and the core host bundled
// by esbuild into out/hub/host.mjs — then runs the host with plain `node`. Compiling TypeScript at every start
// (tsx) took ~10 s before /api/health answered on a 2-core machine; the built host answers in well under 2 s
// (test/bench/hub-start.bench.ts). `--build-only` builds what is stale and exits; `--build-host` builds only the
// host (the e2e harness, which runs `node <core V8 flags> out/hub/host.mjs` itself against a renderer it checks).
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const builtRenderer = join(root, 'out', 'renderer', 'index.html');
const builtHost = join(root, 'out', 'hub', 'host.mjs');

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when `built` is missing or any source (a file, or every file under a folder) changed after it. */
const isStale = (built, ...sources) =>
  !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;

function buildRendererIfStale() {
  if (!isStale(builtRenderer, join(root, 'renderer'))) return;
  console.log('Building the renderer…');
  const build = spawnSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/**
 * Bundles core/host.ts with its dependencies into one file (better-sqlite3, native, stays in node_modules):
 * measured here under load, starting used ~0.7 s of CPU bundled against ~1.4 s with node_modules resolved file by
 * file (Kysely alone is ~300 ES module files). Written under a temporary name and renamed, so a hub starting meanwhile
 * never runs half a file. Not minified, so stack traces keep names and line numbers in a readable bundle.
 */
async function buildHostIfStale() {
  const sources = [join(root, 'core'), join(root, 'scripts', 'hub.mjs'), join(root, 'package-lock.json')];
  // core/ includes core/worker-modules.json, so a new worker entry rebuilds too.
  if (!isStale(builtHost, ...sources)) return;
  console.log('Building the hub…');
  const { build } = await import('esbuild');
  // esbuild prints what failed; the stack of its Error adds nothing.
  // Worker threads are files of their own beside host.mjs (core/store/sqlite-worker.ts finds them).
  const workers = JSON.parse(readFileSync(join(root, 'core', 'worker-modules.json'), 'utf8'));
  const entryPoints = { host: 'core/host.ts', ...workers };
  const result = await build({
    entryPoints: Object.fromEntries(
      Object.entries(entryPoints).map(([name, path]) => [name, join(root, path)]),
    ),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3'],
    // Bundled CommonJS dependencies call require() for Node's modules: an ES module has none of its own.
    banner: {
      js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
    },
    write: false,
    outdir: join(root, 'out', 'hub'),
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  }).catch(() => process.exit(1));
  mkdirSync(join(root, 'out', 'hub'), { recursive: true });
  // The workers first: a hub that starts between two renames finds the workers its host.mjs expects.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path === builtHost) - Number(b.path === builtHost),
  );
  for (const file of files) {
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
}

const args = process.argv.slice(2);
if (args.includes('--build-host')) {
  await buildHostIfStale();
  process.exit(0);
}
buildRendererIfStale();
await buildHostIfStale();
if (args.includes('--build-only')) process.exit(0);
// The same V8 flags the desktop app gives its core process (core/core-v8-flags.ts says why).
const coreFlags = JSON.parse(readFileSync(join(root, 'core', 'core-v8-flags.json'), 'utf8'));
// Node keeps the compiled bytecode of the 5 MB bundle between starts (https://nodejs.org/api/module.html#module-compile-cache).
const env = { ...process.env, NODE_COMPILE_CACHE: join(root, 'out', 'hub', 'compile-cache') };
const child = spawn(process.execPath, [...coreFlags, builtHost, ...args], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
