// Closing import batches a job no longer runs for: a cancelled or failed commit, or one a previous process left
// `running` (crash, kill, power loss). Their staged rows never reached the database, so it holds a whole batch or
// none of it.
import type { Database } from 'better-sqlite3';
import {
  deletePendingBatchLeads,
  findImportBatch,
  listBatchesInState,
  updateImportBatch,
} from '../../store/import-batches';
import { inTransaction } from '../../store/sql';

/** Batches whose job runs in this process, per database; any other `running` batch was interrupted. */
const activeBatches = new WeakMap<Database, Set<string>>();

export function activeSet(db: Database): Set<string> {
  let set = activeBatches.get(db);
  if (!set) {
    set = new Set();
    activeBatches.set(db, set);
  }
  return set;
}

export function abandonBatch(
  db: Database,
  batchId: string,
  state: 'cancelled' | 'failed',
  now: number,
): void {
  inTransaction(db, () => {
    const batch = findImportBatch(db, batchId);
    if (!batch || batch.state !== 'running') return;
    deletePendingBatchLeads(db, batchId);
    updateImportBatch(db, batchId, {
      state,
      finishedAt: now,
      inserted: 0,
      merged: 0,
      flagged: 0,
      skipped: 0,
    });
  });
  activeSet(db).delete(batchId);
}

/**
 * Closes batches left `running` by a process that stopped mid-import (crash, kill, power loss): their staged rows
 * never reached the database (and hidden rows an earlier version wrote are deleted), so the database holds the whole
 * batch or none of it. Safe to call at any time.
 */
export function recoverInterruptedImports(db: Database, now: number): string[] {
  const active = activeSet(db);
  const stale = listBatchesInState(db, 'running').filter((batch) => !active.has(batch.id));
  for (const batch of stale) abandonBatch(db, batch.id, 'failed', now);
  return stale.map((batch) => batch.id);
}
