// The last analysis of each database, kept in memory for its commit: its valid rows (a 100k-row file's commit then
// neither writes nor reads back ~40 MB of JSON lines) and the stamp of the database it matched against. An analysis
// outlives neither its process nor the next analysis; committing it then asks for the file to be analysed again.
import type { Database } from 'better-sqlite3';
import type { AnalysedRow } from './import-files';
import { databaseChangeStamp } from './import-matcher';

export interface KeptAnalysis {
  readonly uploadId: string;
  readonly analysisId: string;
  /** The database's change stamp when the analysis finished, or null when something was written while it ran. */
  readonly stamp: string | null;
  readonly rows: AnalysedRow[];
}

/** Hands out an analysis's valid rows in order, letting go of each slice it returns. */
export interface AnalysedRowsReader {
  /** Up to `max` rows; an empty array at the end. */
  next(max: number): AnalysedRow[];
  close(): void;
}

const keptAnalyses = new WeakMap<Database, KeptAnalysis>();

/** Keeps an analysis for its commit, in place of the one kept before. */
export function keepAnalysis(db: Database, analysis: KeptAnalysis): void {
  keptAnalyses.set(db, analysis);
}

/** Lets go of a kept analysis when its upload is discarded (the wizard was cancelled). */
export function forgetAnalysis(db: Database, uploadId: string): void {
  if (keptAnalyses.get(db)?.uploadId === uploadId) keptAnalyses.delete(db);
}

export function isAnalysisKept(db: Database, analysisId: string): boolean {
  return keptAnalyses.get(db)?.analysisId === analysisId;
}

/**
 * Whether an analysis is kept and nothing was written since it matched, so its verdicts (which rows match nothing)
 * still hold. Ask before writing anything for its commit.
 */
export function isKeptAnalysisCurrent(db: Database, analysisId: string): boolean {
  const kept = keptAnalyses.get(db);
  return kept?.analysisId === analysisId && kept.stamp !== null && kept.stamp === databaseChangeStamp(db);
}

/** Hands a kept analysis's rows over to its commit, once; undefined when it is not kept. */
export function takeAnalysisRows(db: Database, analysisId: string): AnalysedRowsReader | undefined {
  const kept = keptAnalyses.get(db);
  if (kept?.analysisId !== analysisId) return undefined;
  keptAnalyses.delete(db);
  // Rows handed out are the commit's to keep or drop: the kept array lets go of them.
  let pending: (AnalysedRow | undefined)[] = kept.rows;
  let at = 0;
  return {
    next(max) {
      const slice: AnalysedRow[] = [];
      for (; at < pending.length && slice.length < max; at += 1) {
        const row = pending[at];
        pending[at] = undefined;
        if (row) slice.push(row);
      }
      return slice;
    },
    close() {
      pending = [];
    },
  };
}
