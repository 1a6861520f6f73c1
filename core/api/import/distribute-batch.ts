// After an import commits, its new (non-history, unowned) leads go through distribution like any new lead — in a
// background job of small transactions, so a 100k-row import never holds the writer for the whole team. Resumable:
// each chunk commits its owners, so a restarted job takes only the batch's leads still unowned.
import type { Database } from 'better-sqlite3';
import { listUnownedBatchLeadIds } from '../../store/import-batches';
import { inTransaction } from '../../store/sql';
import type { EventName, EventPayload } from '../contract';
import { distributeNewLeads } from '../distribution/distribute-new-leads';
import type { JobRunner, JobStep } from '../jobs/job-runner';
import type { JobStatus } from '../jobs/schemas';

/** Leads per transaction: the engine decides a chunk as one batch (arrival order, optimal rules solved together). */
const CHUNK = 500;

export function startBatchDistribution(
  deps: {
    db: Database;
    jobs: JobRunner;
    clock: () => number;
    newId: (prefix: string) => string;
    actor: string;
    emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void;
  },
  batchId: string,
  resuming?: JobStatus,
): JobStatus {
  const { db } = deps;
  const makeStep = (): JobStep<'distribute'> => {
    const ids = listUnownedBatchLeadIds(db, batchId);
    let done = 0;
    let assigned = 0;
    return () => {
      const chunk = ids.slice(done, done + CHUNK);
      if (chunk.length === 0) return { finished: true, result: { batchId, leads: ids.length, assigned } };
      const result = inTransaction(db, () =>
        distributeNewLeads(
          { db, actor: { role: 'lead' }, now: deps.clock(), newId: deps.newId, emit: deps.emit },
          chunk,
          { kind: 'import' },
        ),
      );
      done += chunk.length;
      assigned += result.assigned;
      return { done, total: ids.length, message: `${assigned} assigned` };
    };
  };
  return deps.jobs.start('distribute', deps.actor, makeStep, {
    params: { batchId },
    batchId,
    ...(resuming ? { resuming } : {}),
  });
}
