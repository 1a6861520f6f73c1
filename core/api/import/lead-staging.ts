// Where an import commit's new leads wait until its last transaction moves them into `leads`: a scratch SQLite file
// written on a worker thread (the staging writer), or — the plain way — a temporary table the job inserts into.
// Either way nothing in the main file changes before that transaction, so a killed import leaves no trace there.
import type { Database } from 'better-sqlite3';
import { rmSync } from 'node:fs';
import {
  attachImportStaging,
  createTempImportStaging,
  releaseImportStaging,
  type ImportStaging,
  type StagingLayout,
} from '../../store/import-batches';
import { ensurePrivateFileSync } from '../../fs-private';
import { startStagingWriter } from '../../store/staging-writer';

/** Rows handed to the staging writer but not written yet, beyond which the job waits for it. */
const MAX_STAGING_BACKLOG = 20_000;

export interface LeadStaging {
  /** Stages rows (values in the layout's column order); called inside the job's chunk transaction. */
  write(rows: readonly (readonly unknown[])[]): void;
  /** After a chunk: a promise to wait for when the writer has fallen behind (a slow disk), else null. */
  backPressure(): Promise<void> | null;
  /** Closes the staging, checks it holds `expected` rows, and readies the move (outside any transaction). */
  finish(expected: number): Promise<ImportStaging>;
  /** Lets go of the staged rows and deletes the scratch file (after the move, or a failure). */
  remove(): Promise<void>;
}

export function startLeadStaging(
  db: Database,
  batchId: string,
  path: string,
  layout: StagingLayout,
  options: { readonly onWorker: boolean },
): LeadStaging {
  return options.onWorker ? stageOnWorker(db, batchId, path, layout) : stageInJob(db, batchId, layout);
}

function stageOnWorker(db: Database, batchId: string, path: string, layout: StagingLayout): LeadStaging {
  // Created empty and private (0600) before SQLite writes customers' data into it.
  ensurePrivateFileSync(path);
  let writer: ReturnType<typeof startStagingWriter> | null = startStagingWriter(
    path,
    layout.createSql,
    layout.insertSql,
  );
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
        throw new Error(`import ${batchId}: staged ${expected} leads but wrote ${written}`);
      staging = attachImportStaging(db, batchId, path, layout);
      return staging;
    },
    async remove() {
      // The writer lets go of the file before it is deleted (Windows refuses to delete an open file).
      const stopping = writer;
      writer = null;
      await stopping?.abort();
      // A database closed meanwhile (the app quitting) forgot the attachment.
      if (staging && db.open) releaseImportStaging(db, staging);
      staging = null;
      rmSync(path, { force: true });
    },
  };
}

function stageInJob(db: Database, batchId: string, layout: StagingLayout): LeadStaging {
  const staging = createTempImportStaging(db, batchId, layout);
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
      if (db.open) releaseImportStaging(db, staging);
      return Promise.resolve();
    },
  };
}
