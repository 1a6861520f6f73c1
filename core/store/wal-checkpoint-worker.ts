// The WAL's background checkpointer (started by wal-checkpoint.ts through startWorkerModule): copies the WAL back into
// the database file on a connection of its own, so the writer's thread goes on serving calls while the pages are
// copied and synced. Built as its own file (core/worker-modules.json).
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

export interface WalCheckpointWorkerData {
  readonly role: 'wal-checkpoint';
  readonly dbPath: string;
}

/** The last PASSIVE checkpoint's row (busy: it could not finish; log and checkpointed: WAL frames in all and copied). */
export type WalCheckpointAnswer =
  | {
      readonly busy: number;
      readonly log: number;
      readonly checkpointed: number;
      /** Nothing was committed while the last pass copied: the WAL is all in the database file, and can start over. */
      readonly isSettled: boolean;
    }
  | { readonly error: string };

interface CheckpointRow {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

/**
 * Passes enough to settle: a pass copies what was committed while the one before it copied, a few commits, so
 * passes shorten fast; a writer that commits every moment gets its WAL started over at the next round instead.
 */
const MAX_PASSES = 8;

/**
 * PASSIVE passes until one finds no frame committed since the pass before it began (then every frame is copied
 * back, and the writer's next transaction starts the WAL over), or one cannot finish (a reader holds old frames).
 */
export function checkpointUntilSettled(db: Pick<Database, 'pragma'>): WalCheckpointAnswer {
  let previousLog = -1;
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[];
    if (row === undefined) return { error: 'wal_checkpoint answered no row' };
    const isComplete = row.busy === 0 && row.log === row.checkpointed;
    if (!isComplete || row.log === previousLog) return { ...row, isSettled: isComplete };
    previousLog = row.log;
  }
  return { busy: 0, log: previousLog, checkpointed: previousLog, isSettled: false };
}

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
      answer = checkpointUntilSettled(db);
    } catch (error) {
      answer = { error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(answer);
  });
}
