// Starts worker threads. A worker is a module of its own (e.g. core/store/staging-worker.ts) that every build emits
// as a file of the same name beside the code that starts it — electron-vite into out/main (inside app.asar when
// packaged), scripts/hub.mjs into out/hub — and that Node runs from source in tests (core/worker-modules.json lists
// them for both builds). The older form, a program started from its own source text, stays until its last caller
// (core/api/import/key-matching.ts) moves to a worker module.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Built JavaScript first (electron-vite's .js, the hub's .mjs), then the TypeScript source Node runs as it is. */
const WORKER_EXTENSIONS = ['.js', '.mjs', '.ts'] as const;

/**
 * The worker file for `moduleUrl` — `new URL('./staging-worker', import.meta.url)` from the module that starts it,
 * without an extension — or an error naming where it looked (a build that forgot the entry).
 */
export function resolveWorkerModule(moduleUrl: URL): URL {
  for (const extension of WORKER_EXTENSIONS) {
    const candidate = new URL(`${moduleUrl.href}${extension}`);
    if (existsSync(fileURLToPath(candidate))) return candidate;
  }
  throw new Error(
    `No worker module ${fileURLToPath(moduleUrl)}{${WORKER_EXTENSIONS.join(',')}}: add it to core/worker-modules.json and rebuild.`,
  );
}

/** Starts the worker module named by `moduleUrl` (see resolveWorkerModule) with `data` as its workerData. */
export function startWorkerModule(moduleUrl: URL, data: object): Worker {
  return new Worker(resolveWorkerModule(moduleUrl), { workerData: data });
}

/** What every source-text worker finds in its workerData, besides its own fields. */
export interface SqliteWorkerData {
  /** better-sqlite3 as this thread resolved it, for the worker's `require`. */
  readonly sqlitePath: string;
}

/**
 * Runs `program(require, ...functions)` on a new worker thread from its source text. `functions` are passed as
 * source text too, so they must be self-contained like the program. Superseded by startWorkerModule.
 */
export function startSqliteWorker<Data extends object>(
  program: (load: (id: string) => unknown, ...functions: never[]) => void,
  functions: readonly ((...args: never[]) => unknown)[],
  data: Data,
): Worker {
  const workerData: Data & SqliteWorkerData = {
    ...data,
    sqlitePath: createRequire(import.meta.url).resolve('better-sqlite3'),
  };
  // A bundler or TypeScript loader may wrap named functions in `__name(...)` to keep their names: the source gets
  // a no-op one, so it runs the same whatever compiled it.
  const source = [
    'const __name = (target) => target;',
    `(${program.toString()})(require${functions.map((fn) => `, ${fn.toString()}`).join('')});`,
  ].join('\n');
  return new Worker(source, { eval: true, workerData });
}
