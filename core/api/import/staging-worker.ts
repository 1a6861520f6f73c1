// The import commit's staging writer thread (started by lead-staging.ts through startWorkerModule): writes the rows
// it is sent into a new scratch SQLite file beside the upload, so binding two dozen values per new lead runs beside
// the commit's matching and scoring, not on the thread that answers calls. Built as its own file next to the core's
// bundle (core/worker-modules.json); from source (tests), Node runs this file as it is, so it imports no project file
// at run time.
import BetterSqlite3 from 'better-sqlite3';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** What the worker is told when it starts: the file, and the SQL that creates its table and inserts one row. */
export interface StagingWorkerData {
  readonly role: 'import-staging';
  readonly path: string;
  readonly createSql: string;
  readonly insertSql: string;
}

/** Rows to write (values in the table's column order), or the end. */
export type StagingWorkerMessage =
  { readonly rows: readonly (readonly unknown[])[] } | { readonly close: true };
/** The worker's answers: rows written so far, or the file closed with its row count. */
export type StagingWorkerReply = { readonly written: number } | { readonly closed: number };

function runStagingWorker(data: StagingWorkerData): void {
  const port = parentPort;
  if (!port) throw new Error('the staging writer runs on a worker thread');
  const db = new BetterSqlite3(data.path);
  // A scratch file: nothing to recover if the process dies (the batch was never committed), so no journal.
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
}

// Only in a thread started with this file's workerData: the types above are imported by the starter too.
if (!isMainThread && (workerData as Partial<StagingWorkerData> | null)?.role === 'import-staging')
  runStagingWorker(workerData as StagingWorkerData);
