// The KPI row's reads on two threads: with many hand-overs in the period, a worker (kpi-part-worker.ts) reads one
// half of the leads while this thread reads the other, and the halves merge into what one read gives (kpi-part.ts).
// Each half reads in a transaction of its own: a write landing between their starts shows in one half only, as it
// would show in a Dashboard loaded a moment later. A small workspace, an in-memory database or a failed worker reads
// everything here.
import type { Database } from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import { hasHandOversBetween } from '../../store/dashboard-handovers';
import { startWorkerModule } from '../../store/sqlite-worker';
import { computeKpiPart, mergeKpiParts, type KpiPart, type KpiPartInput } from './kpi-part';
import { decodeKpiPart } from './kpi-part-codec';
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
  compute(input: KpiPartInput): Promise<KpiPart>;
}

const workers = new WeakMap<Database, PartWorker>();

function startPartWorker(db: Database, onGone: () => void): PartWorker {
  const worker: Worker = startWorkerModule(
    new URL('./kpi-part-worker', import.meta.url),
    { role: 'kpi-part', dbPath: db.name } satisfies KpiPartWorkerData,
    { importsProjectFiles: true },
  );
  const waiting = new Map<number, { resolve: (part: KpiPart) => void; reject: (error: Error) => void }>();
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
    if ('part' in answer) request?.resolve(decodeKpiPart(answer.part));
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
    compute(input) {
      if (idle !== null) clearTimeout(idle);
      idle = null;
      const id = nextId++;
      worker.ref();
      return new Promise<KpiPart>((resolve, reject) => {
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

/** Reads `input`'s part in one read transaction of `db`. */
function computeInSnapshot(db: Database, input: KpiPartInput): KpiPart {
  return db.transaction(() => computeKpiPart(db, input))();
}

export interface SplitOptions {
  /** The hand-over count from which the reads are split (tests lower it). */
  readonly splitFrom?: number;
  /** Told when the worker failed and this thread read its half instead (the hub logs it). */
  readonly onWorkerError?: (error: Error) => void;
}

const logWorkerError = (error: Error) =>
  console.warn(`The Dashboard's second reader failed; read on the main thread instead: ${error.message}`);

/** Every read the KPI row makes of the period's leads and hand-overs (`input`'s half and wholeReads set here). */
export async function readKpiParts(
  db: Database,
  input: Omit<KpiPartInput, 'half' | 'wholeReads'>,
  { splitFrom = SPLIT_FROM_HAND_OVERS, onWorkerError = logWorkerError }: SplitOptions = {},
): Promise<KpiPart> {
  const { period } = input;
  if (db.memory || !hasHandOversBetween(db, period.previous.from, period.to, splitFrom))
    return computeInSnapshot(db, { ...input, half: null, wholeReads: { closures: true, activity: true } });
  // The worker's half first, so both threads work at once. Each also makes some reads not split by lead: measured
  // on the bench's 100k hand-overs, the worker's half took longer, so this thread reads the follow-ups and stays.
  const theirsInput = { ...input, half: 0, wholeReads: { closures: true, activity: false } } as const;
  const theirs = partWorkerFor(db)
    .compute(theirsInput)
    .catch((error: unknown) => {
      onWorkerError(error instanceof Error ? error : new Error(String(error)));
      return computeInSnapshot(db, theirsInput);
    });
  const mine = computeInSnapshot(db, { ...input, half: 1, wholeReads: { closures: false, activity: true } });
  return mergeKpiParts(await theirs, mine);
}
