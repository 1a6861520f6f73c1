// Test helpers: a fresh temp folder per test file and collecting every row of a lead file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openLeadFile } from '../../../core/import/read-file';
import { readLeadBatches } from '../../../core/import/import-rows';
import type { ReadLeadFileOptions } from '../../../core/import/read-file';
import type { RejectedLeadRow, ValidLeadRow } from '../../../core/import/import-rows';

/** A temp folder removed after the test file; returns a function naming files inside it. */
export function useTempDir(): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'fairlead-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name: string) => join(dir, name);
}

export interface ImportedFile {
  readonly headers: readonly string[];
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly valid: ValidLeadRow[];
  readonly rejected: RejectedLeadRow[];
}

/** Reads, maps (guessed) and validates every row of a file. */
export async function importAll(path: string, options: ReadLeadFileOptions = {}): Promise<ImportedFile> {
  const file = await openLeadFile(path, options);
  const valid: ValidLeadRow[] = [];
  const rejected: RejectedLeadRow[] = [];
  for await (const batch of readLeadBatches(file)) {
    valid.push(...batch.valid);
    rejected.push(...batch.rejected);
  }
  return { headers: file.headers, encoding: file.encoding, delimiter: file.delimiter, valid, rejected };
}
