// The analysis's duplicate matching, on a worker thread: the worker reads every live lead's stored keys through its
// own read-only connection and matches the file's rows against them and against earlier rows, while the calling
// thread parses and validates the next rows. An in-memory database (no file a worker could open) matches in-thread.
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import type * as WorkerThreads from 'node:worker_threads';
import type { DedupeKeyKind } from '../../domain/dedupe';
import { forEachLiveLeadKeys, LIVE_LEAD_KEYS_SQL } from '../../store/import-batches';
import type { LeadKeys } from '../../store/leads';
import { startSqliteWorker, type SqliteWorkerData } from '../../store/sqlite-worker';

/** Who holds a key: a stored lead (its id) or the file row that brought the key first (its row number). */
export type KeyHolder = string | number;

/** Key kinds by index, as hits name them (the engine's order, which is DEDUPE_KEY_KINDS order). */
const KEY_KINDS = ['phone', 'email', 'companyName'] as const satisfies readonly DedupeKeyKind[];
export type KeyKindIndex = 0 | 1 | 2;

export function keyKindOf(index: KeyKindIndex): DedupeKeyKind {
  return KEY_KINDS[index];
}

/**
 * The matching core: one map per key kind, the first holder of a key stays its holder (stored leads, oldest first,
 * before any row). Self-contained — the worker runs it from its source text — so it uses nothing from outside.
 */
export function createKeyMatchEngine() {
  const phones = new Map<string, KeyHolder>();
  const emails = new Map<string, KeyHolder>();
  const companyNames = new Map<string, KeyHolder>();
  const claim = (map: Map<string, KeyHolder>, key: string | null, holder: KeyHolder) => {
    if (key !== null && !map.has(key)) map.set(key, holder);
  };
  const matchKey = (
    map: Map<string, KeyHolder>,
    kind: KeyKindIndex,
    key: string | null,
    row: number,
    hits: KeyHolder[],
  ) => {
    if (key === null) return;
    const holder = map.get(key);
    if (holder === undefined) map.set(key, row);
    else hits.push(row, kind, holder);
  };
  return {
    /** A stored lead's keys; call oldest lead first. */
    seed(id: string, phone: string | null, email: string | null, companyName: string | null): void {
      claim(phones, phone, id);
      claim(emails, email, id);
      claim(companyNames, companyName, id);
    },
    /**
     * Appends `row, kind, holder` to `hits` for each key of the row someone already holds, and makes the row the
     * holder of the others.
     */
    matchRow(
      row: number,
      phone: string | null,
      email: string | null,
      companyName: string | null,
      hits: KeyHolder[],
    ): void {
      matchKey(phones, 0, phone, row, hits);
      matchKey(emails, 1, email, row, hits);
      matchKey(companyNames, 2, companyName, row, hits);
    },
  };
}

/** What the worker is told when it starts. */
interface KeyMatchingWorkerData extends SqliteWorkerData {
  readonly dbPath: string;
  readonly storedKeysSql: string;
}

/** A batch to match: `row, phone, email, companyName` per row, flat; and the hits the worker sends back. */
interface KeyBatchMessage {
  readonly keys: readonly (string | number | null)[];
}
interface KeyHitsMessage {
  readonly hits: readonly KeyHolder[];
}

/**
 * The worker's whole program, run from its source text (`eval`): it refers to nothing outside itself; better-sqlite3
 * comes by the path the calling thread resolved, the engine as an argument.
 */
function keyMatchingWorkerProgram(
  load: (id: string) => unknown,
  createEngine: typeof createKeyMatchEngine,
): void {
  const threads = load('node:worker_threads') as typeof WorkerThreads;
  const data = threads.workerData as KeyMatchingWorkerData;
  const port = threads.parentPort;
  if (!port) throw new Error('key matching runs on a worker thread');
  const Sqlite = load(data.sqlitePath) as typeof BetterSqlite3;
  const engine = createEngine();
  const db = new Sqlite(data.dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(data.storedKeysSql).raw(true).iterate() as IterableIterator<
      [string, string | null, string | null, string | null]
    >;
    for (const [id, phone, email, companyName] of rows) engine.seed(id, phone, email, companyName);
  } finally {
    db.close();
  }
  port.on('message', (message: KeyBatchMessage) => {
    const { keys } = message;
    const hits: KeyHolder[] = [];
    for (let i = 0; i < keys.length; i += 4)
      engine.matchRow(
        keys[i] as number,
        keys[i + 1] as string | null,
        keys[i + 2] as string | null,
        keys[i + 3] as string | null,
        hits,
      );
    port.postMessage({ hits } satisfies KeyHitsMessage);
  });
}

export interface KeyMatching {
  /**
   * Queues one batch of valid rows (in file order); `onHits` gets the batch's hits (`row, kind, holder`, in row
   * order) once matched. Batches are answered in the order they were queued.
   */
  submit(
    rows: readonly { readonly row: number; readonly keys: LeadKeys }[],
    onHits: (hits: readonly KeyHolder[]) => void,
  ): void;
  /** Resolves once every batch is answered, and lets the worker go; rejects with the worker's failure. */
  finish(): Promise<void>;
  /** Lets the worker go without waiting (the analysis failed). */
  stop(): void;
}

function flatKeys(
  rows: readonly { readonly row: number; readonly keys: LeadKeys }[],
): (string | number | null)[] {
  const keys: (string | number | null)[] = [];
  for (const { row, keys: rowKeys } of rows)
    keys.push(row, rowKeys.phoneKey, rowKeys.emailKey, rowKeys.companyNameKey);
  return keys;
}

/** Starts matching against the live leads' keys as they are now. */
export function startKeyMatching(db: Database): KeyMatching {
  return db.memory ? matchInThread(db) : matchOnWorker(db.name);
}

function matchInThread(db: Database): KeyMatching {
  const engine = createKeyMatchEngine();
  forEachLiveLeadKeys(db, (id, phone, email, companyName) => engine.seed(id, phone, email, companyName));
  return {
    submit(rows, onHits) {
      const hits: KeyHolder[] = [];
      for (const { row, keys } of rows)
        engine.matchRow(row, keys.phoneKey, keys.emailKey, keys.companyNameKey, hits);
      onHits(hits);
    },
    finish: () => Promise.resolve(),
    stop: () => undefined,
  };
}

function matchOnWorker(dbPath: string): KeyMatching {
  const worker = startSqliteWorker(keyMatchingWorkerProgram, [createKeyMatchEngine], {
    dbPath,
    storedKeysSql: LIVE_LEAD_KEYS_SQL,
  });
  const waiting: ((hits: readonly KeyHolder[]) => void)[] = [];
  let failure: Error | null = null;
  let isStopped = false;
  let settle: (() => void) | null = null;
  const check = () => {
    if (settle && (failure || waiting.length === 0)) settle();
  };
  worker.on('message', (message: KeyHitsMessage) => {
    waiting.shift()?.(message.hits);
    check();
  });
  worker.on('error', (error) => {
    failure = error;
    check();
  });
  worker.on('exit', (code) => {
    if (!isStopped && !failure) failure = new Error(`duplicate matching stopped early (exit code ${code})`);
    check();
  });
  const stop = () => {
    isStopped = true;
    void worker.terminate();
  };
  return {
    submit(rows, onHits) {
      if (rows.length === 0) return;
      waiting.push(onHits);
      worker.postMessage({ keys: flatKeys(rows) } satisfies KeyBatchMessage);
    },
    async finish() {
      await new Promise<void>((resolve) => {
        settle = resolve;
        check();
      });
      stop();
      if (failure) throw failure;
    },
    stop,
  };
}
