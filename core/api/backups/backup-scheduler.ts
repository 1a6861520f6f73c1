// The automatic daily backup: checks every hour whether today's backup exists, takes it if not, then prunes to
// the last 7 daily and 4 weekly. Also closes imports a previous run left half done.
import type { Database } from 'better-sqlite3';
import { createBackup, listBackups, localOffsetMinutes, pruneBackups } from './backup-files';
import { hasBackupForDay } from './backup-retention';
import { recoverInterruptedImports } from '../import/recovery';

export interface BackupScheduler {
  /** Runs one check now (what the timer does every hour); resolves with the backup taken, if any. */
  runOnce(): Promise<string | null>;
  stop(): void;
}

export function startBackupScheduler(options: {
  readonly db: Database;
  readonly clock?: () => number;
  readonly intervalMs?: number;
  /** Delay of the first check after start-up, so opening the app is not slowed by a backup. */
  readonly firstDelayMs?: number;
  readonly onError?: (error: unknown) => void;
}): BackupScheduler {
  const { db } = options;
  const clock = options.clock ?? Date.now;
  let isRunning = false;
  let isStopped = false;

  recoverInterruptedImports(db, clock());

  async function runOnce(): Promise<string | null> {
    if (isRunning || isStopped || !db.open) return null;
    isRunning = true;
    try {
      const now = clock();
      const existing = await listBackups(db, now);
      if (hasBackupForDay(existing, now, localOffsetMinutes(now))) return null;
      const taken = await createBackup(db, 'daily', now);
      await pruneBackups(db, now);
      return taken.id;
    } catch (error) {
      options.onError?.(error);
      return null;
    } finally {
      isRunning = false;
    }
  }

  const first = setTimeout(() => void runOnce(), options.firstDelayMs ?? 30_000);
  const every = setInterval(() => void runOnce(), options.intervalMs ?? 3_600_000);
  first.unref();
  every.unref();
  return {
    runOnce,
    stop() {
      isStopped = true;
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
