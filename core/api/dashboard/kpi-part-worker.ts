// The Dashboard's second reader (started by kpi-parts.ts through startWorkerModule): reads the KPI row's hand-over
// part (kpi-part.ts) through its own read-only connection, while the calling thread reads the lead part, so a KPI
// row over 100k leads costs the hub's thread about half the time. Built as its own file (core/worker-modules.json).
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { readHandOvers, type HandOverReads, type KpiReadInput } from './kpi-part';

export interface KpiPartWorkerData {
  readonly role: 'kpi-part';
  readonly dbPath: string;
}

export interface KpiPartRequest {
  readonly id: number;
  readonly input: KpiReadInput;
}

export type KpiPartAnswer =
  { readonly id: number; readonly part: HandOverReads } | { readonly id: number; readonly error: string };

const port = parentPort;
// Only in a thread started with this file's workerData (a test runner's own worker threads import code too).
if (port !== null && (workerData as Partial<KpiPartWorkerData> | null)?.role === 'kpi-part') {
  const { dbPath } = workerData as KpiPartWorkerData;
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32768');
  // Sorts (fairness reads rows in order) in memory, as the hub's own connection makes them (open-database.ts).
  db.pragma('temp_store = MEMORY');
  // One read transaction per part: its reads see one state of the database.
  const readInSnapshot = db.transaction((input: KpiReadInput) => readHandOvers(db, input));
  port.on('message', (request: KpiPartRequest | 'close') => {
    if (request === 'close') {
      db.close();
      port.close();
      return;
    }
    let answer: KpiPartAnswer;
    try {
      answer = { id: request.id, part: readInSnapshot(request.input) };
    } catch (error) {
      answer = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(answer);
  });
}
