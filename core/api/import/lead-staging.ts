// Where an import commit's new leads wait until its last transaction moves them into `leads`: a scratch SQLite file
// beside the upload, written on a worker thread (staging-worker.ts), or — the plain way, for an in-memory database or
// the benchmark's ablation — a temporary table the job inserts into. Either way nothing in the main file changes
// before that transaction, so a killed import leaves no trace there (recovery removes its upload, file and all).
import type { Database } from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateFileSync } from '../../fs-private';
import {
  attachImportStaging,
  createImportStaging,
  dropImportStaging,
  scratchStagingSql,
  type ImportStaging,
  type StagingLayout,
} from '../../store/import-staging';
import { startWorkerModule } from '../../store/sqlite-worker';
import { uploadDir } from './files';
import type { StagingWorkerData, StagingWorkerMessage, StagingWorkerReply } from './staging-worker';

/** Rows handed to the staging writer but not written yet, beyond which the job waits for it (a slow disk). */
const MAX_STAGING_BACKLOG = 20_000;

export interface LeadStaging {
  /** Stages rows (values in the layout's column order); called inside the job's chunk transaction. */
  write(rows: readonly (readonly unknown[])[]): void;
  /** After a chunk: a promise to wait for when the writer has fallen behind, else null. */
  backPressure(): Promise<void> | null;
  /** Closes the staging, checks it holds `expected` rows, and readies the move (outside any transaction). */
  finish(expected: number): Promise<ImportStaging>;
  /** Lets go of the staged rows and deletes the scratch file (after the move, or a failure). */
  remove(): Promise<void>;
}

export function startLeadStaging(
  db: Database,
  batchId: string,
  uploadId: string,
  layout: StagingLayout,
  options: { readonly onWorker: boolean },
): LeadStaging {
  // An in-memory database has no folder a scratch file could sit in beside its upload.
  return options.onWorker && !db.memory
    ? stageOnWorker(db, batchId, join(uploadDir(db, uploadId), `staging-${batchId}.sqlite`), layout)
    : stageInJob(db, batchId, layout);
}

function stageOnWorker(db: Database, batchId: string, path: string, layout: StagingLayout): LeadStaging {
  // Created empty and private (0600) before SQLite writes customers' data into it.
  ensurePrivateFileSync(path);
  let writer: StagingWriter | null = startStagingWriter(path, layout);
  let staging: ImportStaging | null = null;
  return {
    write: (rows) => writer?.write(rows),
    backPressure: () =>
      writer && writer.backlog > MAX_STAGING_BACKLOG ? writer.drain(MAX_STAGING_BACKLOG / 2) : null,
    async finish(expected) {
      if (!writer) throw new Error(`import ${batchId}: staging finished twice`);
      const written = await writer.close();
      writer = null;
      if (written !== expected)
        throw new Error(`import ${batchId}: staged ${expected} leads but wrote ${written} into ${path}`);
      staging = attachImportStaging(db, batchId, path, layout);
      return staging;
    },
    async remove() {
      // The writer lets go of the file before it is deleted (Windows refuses to delete an open file).
      const stopping = writer;
      writer = null;
      await stopping?.abort();
      // A database closed meanwhile (the app quitting) forgot the attachment.
      if (staging && db.open) dropImportStaging(db, staging);
      staging = null;
      rmSync(path, { force: true });
    },
  };
}

function stageInJob(db: Database, batchId: string, layout: StagingLayout): LeadStaging {
  const staging = createImportStaging(db, batchId, layout);
  let count = 0;
  return {
    write(rows) {
      for (const row of rows) staging.insert.run(row);
      count += rows.length;
    },
    backPressure: () => null,
    finish(expected) {
      if (count !== expected)
        return Promise.reject(new Error(`import ${batchId}: staged ${expected} leads but wrote ${count}`));
      return Promise.resolve(staging);
    },
    remove() {
      // A closed database already forgot its temporary table.
      if (db.open) dropImportStaging(db, staging);
      return Promise.resolve();
    },
  };
}

interface StagingWriter {
  /** Queues rows (values in the table's column order) for the file. */
  write(rows: readonly (readonly unknown[])[]): void;
  /** Rows queued but not written yet. */
  readonly backlog: number;
  /** Resolves once at most `rows` rows wait; rejects with the worker's failure. */
  drain(rows: number): Promise<void>;
  /** Writes what is queued, closes the file and resolves with the number of rows written. */
  close(): Promise<number>;
  /** Stops the worker without writing what is queued; resolves once it let go of the file. */
  abort(): Promise<void>;
}

/**
 * Starts the worker that creates the scratch file at `path` and writes the rows it is sent into it. A failure on the
 * worker (a full disk) rejects the next `drain` or `close` with its message.
 */
export function startStagingWriter(path: string, layout: StagingLayout): StagingWriter {
  const worker = startWorkerModule(new URL('./staging-worker', import.meta.url), {
    role: 'import-staging',
    path,
    ...scratchStagingSql(layout),
  } satisfies StagingWorkerData);
  let queued = 0;
  let written = 0;
  let closedWith: number | null = null;
  let failure: Error | null = null;
  let isAborted = false;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const waiting = waiters;
    waiters = [];
    for (const check of waiting) check();
  };
  worker.on('message', (reply: StagingWorkerReply) => {
    if ('written' in reply) written = reply.written;
    else closedWith = reply.closed;
    wake();
  });
  worker.on('error', (error) => {
    failure = error;
    wake();
  });
  worker.on('exit', (code) => {
    if (closedWith === null && failure === null && !isAborted)
      failure = new Error(`the import's staging writer stopped (exit code ${code}) before closing ${path}`);
    wake();
  });
  const until = (isDone: () => boolean): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (failure) reject(failure);
        else if (isDone()) resolve();
        else waiters.push(check);
      };
      check();
    });
  return {
    write(rows) {
      if (rows.length === 0) return;
      queued += rows.length;
      worker.postMessage({ rows } satisfies StagingWorkerMessage);
    },
    get backlog() {
      return queued - written;
    },
    drain: (rows) => until(() => queued - written <= rows),
    async close() {
      worker.postMessage({ close: true } satisfies StagingWorkerMessage);
      await until(() => closedWith !== null);
      return closedWith ?? 0;
    },
    async abort() {
      isAborted = true;
      await worker.terminate();
    },
  };
}
