// Whether the database can take a write right now, for /api/health: a hub whose file or folder went read-only still
// answers reads, so only a check that tries to write tells the truth.
import type { Database } from 'better-sqlite3';
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import { execute, qb } from './sql';

/** `fs.accessSync`, passed in so a test can stand in for a file system that refuses this user. */
type AccessCheck = (path: string, mode: number) => void;

/**
 * Why `db` cannot be written, or null when it can. In order: a connection opened read-only; `PRAGMA query_only`;
 * the file or its folder not writable for this process (SQLite creates its -wal, -shm and journal files in the
 * folder; root passes permission bits, but not a read-only mount); and a probe, a no-op write in a transaction that
 * is rolled back (what SQLite itself would refuse, whoever runs it).
 */
export function findDatabaseWriteProblem(db: Database, access: AccessCheck = accessSync): string | null {
  if (db.readonly) return `The database ${db.name} is open read-only.`;
  if (db.pragma('query_only', { simple: true }) === 1)
    return `The database ${db.name} refuses writes (query_only is on).`;
  if (!db.memory) {
    const fileProblem = accessProblem(access, db.name);
    if (fileProblem) return `The database file ${db.name} cannot be written (${fileProblem}).`;
    const folder = dirname(db.name);
    const folderProblem = accessProblem(access, folder);
    if (folderProblem)
      return `The folder ${folder} cannot be written (${folderProblem}): SQLite keeps its journal files there.`;
  }
  // Inside a caller's transaction a probe would end it; a synchronous caller is never inside one here.
  if (db.inTransaction) return null;
  db.exec('BEGIN');
  try {
    // Deletes nothing, but takes the write lock and starts a write transaction, as a real write would.
    execute(db, qb.deleteFrom('import_batches').where(sql<boolean>`0`));
    return null;
  } catch (error) {
    return `The database ${db.name} cannot be written: ${error instanceof Error ? error.message : String(error)}.`;
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

function accessProblem(access: AccessCheck, path: string): string | null {
  try {
    access(path, constants.W_OK);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}
