// At service start, every job a previous process left `running` (it crashed, was killed, lost power) is resumed or
// closed as failed, so nothing stays half done: a distribution or rescore carries on where its committed chunks
// stopped, training starts over from its stored input, an import whose batch never committed is failed (its rows
// never reached the database) and its upload removed, a replay (which writes nothing) and a backup are failed.
import type { Database } from 'better-sqlite3';
import { findImportBatch } from '../../store/import-batches';
import { listJobRowsByParam, listJobRowsInState } from '../../store/jobs';
import type { JobsTable } from '../../store/schema';
import type { EventName, EventPayload } from '../contract';
import { removeBackupLeftovers } from '../backups/backup-files';
import { recoverInterruptedImports } from '../import/recovery';
import { startBatchDistribution } from '../import/distribute-batch';
import { removeUploadNow } from '../import/files';
import type { ScoringState } from '../scoring/scoring-state';
import { startRescoreJob } from '../scoring/rescore-job';
import { startTrainingJob } from '../scoring/train-job';
import { readCustomColumnChoices } from '../scoring/custom-columns';
import { ServiceError } from '../errors';
import { JOBS_ERRORS } from './errors';
import { isJobRunningHere, jobErrorOf, type JobParams, type JobRunner } from './job-runner';
import { jobStatusSchema, type JobStatus } from './schemas';

interface RecoveryDeps {
  readonly db: Database;
  readonly jobs: JobRunner;
  readonly scoring: ScoringState;
  readonly clock: () => number;
  readonly newId: (prefix: string) => string;
  readonly emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void;
}

function statusOfRow(row: JobsTable): JobStatus | null {
  const parsed = jobStatusSchema.safeParse({
    id: row.id,
    kind: row.kind,
    actor: row.actor,
    state: row.state,
    done: row.done,
    total: row.total,
    message: row.message,
    result: row.result_json === null ? null : JSON.parse(row.result_json),
    error: row.error_json === null ? null : JSON.parse(row.error_json),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    batchId: stringParam(paramsOf(row), 'batchId'),
  });
  return parsed.success ? parsed.data : null;
}

function paramsOf(row: JobsTable): Record<string, unknown> {
  const value: unknown = JSON.parse(row.params_json);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function stringParam(params: JobParams, key: string): string | null {
  const value = params[key];
  return typeof value === 'string' ? value : null;
}

/** Starts the distribution of a committed batch's new leads unless one already ran or runs for it. */
function ensureBatchDistributed(deps: RecoveryDeps, batchId: string, actor: string): void {
  if (listJobRowsByParam(deps.db, 'distribute', 'batchId', batchId).length > 0) return;
  startBatchDistribution({ ...deps, actor }, batchId);
}

/**
 * Resumes or closes the jobs a previous process left running, and removes what crashed imports and backups left on
 * disk. Synchronous (a few file deletions at most): call once when the service starts, before any call runs. Returns the ids of the jobs it resumed and failed.
 */
export function recoverInterruptedJobs(deps: RecoveryDeps): { resumed: string[]; failed: string[] } {
  const { db, jobs } = deps;
  const now = deps.clock();
  const resumed: string[] = [];
  const failed: string[] = [];
  const failJob = (job: JobStatus, params: JobParams, error: JobStatus['error']) => {
    jobs.record({ ...job, state: 'failed', error, finishedAt: now } as JobStatus, params);
    failed.push(job.id);
  };
  recoverInterruptedImports(db, now);
  for (const row of listJobRowsInState(db, 'running')) {
    if (jobs.get(row.id) || isJobRunningHere(db, row.id)) continue;
    const params = paramsOf(row);
    const job = statusOfRow(row);
    const interrupted = jobErrorOf(new ServiceError(JOBS_ERRORS.interrupted, { kind: row.kind }));
    if (!job) {
      // A row this version cannot read (an older or newer shape): closed as it is.
      failed.push(row.id);
      continue;
    }
    switch (job.kind) {
      case 'distribute': {
        const batchId = stringParam(params, 'batchId');
        if (batchId === null) failJob(job, params, interrupted);
        else resumed.push(startBatchDistribution({ ...deps, actor: job.actor }, batchId, job).id);
        break;
      }
      case 'rescore':
        resumed.push(startRescoreJob({ ...deps, actor: job.actor }, job).id);
        break;
      case 'train': {
        const strings = (name: string) =>
          Array.isArray(params[name])
            ? params[name].filter((field): field is string => typeof field === 'string')
            : [];
        const excludeFields = strings('excludeFields');
        const flaggedFields = strings('flaggedFields');
        const seed = typeof params['seed'] === 'number' ? params['seed'] : 1;
        resumed.push(
          startTrainingJob(
            { ...deps, actor: job.actor },
            { seed, excludeFields, flaggedFields, customColumns: readCustomColumnChoices(db) },
            job,
          ).id,
        );
        break;
      }
      case 'import': {
        const batchId = stringParam(params, 'batchId');
        const batch = batchId === null ? undefined : findImportBatch(db, batchId);
        if (batch?.state === 'committed') {
          // It died between its last transaction and saying so: the batch is whole.
          const seconds = Math.max(((batch.finishedAt ?? now) - batch.startedAt) / 1000, 0.001);
          jobs.record(
            {
              ...job,
              state: 'done',
              done: batch.totalRows,
              total: batch.totalRows,
              finishedAt: batch.finishedAt ?? now,
              result: {
                batchId: batch.id,
                inserted: batch.inserted,
                merged: batch.merged,
                flagged: batch.flagged,
                skipped: batch.skipped,
                errors: batch.errors,
                rowsPerSecond: Math.round(batch.totalRows / seconds),
              },
            },
            params,
          );
        } else {
          failJob(job, params, interrupted);
        }
        const uploadId = stringParam(params, 'uploadId');
        if (uploadId !== null) removeUploadNow(db, uploadId);
        break;
      }
      case 'replay':
      case 'backup':
        failJob(job, params, interrupted);
        break;
    }
  }
  // A batch that committed but whose distribution never started (the process died in between) is distributed now.
  for (const row of listJobRowsInState(db, 'done')) {
    if (row.kind !== 'import') continue;
    const params = paramsOf(row);
    const batchId = stringParam(params, 'batchId');
    if (batchId !== null && params['isHistory'] !== true) ensureBatchDistributed(deps, batchId, row.actor);
  }
  removeBackupLeftovers(db);
  return { resumed, failed };
}
