// The analysis's matching worker thread (started by key-matching.ts through startWorkerModule): reads every live
// lead's stored keys through its own read-only connection, then matches the batches of rows it is sent. Built as its
// own file next to the core's bundle (core/worker-modules.json); from source, Node runs this file as it is, so its
// project imports are type-only or name the .ts file.
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { createKeyMatchEngine, type KeyHolder } from './key-match-engine.ts';

/** What the worker is told when it starts: the database file and the query of every live lead's keys. */
export interface KeyMatchingWorkerData {
  readonly dbPath: string;
  readonly storedKeysSql: string;
}

/** A batch to match: `row, phone, email, companyName` per row, flat; and the hits the worker sends back. */
export interface KeyBatchMessage {
  readonly keys: readonly (string | number | null)[];
}
export interface KeyHitsMessage {
  readonly hits: readonly KeyHolder[];
}

const port = parentPort;
if (!port) throw new Error('key matching runs on a worker thread');
const data = workerData as KeyMatchingWorkerData;
const engine = createKeyMatchEngine();
const db = new BetterSqlite3(data.dbPath, { readonly: true, fileMustExist: true });
try {
  const rows = db.prepare(data.storedKeysSql).raw(true).iterate() as IterableIterator<
    [string, string | null, string | null, string | null]
  >;
  for (const [id, phone, email, companyName] of rows) engine.seed(id, phone, email, companyName);
} finally {
  db.close();
}
port.on('message', ({ keys }: KeyBatchMessage) => {
  const hits: KeyHolder[] = [];
  for (let i = 0; i < keys.length; i += 4)
    engine.matchRow(
      keys[i] as number,
      keys[i + 1] as string | null,
      keys[i + 2] as string | null,
      keys[i + 3] as string | null,
      hits,
    );
  port.postMessage({ hits } satisfies KeyHitsMessage);
});
