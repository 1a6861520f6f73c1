// The analysis's matching worker thread (started by key-matching.ts through startWorkerModule): reads every live
// lead's stored keys through its own read-only connection, then matches the batches of rows it is sent. Built as its
// own file next to the core's bundle (core/worker-modules.json); from source (tests), Node runs this file as it is,
// so it imports no project file at run time: the matching core is here too, and key-matching.ts's in-thread matcher
// imports it (the worker part runs only in a thread started with this file's workerData).
import BetterSqlite3 from 'better-sqlite3';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** Who holds a key: a stored lead (its id) or the file row that brought the key first (its row number). */
export type KeyHolder = string | number;

/** Key kinds by index, as hits name them: 0 phone, 1 email, 2 company name (DEDUPE_KEY_KINDS order). */
export type KeyKindIndex = 0 | 1 | 2;

/** The engine: one map per key kind; the first holder of a key stays its holder (stored leads, oldest first). */
export interface KeyMatchEngine {
  /** A stored lead's keys; call oldest lead first, before any row. */
  seed(id: string, phone: string | null, email: string | null, companyName: string | null): void;
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
  ): void;
}

export function createKeyMatchEngine(): KeyMatchEngine {
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
    seed(id, phone, email, companyName) {
      claim(phones, phone, id);
      claim(emails, email, id);
      claim(companyNames, companyName, id);
    },
    matchRow(row, phone, email, companyName, hits) {
      matchKey(phones, 0, phone, row, hits);
      matchKey(emails, 1, email, row, hits);
      matchKey(companyNames, 2, companyName, row, hits);
    },
  };
}

/** What the worker is told when it starts: the database file and the query of every live lead's keys. */
export interface KeyMatchingWorkerData {
  readonly role: 'key-matching';
  readonly dbPath: string;
  readonly storedKeysSql: string;
}

/** A batch to match: `row, phone, email, companyName` per row, flat; and the hits the worker sends back. */
export interface KeyBatchMessage {
  readonly keys: readonly (string | number | null)[];
}
export interface KeyHitsMessage {
  readonly hits: readonly KeyHolder[];
}

function runWorker(port: NonNullable<typeof parentPort>, data: KeyMatchingWorkerData): void {
  const engine = createKeyMatchEngine();
  const db = new BetterSqlite3(data.dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(data.storedKeysSql).raw(true).iterate() as IterableIterator<
      [string, string | null, string | null, string | null]
    >;
    for (const [id, phone, email, companyName] of rows) engine.seed(id, phone, email, companyName);
  } finally {
    db.close();
  }
  port.on('message', ({ keys }: KeyBatchMessage) => {
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

if (
  !isMainThread &&
  parentPort &&
  (workerData as Partial<KeyMatchingWorkerData> | null)?.role === 'key-matching'
)
  runWorker(parentPort, workerData as KeyMatchingWorkerData);
