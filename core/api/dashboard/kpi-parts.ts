// The KPI row's reads on two threads: with many hand-overs in the period, a worker (kpi-part-worker.ts) reads the
// hand-overs while this thread reads the leads (kpi-part.ts). Each part reads in a transaction of its own: a write
// landing between their starts shows in one part only, as it would show in a Dashboard loaded a moment later. A small
// workspace, an in-memory database or a failed worker reads everything here.
import type { Database } from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import { hasHandOversBetween } from '../../store/dashboard-handovers';
import { startWorkerModule } from '../../store/sqlite-worker';
import { readHandOvers, readLeads, type HandOverReads, type KpiReadInput, type LeadReads } from './kpi-part';
import type { KpiPartAnswer, KpiPartRequest, KpiPartWorkerData } from './kpi-part-worker';

/**
 * Hand-overs in the period and the one before from which the reads are split: below it they are small enough for
 * one thread, and a small workspace (or a test) never starts one. The split is measured at 100k hand-overs
 * (test/bench/dashboard.bench.ts).
 */
export const SPLIT_FROM_HAND_OVERS = 20_000;

/** A worker stays this long after its last answer, so a Dashboard's reloads do not each start a thread. */
const IDLE_MS = 60_000;

interface PartWorker {
  readHandOvers(input: KpiReadInput): Promise<HandOverReads>;
}

const workers = new WeakMap<Database, PartWorker>();

function startPartWorker(db: Database, onGone: () => void): PartWorker {
  const worker: Worker = startWorkerModule(
    new URL('./kpi-part-worker', import.meta.url),
    { role: 'kpi-part', dbPath: db.name } satisfies KpiPartWorkerData,
    { importsProjectFiles: true },
  );
  const waiting = new Map<
    number,
    { resolve: (part: HandOverReads) => void; reject: (error: Error) => void }
  >();
  let nextId = 0;
  let idle: NodeJS.Timeout | null = null;
  const fail = (error: Error) => {
    onGone();
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: KpiPartAnswer) => {
    const request = waiting.get(answer.id);
    waiting.delete(answer.id);
    if ('part' in answer) request?.resolve(answer.part);
    else request?.reject(new Error(answer.error));
    if (waiting.size === 0) {
      worker.unref();
      idle = setTimeout(() => {
        onGone();
        worker.postMessage('close');
      }, IDLE_MS);
      idle.unref();
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the Dashboard's reader stopped (exit code ${code})`)));
  // Keeps the process alive only while a part is asked for (after the listeners: adding one refs it again).
  worker.unref();
  return {
    readHandOvers(input) {
      if (idle !== null) clearTimeout(idle);
      idle = null;
      const id = nextId++;
      worker.ref();
      return new Promise<HandOverReads>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, input } satisfies KpiPartRequest);
      });
    },
  };
}

function partWorkerFor(db: Database): PartWorker {
  const running = workers.get(db);
  if (running !== undefined) return running;
  // A worker that goes (idle, failed) leaves the map only if it is still the one in it.
  const worker: PartWorker = startPartWorker(db, () => {
    if (workers.get(db) === worker) workers.delete(db);
  });
  workers.set(db, worker);
  return worker;
}

/** `read` of `db` in one read transaction. */
function inSnapshot<T>(db: Database, read: () => T): T {
  return db.transaction(read)();
}

export interface SplitOptions {
  /** The hand-over count from which the reads are split (tests lower it). */
  readonly splitFrom?: number;
  /** Told when the worker failed and this thread read its part instead (the hub logs it). */
  readonly onWorkerError?: (error: Error) => void;
}

const logWorkerError = (error: Error) =>
  console.warn(`The Dashboard's second reader failed; read on the main thread instead: ${error.message}`);

export interface KpiReads {
  readonly handOvers: HandOverReads;
  readonly leads: LeadReads;
}

/** Every read the KPI row makes of the period's hand-overs and leads. */
export async function readKpiParts(
  db: Database,
  input: KpiReadInput,
  { splitFrom = SPLIT_FROM_HAND_OVERS, onWorkerError = logWorkerError }: SplitOptions = {},
): Promise<KpiReads> {
  const { period } = input;
  if (db.memory || !hasHandOversBetween(db, period.previous.from, period.to, splitFrom))
    return inSnapshot(db, () => ({ handOvers: readHandOvers(db, input), leads: readLeads(db, input) }));
  // The worker's part first, so both threads work at once.
  const handOvers = partWorkerFor(db)
    .readHandOvers(input)
    .catch((error: unknown) => {
      onWorkerError(error instanceof Error ? error : new Error(String(error)));
      return inSnapshot(db, () => readHandOvers(db, input));
    });
  const leads = inSnapshot(db, () => readLeads(db, input));
  return { handOvers: await handOvers, leads };
}
