// Moves WAL checkpoints off the request path: SQLite's automatic checkpoint runs inside whichever commit crosses
// the threshold (copying and syncing thousands of pages, tens of ms), so the service checkpoints when idle instead.
import type { Database } from 'better-sqlite3';
import { statSync } from 'node:fs';

interface WalCheckpointOptions {
  /** Quiet time after the last write before the idle checkpoint runs [200 ms]; each write postpones it. */
  readonly idleMs?: number;
  /** Longest a write waits for its checkpoint while writes keep coming [5 s]. */
  readonly maxDelayMs?: number;
  /**
   * WAL size bound [64 MiB]: past it, a checkpoint runs right after the current call (before the next request is
   * read), so a host that never idles keeps a bounded WAL; inside a write only when a burst of writes never yielded
   * since the last size check found it past the bound.
   */
  readonly maxWalBytes?: number;
}

export interface WalCheckpointer {
  /** Call after a transaction committed: schedules the idle checkpoint, or checkpoints now past the size bound. */
  noteWrite(): void;
  /** Runs a passive checkpoint now (never waits for readers); true when the WAL was fully copied back. */
  checkpoint(): boolean;
  /** Cancels the pending idle checkpoint. */
  stop(): void;
}

const DEFAULT_IDLE_MS = 200;
/**
 * A checkpoint blocks whichever call arrives while it runs. Run 200 ms after every first write of a busy stretch, it
 * was the distribution API benchmark's slow tail (one new lead in twenty waited for one; 2026-12-03): writes now
 * postpone it until a quiet moment, or these 5 s, so a busy host checkpoints a few times a minute.
 */
const DEFAULT_MAX_DELAY_MS = 5_000;
const DEFAULT_MAX_WAL_BYTES = 64 * 1024 * 1024;
/** Stat the WAL file only every few writes: one write adds tens of KB, far below the bound. */
const SIZE_CHECK_EVERY = 16;

interface CheckpointRow {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

const noop: WalCheckpointer = { noteWrite() {}, checkpoint: () => true, stop() {} };

/**
 * Turns off SQLite's in-commit auto-checkpoint on a WAL database and takes over: a PASSIVE checkpoint runs on a
 * timer after writes, and right after the current call once the WAL file passed `maxWalBytes` (inline if a burst
 * never let that run). `journal_size_limit` shrinks the file back after each reset, so its size says how much was
 * written since the last complete checkpoint. In-memory, read-only and non-WAL databases are left as they are.
 */
export function startWalCheckpointer(db: Database, options: WalCheckpointOptions = {}): WalCheckpointer {
  if (db.memory || db.readonly) return noop;
  const mode = db.pragma('journal_mode', { simple: true }) as string;
  if (mode.toLowerCase() !== 'wal') return noop;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const maxWalBytes = options.maxWalBytes ?? DEFAULT_MAX_WAL_BYTES;
  const walPath = `${db.name}-wal`;
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${maxWalBytes}`);
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The checkpoint scheduled to run right after the current call, or null. */
  let soon: ReturnType<typeof setImmediate> | null = null;
  /** When the first write not yet checkpointed was noted (performance.now()), or null. */
  let pendingSince: number | null = null;
  let writesSinceSizeCheck = 0;

  function checkpoint(): boolean {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
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

  /** Checkpoints once the current call has answered: its own answer never waits for the copy. */
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

  return {
    noteWrite() {
      writesSinceSizeCheck += 1;
      if (writesSinceSizeCheck >= SIZE_CHECK_EVERY) {
        writesSinceSizeCheck = 0;
        if (walBytes() > maxWalBytes) {
          // Still scheduled from the last check: these writes never yielded, so it could not run.
          if (soon !== null) {
            checkpoint();
            return;
          }
          checkpointSoon();
        }
      }
      const now = performance.now();
      pendingSince ??= now;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(
        () => {
          timer = null;
          try {
            checkpoint();
          } catch {
            // A failed checkpoint leaves the WAL as it was; the next write schedules another.
          }
        },
        Math.max(0, Math.min(idleMs, pendingSince + maxDelayMs - now)),
      );
      // Never keeps a process alive just to checkpoint: SQLite checkpoints on close anyway.
      timer.unref();
    },
    checkpoint,
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (soon !== null) clearImmediate(soon);
      soon = null;
    },
  };
}
