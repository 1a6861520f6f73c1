// Background jobs (rescoring, training, imports): run in small synchronous steps between which the event loop
// breathes, so calls keep being answered; progress is pushed as `jobs.progress` events.
import type { EventName, EventPayload, JobStatus } from '../contract';

export type JobStepOutcome =
  { done: number; total: number; message?: string } | { finished: true; result: unknown };

/**
 * One step of a job: does a bounded amount of work (its own transaction) and says how far along it is, or returns
 * a promise of that when it waits for work off this thread (a worker writing a file).
 */
export type JobStep = () => JobStepOutcome | Promise<JobStepOutcome>;

export interface JobRunner {
  start(kind: JobStatus['kind'], actor: string, makeStep: () => JobStep): JobStatus;
  get(id: string): JobStatus | undefined;
  list(): JobStatus[];
  cancel(id: string): JobStatus | undefined;
  /** Resolves when the job stops (done, failed or cancelled). */
  waitFor(id: string): Promise<JobStatus>;
}

export function createJobRunner(options: {
  clock: () => number;
  newId: (prefix: string) => string;
  emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void;
}): JobRunner {
  const jobs = new Map<string, JobStatus>();
  const cancelled = new Set<string>();
  const waiters = new Map<string, ((status: JobStatus) => void)[]>();

  function update(id: string, patch: Partial<JobStatus>): JobStatus {
    const next = { ...(jobs.get(id) as JobStatus), ...patch };
    jobs.set(id, next);
    options.emit('jobs.progress', next);
    if (next.state !== 'running') {
      for (const resolve of waiters.get(id) ?? []) resolve(next);
      waiters.delete(id);
    }
    return next;
  }

  return {
    start(kind, actor, makeStep) {
      const id = options.newId('job');
      const status: JobStatus = {
        id,
        kind,
        actor,
        state: 'running',
        done: 0,
        total: 0,
        message: null,
        result: null,
        error: null,
        startedAt: options.clock(),
        finishedAt: null,
      };
      jobs.set(id, status);
      let step: JobStep | null = null;
      const fail = (error: unknown) => {
        update(id, {
          state: 'failed',
          error: error instanceof Error ? error.message : String(error),
          finishedAt: options.clock(),
        });
      };
      const settle = (outcome: JobStepOutcome) => {
        if ('finished' in outcome) {
          update(id, {
            state: 'done',
            result: outcome.result,
            done: jobs.get(id)?.total ?? 0,
            finishedAt: options.clock(),
          });
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
    waitFor(id) {
      const status = jobs.get(id);
      if (!status) return Promise.reject(new Error(`No job ${id}`));
      if (status.state !== 'running') return Promise.resolve(status);
      return new Promise((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve]));
    },
  };
}
