// Moves WAL checkpoints off the request path: SQLite's automatic checkpoint runs inside whichever commit crosses
// the threshold (copying and syncing thousands of pages, tens of ms), so the service checkpoints when idle instead,
// on a connection of its own in a worker thread (wal-checkpoint-worker.ts) while this thread goes on serving calls.
import type { Database } from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { startWorkerModule } from './sqlite-worker';
import type { WalCheckpointAnswer, WalCheckpointWorkerData } from './wal-checkpoint-worker';

interface WalCheckpointOptions {
  /** Quiet time after the last write before the idle checkpoint runs [200 ms]; each write postpones it. */
  readonly idleMs?: number;
  /** Longest a write waits for its checkpoint while writes keep coming [5 s]. */
  readonly maxDelayMs?: number;
  /**
   * WAL size bound [64 MiB]: past it, a checkpoint starts at once, so a host that never idles keeps a bounded WAL.
   * Past twice the bound (checkpoints in the background never caught up with the writes) one runs on this thread
   * right after the current call, inside a write only when a burst of writes never yielded since the last check.
   */
  readonly maxWalBytes?: number;
  /** Scheduled checkpoints run in a worker thread [true]; false: on this thread, right after the current call. */
  readonly inBackground?: boolean;
}

export interface WalCheckpointer {
  /** Call after a transaction committed: schedules the idle checkpoint, or starts one now past the size bound. */
  noteWrite(): void;
  /** Runs a passive checkpoint now, on this thread (never waits for readers); true when the WAL was fully copied back. */
  checkpoint(): boolean;
  /** Resolves once no background checkpoint is running or asked for. */
  whenIdle(): Promise<void>;
  /** Cancels the pending idle checkpoint and lets the background thread go. */
  stop(): void;
}

const DEFAULT_IDLE_MS = 200;
/**
 * A checkpoint on this thread blocks whichever call arrives while it runs. Run 200 ms after every first write of a
 * busy stretch, it was the distribution API benchmark's slow tail (one new lead in twenty waited for one;
 * 2026-12-03): writes postpone it until a quiet moment, or these 5 s, so a busy host checkpoints a few times a minute.
 */
const DEFAULT_MAX_DELAY_MS = 5_000;
const DEFAULT_MAX_WAL_BYTES = 64 * 1024 * 1024;
/** Stat the WAL file only every few writes: one write adds tens of KB, far below the bound. */
const SIZE_CHECK_EVERY = 16;
/** The background thread stays this long after its last checkpoint, so a busy stretch does not start one each time. */
const THREAD_IDLE_MS = 60_000;

