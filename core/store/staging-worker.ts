// The staging writer's worker thread (started by core/store/staging-writer.ts through startWorkerModule): writes the
// rows it is sent into a new scratch SQLite file. Built as its own file next to the core's bundle (electron-vite:
// out/main/staging-worker.js; the hub: out/hub/staging-worker.mjs); from source, Node runs this file as it is, so it
// imports nothing of the project but types (erased).
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/** What the worker is told when it starts. */
export interface StagingWorkerData {
  readonly path: string;
  readonly createSql: string;
  readonly insertSql: string;
}

/** Rows to write, or the end; and the worker's answers: rows written so far, or the file closed with its count. */
export type StagingWorkerMessage =
  { readonly rows: readonly (readonly unknown[])[] } | { readonly close: true };
export type StagingWorkerReply = { readonly written: number } | { readonly closed: number };

const port = parentPort;
if (!port) throw new Error('the staging writer runs on a worker thread');
const data = workerData as StagingWorkerData;
const db = new BetterSqlite3(data.path);
// A scratch file: nothing to recover if the process dies, so no journal and no waiting for the disk.
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
db.exec(data.createSql);
const insert = db.prepare(data.insertSql);
const insertAll = db.transaction((rows: readonly (readonly unknown[])[]) => {
  for (const row of rows) insert.run(row);
});
let written = 0;
port.on('message', (message: StagingWorkerMessage) => {
  if ('close' in message) {
    db.close();
    port.postMessage({ closed: written } satisfies StagingWorkerReply);
    port.close();
    return;
  }
  insertAll(message.rows);
  written += message.rows.length;
  port.postMessage({ written } satisfies StagingWorkerReply);
});
