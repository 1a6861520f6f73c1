// Analyses kept in memory for their commits: the latest per upload, a few uploads at once, handed over once.
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysedRow } from '../../../core/api/import/files';
import {
  forgetAnalysis,
  isAnalysisKept,
  keepAnalysis,
  takeAnalysisRows,
} from '../../../core/api/import/kept-analysis';

const noKeys = { phoneKey: null, emailKey: null, companyKey: null, companyNameKey: null };
function rows(count: number): AnalysedRow[] {
  return Array.from({ length: count }, (_, i) => ({
    r: i + 2,
    d: { name: `客户${i}` } as AnalysedRow['d'],
    k: noKeys,
  }));
}

describe('analyses kept for their commits', () => {
  const db = new BetterSqlite3(':memory:');
  afterEach(() => {
    for (const upload of ['u1', 'u2', 'u3', 'u4']) forgetAnalysis(db, upload);
  });

  it('keeps the latest analysis of an upload and hands its rows over once, in order', () => {
    keepAnalysis(db, { uploadId: 'u1', analysisId: 'a1', rows: rows(3) });
    keepAnalysis(db, { uploadId: 'u1', analysisId: 'a2', rows: rows(5) });
    expect(isAnalysisKept(db, 'a1')).toBe(false);
    const reader = takeAnalysisRows(db, 'a2');
    expect(reader?.next(2).map((row) => row.r)).toEqual([2, 3]);
    expect(reader?.next(10).map((row) => row.r)).toEqual([4, 5, 6]);
    expect(reader?.next(10)).toEqual([]);
    expect(takeAnalysisRows(db, 'a2')).toBeUndefined();
  });

  it('keeps three uploads at once, letting go of the one analysed longest ago', () => {
    for (const n of [1, 2, 3, 4]) keepAnalysis(db, { uploadId: `u${n}`, analysisId: `a${n}`, rows: rows(1) });
    expect(['a1', 'a2', 'a3', 'a4'].map((id) => isAnalysisKept(db, id))).toEqual([false, true, true, true]);
  });
});
