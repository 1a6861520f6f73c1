// After an import commits, its new (non-history, unowned) leads go through distribution like any new lead — in a
// background job of small transactions, so a 100k-row import never holds the writer for the whole team.
import type { Database } from 'better-sqlite3';
import { inTransaction } from '../../store/sql';
import type { EventName, EventPayload, JobStatus } from '../contract';
import { distributeNewLeads } from './distribute-new-leads';
import type { JobRunner, JobStep } from '../jobs/job-runner';

/** Leads per transaction: the engine decides a chunk as one batch (arrival order, optimal rules solved together). */
const CHUNK = 500;

export function startImportDistribution(deps: {
  db: Database;
  jobs: JobRunner;
  clock: () => number;
  newId: (prefix: string) => string;
  actor: string;
  emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void;
  batchId: string;
}): JobStatus {
  const { db } = deps;
  return deps.jobs.start('distribute', deps.actor, (): JobStep => {
    const ids = (
      db
        .prepare(
          `SELECT id FROM leads WHERE import_batch_id = ? AND owner_id IS NULL AND is_history = 0
             AND deleted_at IS NULL ORDER BY created_at, id`,
        )
        .all(deps.batchId) as { id: string }[]
    ).map((row) => row.id);
    let done = 0;
    let assigned = 0;
    return () => {
      const chunk = ids.slice(done, done + CHUNK);
      if (chunk.length === 0)
        return { finished: true, result: { batchId: deps.batchId, leads: ids.length, assigned } };
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
  });
}
