// Starts a worker thread running a self-contained program with its own better-sqlite3 connection. The program runs
// from its source text (no worker file to bundle, resolve or unpack next to the app): it may use nothing from
// outside itself but `require`, the values it is passed, and better-sqlite3 loaded from `workerData.sqlitePath`.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What every such worker finds in its workerData, besides its own fields. */
export interface SqliteWorkerData {
  /** better-sqlite3 as this thread resolved it, for the worker's `require`. */
  readonly sqlitePath: string;
}

/**
 * Runs `program(require, ...functions)` on a new worker thread. `functions` are passed as source text too, so they
 * must be self-contained like the program.
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
