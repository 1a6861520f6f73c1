// The latest status of every background job this client has heard of, kept fresh by `jobs.progress` events.
import { useEffect, useSyncExternalStore } from 'react';
import type { AppClient } from '../../../../core/api/transport/app-client';
import type { JobStatus } from '../../../../core/api/contract';
import { useClient } from '../../api/client-context';

interface JobStore {
  get(id: string): JobStatus | undefined;
  /** The most recently started job of a kind, if any. */
  latest(kind: JobStatus['kind']): JobStatus | undefined;
  /** Every job of a kind this client knows of. */
  ofKind(kind: JobStatus['kind']): JobStatus[];
  /** Records a status (a call's answer, or a pushed event); an older snapshot never replaces a newer one. */
  put(status: JobStatus): void;
  /** Pulls `jobs.list`, for jobs that started or finished while nobody listened. */
  sync(): Promise<void>;
  subscribe(listener: () => void): () => void;
  /** Changes on every update: a cheap snapshot for useSyncExternalStore. */
  revision(): number;
}

const PROGRESS_ORDER: Record<JobStatus['state'], number> = { running: 0, done: 1, failed: 1, cancelled: 1 };

function isNewer(next: JobStatus, current: JobStatus | undefined): boolean {
  if (!current) return true;
  if (PROGRESS_ORDER[next.state] !== PROGRESS_ORDER[current.state]) {
    return PROGRESS_ORDER[next.state] > PROGRESS_ORDER[current.state];
  }
  return next.done >= current.done;
}

function createJobStore(client: AppClient): JobStore {
  const jobs = new Map<string, JobStatus>();
  const listeners = new Set<() => void>();
  let revision = 0;
  const notify = () => {
    revision += 1;
    for (const listener of listeners) listener();
  };
  const store: JobStore = {
    get: (id) => jobs.get(id),
    latest(kind) {
      let best: JobStatus | undefined;
      for (const job of jobs.values()) {
        if (job.kind === kind && (best === undefined || job.startedAt >= best.startedAt)) best = job;
      }
      return best;
    },
    ofKind: (kind) => [...jobs.values()].filter((job) => job.kind === kind),
    put(status) {
      if (!isNewer(status, jobs.get(status.id))) return;
      jobs.set(status.id, status);
      notify();
    },
    async sync() {
      const list = await client.call('jobs.list', {});
      for (const status of list) store.put(status);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    revision: () => revision,
  };
  client.subscribe((event) => {
    if (event.event === 'jobs.progress') store.put(event.payload as JobStatus);
  });
  return store;
}

const stores = new WeakMap<AppClient, JobStore>();

/** One store per client, listening from its first use for as long as the client lives. */
function useJobStore(): JobStore {
  const client = useClient();
  let store = stores.get(client);
  if (!store) {
    store = createJobStore(client);
    stores.set(client, store);
  }
  return store;
}

/** The latest status of one job (null id: none), re-rendering on each progress event. */
export function useJob(id: string | null): JobStatus | undefined {
  const store = useJobStore();
  useSyncExternalStore(store.subscribe, store.revision);
  useEffect(() => {
    // The job may have moved on between the call that started it and this component listening.
    if (id !== null) void store.sync().catch(() => undefined);
  }, [id, store]);
  return id === null ? undefined : store.get(id);
}

/** The most recently started job of a kind that this client knows of (after one `jobs.list` sync on mount). */
export function useLatestJob(kind: JobStatus['kind']): JobStatus | undefined {
  const store = useJobStore();
  useSyncExternalStore(store.subscribe, store.revision);
  useEffect(() => {
    void store.sync().catch(() => undefined);
  }, [store]);
  return store.latest(kind);
}

/** The distribution an import started for its new leads, found by the batch the job names from its start. */
export function useImportDistribution(
  batchId: string,
): Extract<JobStatus, { kind: 'distribute' }> | undefined {
  const store = useJobStore();
  useSyncExternalStore(store.subscribe, store.revision);
  useEffect(() => {
    void store.sync().catch(() => undefined);
  }, [store]);
  return (store.ofKind('distribute') as Extract<JobStatus, { kind: 'distribute' }>[]).find(
    (job) => job.batchId === batchId,
  );
}
