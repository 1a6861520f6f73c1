// Starts worker threads. A worker is a module of its own (e.g. core/api/dashboard/kpi-part-worker.ts) that every
// build emits as a file of the same name beside the code that starts it — electron-vite into out/main (inside
// app.asar when packaged), scripts/hub.mjs into out/hub — and that Node runs from source in tests
// (core/worker-modules.json lists them for both builds).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Built JavaScript first (electron-vite's .js, the hub's .mjs), then the TypeScript source Node runs as it is. */
const WORKER_EXTENSIONS = ['.js', '.mjs', '.ts'] as const;

/**
 * The worker file for `moduleUrl` — `new URL('./kpi-part-worker', import.meta.url)` from the module that starts it,
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

/**
 * Starts the worker module named by `moduleUrl` (see resolveWorkerModule) with `data` as its workerData. Built, a
 * worker is one bundled file; from source, Node strips a worker's types but cannot resolve its extensionless
 * imports of other project files, so a worker that imports any (`importsProjectFiles`) runs through tsx there.
 */
export function startWorkerModule(
  moduleUrl: URL,
  data: object,
  options: { readonly importsProjectFiles?: boolean } = {},
): Worker {
  const file = resolveWorkerModule(moduleUrl);
  const fromSource = file.pathname.endsWith('.ts') && options.importsProjectFiles === true;
  return new Worker(file, { workerData: data, ...(fromSource ? { execArgv: ['--import', 'tsx'] } : {}) });
}
