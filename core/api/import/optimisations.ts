// Switches for the import's optimisations, per database, so the import benchmark can turn each one off and measure
// what it saves (the ablation table in the README). Every switch is on unless a caller turns it off.
import type { Database } from 'better-sqlite3';

export interface ImportOptimisations {
  /**
   * While nothing was written since the analysis, the commit takes its matches (the stored holders of the file's
   * keys, the rows that matched) instead of matching every row again (commit.ts).
   */
  readonly reuseAnalysisMatches: boolean;
}

export const ALL_IMPORT_OPTIMISATIONS: ImportOptimisations = Object.freeze({
  reuseAnalysisMatches: true,
});

const chosen = new WeakMap<Database, ImportOptimisations>();

/** Turns optimisations off (or on again) for the imports run on `db` from now on. */
export function setImportOptimisations(db: Database, switches: Partial<ImportOptimisations>): void {
  chosen.set(db, { ...importOptimisationsOf(db), ...switches });
}

export function importOptimisationsOf(db: Database): ImportOptimisations {
  return chosen.get(db) ?? ALL_IMPORT_OPTIMISATIONS;
}
