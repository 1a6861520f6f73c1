// The latest analysis of each upload, kept in memory for its commit: its valid rows (a 100k-row file's commit then
// neither writes nor reads back ~40 MB of JSON lines). A few uploads are kept at once (two team leads importing); an
// analysis outlives neither its process nor the next analysis of its upload, and committing it then asks for the
// file to be analysed again.
import type { Database } from 'better-sqlite3';
import type { AnalysedRow } from './files';

export interface KeptAnalysis {
  readonly uploadId: string;
  readonly analysisId: string;
  readonly rows: AnalysedRow[];
}

/** Hands out an analysis's valid rows in order, letting go of each slice it returns. */
export interface AnalysedRowsReader {
  /** Up to `max` rows; an empty array at the end. */
  next(max: number): AnalysedRow[];
  close(): void;
}

/** Uploads whose analysis is kept at once, per database; the one analysed longest ago goes first. */
const MAX_KEPT_UPLOADS = 3;

/** Per database, kept analyses by upload id, in the order they were kept. */
const keptAnalyses = new WeakMap<Database, Map<string, KeptAnalysis>>();

function keptOf(db: Database): Map<string, KeptAnalysis> {
  let kept = keptAnalyses.get(db);
  if (!kept) {
    kept = new Map();
    keptAnalyses.set(db, kept);
  }
  return kept;
}

function findKept(db: Database, analysisId: string): KeptAnalysis | undefined {
  for (const analysis of keptAnalyses.get(db)?.values() ?? [])
    if (analysis.analysisId === analysisId) return analysis;
  return undefined;
}

/** Keeps an analysis for its commit, in place of its upload's earlier one. */
export function keepAnalysis(db: Database, analysis: KeptAnalysis): void {
  const kept = keptOf(db);
  kept.delete(analysis.uploadId);
  kept.set(analysis.uploadId, analysis);
  for (const uploadId of kept.keys()) if (kept.size > MAX_KEPT_UPLOADS) kept.delete(uploadId);
}

/** Lets go of an upload's kept analysis when the upload is discarded (the wizard was cancelled). */
export function forgetAnalysis(db: Database, uploadId: string): void {
  keptAnalyses.get(db)?.delete(uploadId);
}

export function isAnalysisKept(db: Database, analysisId: string): boolean {
  return findKept(db, analysisId) !== undefined;
}

/** Hands a kept analysis's rows over to its commit, once; undefined when it is not kept. */
export function takeAnalysisRows(db: Database, analysisId: string): AnalysedRowsReader | undefined {
  const kept = findKept(db, analysisId);
  if (!kept) return undefined;
  keptAnalyses.get(db)?.delete(kept.uploadId);
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
