// The WAL's background checkpointer (started by wal-checkpoint.ts through startWorkerModule): copies the WAL back into
// the database file on a connection of its own, so the writer's thread goes on serving calls while the pages are
// copied and synced. Built as its own file (core/worker-modules.json).
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

export interface WalCheckpointWorkerData {
  readonly role: 'wal-checkpoint';
  readonly dbPath: string;
}

/** A PASSIVE checkpoint's row (busy: it could not finish; log and checkpointed: WAL frames in all and copied). */
export type WalCheckpointAnswer =
  { readonly busy: number; readonly log: number; readonly checkpointed: number } | { readonly error: string };

const port = parentPort;
// Only in a thread started with this file's workerData (a test runner's own worker threads import code too).
if (port !== null && (workerData as Partial<WalCheckpointWorkerData> | null)?.role === 'wal-checkpoint') {
  const { dbPath } = workerData as WalCheckpointWorkerData;
  const db = new BetterSqlite3(dbPath, { fileMustExist: true });
  // This connection never writes rows; it must not checkpoint on its own either.
  db.pragma('wal_autocheckpoint = 0');
  port.on('message', (request: 'checkpoint' | 'close') => {
    if (request === 'close') {
      db.close();
      port.close();
      return;
    }
    let answer: WalCheckpointAnswer;
    try {
      const [row] = db.pragma('wal_checkpoint(PASSIVE)') as {
        busy: number;
        log: number;
        checkpointed: number;
      }[];
      answer = row ?? { error: 'wal_checkpoint answered no row' };
    } catch (error) {
      answer = { error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(answer);
  });
}
