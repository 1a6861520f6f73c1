// The analysis's duplicate matching, on a worker thread (key-matching-worker.ts): the worker reads every live lead's
// stored keys through its own read-only connection and matches the file's rows against them and against earlier
// rows, while the calling thread parses and validates the next rows. An in-memory database (no file a worker could
// open), or the benchmark's ablation, matches in the calling thread instead.
import type { Database } from 'better-sqlite3';
import type { DedupeKeyKind } from '../../domain/dedupe';
import { forEachLiveLeadKeys, LIVE_LEAD_KEYS_SQL } from '../../store/import-batches';
import type { LeadKeys } from '../../store/leads';
import { startWorkerModule } from '../../store/sqlite-worker';
import {
  createKeyMatchEngine,
  type KeyBatchMessage,
  type KeyHitsMessage,
  type KeyHolder,
  type KeyKindIndex,
  type KeyMatchingWorkerData,
} from './key-matching-worker';

export type { KeyHolder, KeyKindIndex } from './key-matching-worker';

/** Key kinds by index, as hits name them (the engine's order, which is DEDUPE_KEY_KINDS order). */
const KEY_KINDS = ['phone', 'email', 'companyName'] as const satisfies readonly DedupeKeyKind[];

export function keyKindOf(index: KeyKindIndex): DedupeKeyKind {
  return KEY_KINDS[index];
}

/** Key holders by kind index (DEDUPE_KEY_KINDS order). */
export type KeyHolders = readonly Map<string, KeyHolder>[];

export interface KeyMatching {
  /**
   * Queues one batch of valid rows (in file order); `onHits` gets the batch's hits (`row, kind, holder` for each key
   * of a row someone already holds, in row order) once matched. Batches are answered in the order they were queued.
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

/**
 * Starts matching against the live leads' keys as they are now (the first holder of a key stays its holder): on a
 * worker thread unless told not to (the benchmark's ablation) or the database is in memory.
 */
export function startKeyMatching(
  db: Database,
  options: { readonly onWorker: boolean } = { onWorker: true },
): KeyMatching {
  return db.memory || !options.onWorker ? matchInThread(db) : matchOnWorker(db.name);
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
  const worker = startWorkerModule(new URL('./key-matching-worker', import.meta.url), {
    dbPath,
    storedKeysSql: LIVE_LEAD_KEYS_SQL,
    role: 'key-matching',
  } satisfies KeyMatchingWorkerData);
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

/**
 * Adds to `into` each key of a batch's rows that a stored lead holds, and which lead (a batch's hits name them, in
 * the batch's row order). For the commit's matcher (createMatcherFromAnalysis) keys held only by file rows count as
 * nobody's, and it looks up no key but the file's, so these few stand in for every live lead's keys while nothing
 * is written: the matching worker's maps stay in the worker.
 */
export function addStoredHolders(
  into: KeyHolders,
  hits: readonly KeyHolder[],
  rows: readonly { readonly row: number; readonly keys: LeadKeys }[],
): void {
  let next = 0;
  for (let start = 0; start < hits.length; start += 3) {
    const holder = hits[start + 2];
    if (typeof holder !== 'string') continue;
    while (next < rows.length && rows[next]?.row !== hits[start]) next += 1;
    const keys = rows[next]?.keys;
    const kind = hits[start + 1] as KeyKindIndex;
    const key = keys ? [keys.phoneKey, keys.emailKey, keys.companyNameKey][kind] : null;
    if (key != null) into[kind]?.set(key, holder);
  }
}