interface CheckpointRow {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

interface BackgroundCheckpoints {
  /** Starts a checkpoint, or one more after the running one. */
  request(): void;
  whenIdle(): Promise<void>;
  close(): void;
}

/** The worker thread that checkpoints `db`'s file; `onGone` hears when it failed or closed for idleness. */
function startBackground(db: Database, onGone: (error: Error | null) => void): BackgroundCheckpoints {
  const worker: Worker = startWorkerModule(new URL('./wal-checkpoint-worker', import.meta.url), {
    role: 'wal-checkpoint',
    dbPath: db.name,
  } satisfies WalCheckpointWorkerData);
  let isRunning = false;
  let isAskedAgain = false;
  let isClosed = false;
  let idle: ReturnType<typeof setTimeout> | null = null;
  let waiters: (() => void)[] = [];
  const settle = () => {
    const done = waiters;
    waiters = [];
    // Kept the process alive only while someone waited (whenIdle).
    if (done.length > 0 && !isClosed) worker.unref();
    for (const resolve of done) resolve();
  };
  const close = (error: Error | null) => {
    if (isClosed) return;
    isClosed = true;
    if (idle !== null) clearTimeout(idle);
    onGone(error);
    settle();
  };
  /** Lets the thread go: it closes its connection and ends. */
  const closeThread = () => {
    if (isClosed) return;
    close(null);
    worker.postMessage('close');
  };
  const run = () => {
    isRunning = true;
    if (idle !== null) clearTimeout(idle);
    idle = null;
    worker.postMessage('checkpoint');
  };
  worker.on('message', (answer: WalCheckpointAnswer) => {
    isRunning = false;
    if ('error' in answer) console.warn(`The background WAL checkpoint failed: ${answer.error}`);
    if (isAskedAgain) {
      isAskedAgain = false;
      run();
      return;
    }
    settle();
    idle = setTimeout(closeThread, THREAD_IDLE_MS);
    idle.unref();
  });
  worker.on('error', (error) => close(error));
  worker.on('exit', (code) => close(new Error(`the WAL checkpoint thread stopped (exit code ${code})`)));
  // Never keeps a process alive (after the listeners: adding one refs it again); SQLite checkpoints on close anyway.
  worker.unref();
  return {
    request() {
      if (isClosed) return;
      if (isRunning) isAskedAgain = true;
      else run();
    },
    whenIdle() {
      if (isClosed || (!isRunning && !isAskedAgain)) return Promise.resolve();
      // Someone waits for the checkpoint: the process stays until it ends.
      worker.ref();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    close: closeThread,
  };
}

const noop: WalCheckpointer = {
  noteWrite() {},
  checkpoint: () => true,
  whenIdle: () => Promise.resolve(),
  stop() {},
};

/**
 * Turns off SQLite's in-commit auto-checkpoint on a WAL database and takes over: a PASSIVE checkpoint runs in the
 * background on a timer after writes, and at once when the WAL file passed `maxWalBytes`. `journal_size_limit`
 * shrinks the file back after each reset, so its size says how much was written since the last complete checkpoint.
 * In-memory, read-only and non-WAL databases are left as they are.
 */
export function startWalCheckpointer(db: Database, options: WalCheckpointOptions = {}): WalCheckpointer {
  if (db.memory || db.readonly) return noop;
  const mode = db.pragma('journal_mode', { simple: true }) as string;
  if (mode.toLowerCase() !== 'wal') return noop;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const maxWalBytes = options.maxWalBytes ?? DEFAULT_MAX_WAL_BYTES;
  let isInBackground = options.inBackground ?? true;
  const walPath = `${db.name}-wal`;
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${maxWalBytes}`);
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The checkpoint scheduled to run on this thread right after the current call, or null. */
  let soon: ReturnType<typeof setImmediate> | null = null;
  /** When the first write not yet checkpointed was noted (performance.now()), or null. */
  let pendingSince: number | null = null;
  let writesSinceSizeCheck = 0;
  let background: BackgroundCheckpoints | null = null;

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function checkpoint(): boolean {
    clearTimer();
    if (soon !== null) {
      clearImmediate(soon);
      soon = null;
    }
    pendingSince = null;
    writesSinceSizeCheck = 0;
    // A checkpoint inside an open transaction would fail; the next write schedules another one.
    if (!db.open || db.inTransaction) return false;
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[];
    return row !== undefined && row.busy === 0 && row.log === row.checkpointed;
  }

  function walBytes(): number {
    try {
      return statSync(walPath).size;
    } catch {
      return 0;
    }
  }

  /** Checkpoints on this thread once the current call has answered: its own answer never waits for the copy. */
  function checkpointSoon(): void {
    if (soon !== null) return;
    soon = setImmediate(() => {
      soon = null;
      try {
        checkpoint();
      } catch {
        // A failed checkpoint leaves the WAL as it was; the next write schedules another.
      }
    });
    soon.unref();
  }

  /** Starts a checkpoint in the background thread, else (none can run) on this thread after the current call. */
  function checkpointAside(): void {
    clearTimer();
    pendingSince = null;
    if (!isInBackground || !db.open) {
      checkpointSoon();
      return;
    }
    try {
      background ??= startBackground(db, (error) => {
        background = null;
        if (error === null) return;
        // A thread that cannot run checkpoints once will not later: this thread checkpoints from now on.
        isInBackground = false;
        // A file removed under an open connection (a test's folder cleaned up) has nothing left to checkpoint.
        if (existsSync(db.name))
          console.warn(
            `The WAL checkpoint thread failed; checkpoints run between calls instead: ${error.message}`,
          );
      });
      background.request();
    } catch (error) {
      isInBackground = false;
      console.warn(
        `The WAL checkpoint thread did not start: ${error instanceof Error ? error.message : String(error)}`,
      );
      checkpointSoon();
    }
  }

  return {
    noteWrite() {
      writesSinceSizeCheck += 1;
      if (writesSinceSizeCheck >= SIZE_CHECK_EVERY) {
        writesSinceSizeCheck = 0;
        const bytes = walBytes();
        if (bytes > maxWalBytes * (isInBackground ? 2 : 1)) {
          // Still scheduled from the last check: these writes never yielded, so it could not run.
          if (soon !== null) {
            checkpoint();
            return;
          }
          checkpointSoon();
        } else if (bytes > maxWalBytes) {
          checkpointAside();
          return;
        }
      }
      const now = performance.now();
      pendingSince ??= now;
      clearTimer();
      timer = setTimeout(
        () => {
          timer = null;
          checkpointAside();
        },
        Math.max(0, Math.min(idleMs, pendingSince + maxDelayMs - now)),
      );
      // Never keeps a process alive just to checkpoint: SQLite checkpoints on close anyway.
      timer.unref();
    },
    checkpoint,
    whenIdle: () => background?.whenIdle() ?? Promise.resolve(),
    stop() {
      clearTimer();
      if (soon !== null) clearImmediate(soon);
      soon = null;
      background?.close();
      background = null;
    },
  };
}
