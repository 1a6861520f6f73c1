// The read-map-validate pipeline the store's batch import consumes, and the parse report the wizard shows first.
import { stat } from 'node:fs/promises';
import { guessColumnMapping } from './column-mapping';
import { openLeadFile } from './read-file';
import type { LeadFile, LeadFileFormat, ReadLeadFileOptions, SourceRow } from './read-file';
import { detectDecimalColumns } from './number-styles';
import { validateRow } from './validate-row';
import type { LeadDraft, ValidateRowContext } from './validate-row';
import type { ColumnMapping, ColumnTarget, Delimiter, RowIssue, TextEncoding } from './types';

export interface ValidLeadRow {
  readonly row: number;
  readonly line: number | null;
  readonly draft: LeadDraft;
  readonly warnings: readonly RowIssue[];
}

export interface RejectedLeadRow {
  readonly row: number;
  readonly line: number | null;
  /** Original cells, for the error file (empty when the row could not be split). */
  readonly cells: readonly string[];
  readonly errors: readonly RowIssue[];
  readonly warnings: readonly RowIssue[];
}

export interface LeadBatch {
  readonly valid: readonly ValidLeadRow[];
  readonly rejected: readonly RejectedLeadRow[];
}

/**
 * Validates one source row with a mapping: structural errors from reading come first, then value errors. A cell
 * problem in a column mapped to `ignore` does not count: ignored columns are never validated.
 */
export function validateSourceRow(
  source: SourceRow,
  mapping: ColumnMapping,
  headers: readonly string[],
  context: RowReadingContext = {},
): ValidLeadRow | RejectedLeadRow {
  let readWarnings: readonly RowIssue[] = NO_ISSUES;
  if (source.issues.length > 0) {
    const counted = source.issues.filter(
      (issue) => issue.columnIndex === undefined || mapping[issue.columnIndex - 1] !== 'ignore',
    );
    const structural = counted.filter((issue) => issue.severity === 'error');
    readWarnings = counted.filter((issue) => issue.severity === 'warning');
    if (structural.length > 0) {
      return {
        row: source.row,
        line: source.line,
        cells: source.cells,
        errors: structural,
        warnings: readWarnings,
      };
    }
  }
  const result = validateRow(source.cells, mapping, source.row, { ...context, headers, line: source.line });
  const warnings = result.warnings.length === 0 ? readWarnings : [...readWarnings, ...result.warnings];
  if (result.ok) return { row: source.row, line: source.line, draft: result.draft, warnings };
  return { row: source.row, line: source.line, cells: source.cells, errors: result.errors, warnings };
}

const NO_ISSUES: readonly RowIssue[] = Object.freeze([]);

/** What a whole import decides once for every row: the default phone country and the decimal-comma columns. */
export type RowReadingContext = Pick<ValidateRowContext, 'defaultCountry' | 'decimalCommaColumns'>;

/**
 * Streams an opened lead file as validated batches (valid drafts and rejected rows, in file order within each list).
 * Memory is bounded by the batch size; each batch can go into one store transaction.
 */
export async function* readLeadBatches(
  file: LeadFile,
  mapping: ColumnMapping = guessColumnMapping(file.headers),
  context: RowReadingContext = {},
): AsyncGenerator<LeadBatch> {
  for await (const batch of file.batches()) {
    const valid: ValidLeadRow[] = [];
    const rejected: RejectedLeadRow[] = [];
    for (const source of batch) {
      const result = validateSourceRow(source, mapping, file.headers, context);
      if ('draft' in result) valid.push(result);
      else rejected.push(result);
    }
    yield { valid, rejected };
  }
}

export interface ParseReport {
  readonly path: string;
  readonly fileSizeBytes: number;
  readonly format: LeadFileFormat;
  readonly encoding: TextEncoding | null;
  readonly delimiter: Delimiter | null;
  readonly headers: readonly string[];
  readonly headerRow: number;
  readonly mapping: readonly ColumnTarget[];
  /** The first data rows (20 by default), validated with the guessed mapping. */
  readonly preview: readonly (ValidLeadRow | RejectedLeadRow)[];
  /** Raw cells of the preview rows, for the mapping table. */
  readonly previewCells: readonly (readonly string[])[];
}

/**
 * What the import wizard shows before importing: format, encoding, delimiter, headers, guessed mapping and the
 * first rows. Reads only the start of the file. Throws ImportFileError for a file that cannot be imported at all.
 */
export async function buildParseReport(
  path: string,
  options: ReadLeadFileOptions & { readonly previewRows?: number } = {},
): Promise<ParseReport> {
  const wanted = options.previewRows ?? 20;
  const { size } = await stat(path);
  const file = await openLeadFile(path, {
    ...options,
    batchSize: Math.min(options.batchSize ?? wanted, 2_000),
  });
  const sources: SourceRow[] = [];
  try {
    for await (const source of file.rows()) {
      if (sources.length >= wanted) break;
      sources.push(source);
    }
  } finally {
    await file.close();
  }
  // The preview rows are the sample the mapping is read from: a column must look the part of its field.
  const previewCells = sources.map((source) => source.cells);
  const mapping = guessColumnMapping(file.headers, previewCells);
  const context: RowReadingContext = {
    decimalCommaColumns: detectDecimalColumns(mapping, previewCells).comma,
  };
  const preview = sources.map((source) => validateSourceRow(source, mapping, file.headers, context));
  return {
    path,
    fileSizeBytes: size,
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers: file.headers,
    headerRow: file.headerRow,
    mapping,
    preview,
    previewCells,
  };
}
