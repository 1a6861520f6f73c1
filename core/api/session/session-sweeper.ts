// Drops sessions that ended (expired or revoked) over a week ago, at start-up and every six hours, so the sessions
// table of a hub that runs for years stays small. A dropped token is refused just as an ended one is.
import type { Database } from 'better-sqlite3';
import { deleteEndedSessions } from '../../store/sessions';
import { inTransaction } from '../../store/sql';

/** Ended sessions are kept this long (ms), for looking into recent sign-outs and revocations. */
export const KEEP_ENDED_SESSIONS_MS = 7 * 24 * 60 * 60_000;

export interface SessionSweeper {
  /** Sweeps now; returns how many sessions were dropped. */
  runOnce(): number;
  stop(): void;
}

export function startSessionSweeper(options: {
  readonly db: Database;
  readonly clock?: () => number;
  /** Between sweeps, ms [6 hours]. */
  readonly intervalMs?: number;
  readonly onError?: (error: unknown) => void;
}): SessionSweeper {
  const { db } = options;
  const clock = options.clock ?? Date.now;
  let isStopped = false;

  function runOnce(): number {
    if (isStopped || !db.open) return 0;
    try {
      return inTransaction(db, () => deleteEndedSessions(db, clock() - KEEP_ENDED_SESSIONS_MS));
    } catch (error) {
      options.onError?.(error);
      return 0;
    }
  }

  runOnce();
  const every = setInterval(runOnce, options.intervalMs ?? 6 * 60 * 60_000);
  every.unref();
  return {
    runOnce,
    stop() {
      isStopped = true;
      clearInterval(every);
    },
  };
}
