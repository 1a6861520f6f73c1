// Switches for the import's optimisations, per database, so the import benchmark can turn each one off and measure
// what it saves (the ablation table in the README). Every switch is on unless a caller turns it off.
import type { Database } from 'better-sqlite3';

export interface ImportOptimisations {
  /** The analysis matches keys on a worker thread (key-matching-worker.ts) instead of the calling thread. */
  readonly matchOnWorker: boolean;
}

export const ALL_IMPORT_OPTIMISATIONS: ImportOptimisations = Object.freeze({
  matchOnWorker: true,
});

const chosen = new WeakMap<Database, ImportOptimisations>();

/** Turns optimisations off (or on again) for the imports run on `db` from now on. */
export function setImportOptimisations(db: Database, switches: Partial<ImportOptimisations>): void {
  chosen.set(db, { ...importOptimisationsOf(db), ...switches });
}

export function importOptimisationsOf(db: Database): ImportOptimisations {
  return chosen.get(db) ?? ALL_IMPORT_OPTIMISATIONS;
}
