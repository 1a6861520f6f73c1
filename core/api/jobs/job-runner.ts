// Background jobs (rescoring, training, imports, distribution, replays, backups): run in small synchronous steps
// between which the event loop breathes, so calls keep being answered; progress is pushed as `jobs.progress`
// events and mirrored in the `jobs` table, so a restart finds what was running (see recover-jobs.ts).
import type { Database } from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { saveJobRow } from '../../store/jobs';
import type { EventName, EventPayload } from '../contract';
import { ServiceError } from '../errors';
import { JOBS_ERRORS } from './errors';
import type { JobError, JobKind, JobResultOf, JobStatus } from './schemas';

type JobStepOutcome<K extends JobKind = JobKind> =
  { done: number; total: number; message?: string } | { finished: true; result: JobResultOf<K> };

/**
 * One step of a job: does a bounded amount of work (its own transaction) and says how far along it is, or returns
 * a promise of that when it waits for work off this thread (a worker writing a file).
 */
export type JobStep<K extends JobKind = JobKind> = () => JobStepOutcome<K> | Promise<JobStepOutcome<K>>;

/** What a job needs to run again after a restart (its input); stored as JSON with the job. */
export type JobParams = Readonly<Record<string, unknown>>;

interface StartOptions {
  readonly params?: JobParams;
  /** The import batch the job works on (JobStatus.batchId). */
  readonly batchId?: string;
  /** A job a previous process left running: it continues under its id, start time and actor. */
  readonly resuming?: JobStatus;
}

export interface JobRunner {
  start<K extends JobKind>(
    kind: K,
    actor: string,
    makeStep: () => JobStep<K>,
    options?: StartOptions,
  ): JobStatus;
  get(id: string): JobStatus | undefined;
  list(): JobStatus[];
  cancel(id: string): JobStatus | undefined;
  /** Records a job a restart found interrupted, as recovery closed it (failed, or done when its work had landed). */
  record(job: JobStatus, params: JobParams): JobStatus;
  /** Resolves when the job stops (done, failed or cancelled). */
  waitFor(id: string): Promise<JobStatus>;
}

/** Jobs running in this process, per database: any other `running` row was left by a process that stopped. */
const runningHere = new WeakMap<Database, Set<string>>();

export function isJobRunningHere(db: Database, id: string): boolean {
  return runningHere.get(db)?.has(id) ?? false;
}

/** Progress is written to the table at most this often; state changes always are. */
const PERSIST_EVERY_MS = 1_000;

/** A thrown error as job data: a refusal keeps its reason and details, anything else is `jobs.failed`. */
export function jobErrorOf(error: unknown): JobError {
  const refusal =
    error instanceof ServiceError
      ? error
      : new ServiceError(JOBS_ERRORS.failed, {
          detail: error instanceof Error ? error.message : String(error),
        });
  return refusal.toRefusalData();
}

export function createJobRunner(options: {
  db: Database;
  clock: () => number;
  newId: (prefix: string) => string;
  emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void;
}): JobRunner {
  const { db } = options;
  const jobs = new Map<string, JobStatus>();
  const params = new Map<string, string>();
  const persistedAt = new Map<string, number>();
  const cancelled = new Set<string>();
  const waiters = new Map<string, ((status: JobStatus) => void)[]>();
  let here = runningHere.get(db);
  if (!here) runningHere.set(db, (here = new Set()));
  const running = here;

  function persist(status: JobStatus, isStateChange: boolean): void {
    const at = performance.now();
    if (!isStateChange && at - (persistedAt.get(status.id) ?? -Infinity) < PERSIST_EVERY_MS) return;
    // A database closed meanwhile (the app quitting): the row stays `running` and the next start recovers it.
    if (!db.open) return;
    persistedAt.set(status.id, at);
    saveJobRow(db, {
      id: status.id,
      kind: status.kind,
      actor: status.actor,
      state: status.state,
      done: status.done,
      total: status.total,
      message: status.message,
      params_json: params.get(status.id) ?? '{}',
      result_json: status.result === null ? null : JSON.stringify(status.result),
      error_json: status.error === null ? null : JSON.stringify(status.error),
      started_at: status.startedAt,
      finished_at: status.finishedAt,
    });
  }

  function update(id: string, patch: Partial<JobStatus>): JobStatus {
    const previous = jobs.get(id) as JobStatus;
    const next = { ...previous, ...patch } as JobStatus;
    jobs.set(id, next);
    persist(next, next.state !== previous.state);
    options.emit('jobs.progress', next);
    if (next.state !== 'running') {
      running.delete(id);
      for (const resolve of waiters.get(id) ?? []) resolve(next);
      waiters.delete(id);
      persistedAt.delete(id);
    }
    return next;
  }

  return {
    start(kind, actor, makeStep, startOptions = {}) {
      const resuming = startOptions.resuming;
      const id = resuming?.id ?? options.newId('job');
      const status = {
        id,
        kind,
        actor: resuming?.actor ?? actor,
        state: 'running',
        done: 0,
        total: 0,
        message: null,
        result: null,
        error: null,
        startedAt: resuming?.startedAt ?? options.clock(),
        finishedAt: null,
        batchId: startOptions.batchId ?? resuming?.batchId ?? null,
      } as JobStatus;
      jobs.set(id, status);
      running.add(id);
      params.set(id, JSON.stringify(startOptions.params ?? {}));
      // Written with the call's own transaction when there is one: the job exists exactly when its cause does.
      persist(status, true);
      let step: JobStep<typeof kind> | null = null;
      const fail = (error: unknown) => {
        update(id, { state: 'failed', error: jobErrorOf(error), finishedAt: options.clock() });
      };
      const settle = (outcome: JobStepOutcome<typeof kind>) => {
        if ('finished' in outcome) {
          update(id, {
            state: 'done',
            result: outcome.result,
            done: jobs.get(id)?.total ?? 0,
            finishedAt: options.clock(),
          } as Partial<JobStatus>);
          return;
        }
        update(id, { done: outcome.done, total: outcome.total, message: outcome.message ?? null });
        setImmediate(tick);
      };
      const tick = () => {
        if (cancelled.has(id)) {
          update(id, { state: 'cancelled', finishedAt: options.clock() });
          return;
        }
        try {
          step ??= makeStep();
          const outcome = step();
          if (outcome instanceof Promise) outcome.then(settle).catch(fail);
          else settle(outcome);
        } catch (error) {
          fail(error);
        }
      };
      setImmediate(tick);
      return status;
    },
    get: (id) => jobs.get(id),
    list: () => [...jobs.values()].sort((a, b) => b.startedAt - a.startedAt),
    cancel(id) {
      if (jobs.get(id)?.state === 'running') cancelled.add(id);
      return jobs.get(id);
    },
    record(job, jobParams) {
      jobs.set(job.id, job);
      params.set(job.id, JSON.stringify(jobParams));
      persist(job, true);
      options.emit('jobs.progress', job);
      return job;
    },
    waitFor(id) {
      const status = jobs.get(id);
      if (!status) return Promise.reject(new Error(`No job ${id}`));
      if (status.state !== 'running') return Promise.resolve(status);
      return new Promise((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve]));
    },
  };
}
