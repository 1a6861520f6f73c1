// What the CSV and XLSX readers share: the open file's shape, its options, and the one loop that batches its rows.
import { ISSUE_MESSAGES } from './types';
import type { Delimiter, RowIssue, RowIssueCode, TextEncoding } from './types';

export type LeadFileFormat = 'csv' | 'xlsx';

export interface ReadLeadFileOptions {
  /** Overrides detection (the wizard lets the user pick when the preview looks wrong). */
  readonly encoding?: TextEncoding;
  readonly delimiter?: Delimiter;
  /** Characters per cell; a longer cell is an error for its row. Default 64 Ki. */
  readonly maxFieldChars?: number;
  /** Characters per row; a longer row is skipped with an error. Default 256 Ki. */
  readonly maxRowChars?: number;
  /** Data rows read at most; the row after the cap gets a `too_many_rows` error and reading stops. Default 1,000,000. */
  readonly maxRows?: number;
  /** Rows per batch from `batches()`. Default 2,000. */
  readonly batchSize?: number;
}

/** One data row as read from the file, before mapping and validation. */
export interface SourceRow {
  /** Spreadsheet row number (header = row 1 in a plain CSV; XLSX: the sheet's own row number). */
  readonly row: number;
  /** 1-based physical line where the row starts (CSV/TXT); null for XLSX. */
  readonly line: number | null;
  /** One string per header column ('' when missing); empty when the row could not be split at all. */
  readonly cells: readonly string[];
  /** Structural problems found while reading; any `error` keeps the row out of the import. */
  readonly issues: readonly RowIssue[];
}

export interface LeadFile {
  readonly path: string;
  readonly format: LeadFileFormat;
  /** Null for XLSX. */
  readonly encoding: TextEncoding | null;
  /** Null for XLSX. */
  readonly delimiter: Delimiter | null;
  readonly headers: readonly string[];
  /** Row number of the header row. */
  readonly headerRow: number;
  /** Data rows in batches, in file order. Single use. */
  batches(): AsyncGenerator<SourceRow[]>;
  /** Data rows one by one (convenience over `batches`). Single use, shared with `batches`. */
  rows(): AsyncGenerator<SourceRow>;
  /** Stops reading and releases the file (safe to call at any time, and more than once). */
  close(): Promise<void>;
}

export const READ_DEFAULTS = {
  maxFieldChars: 64 * 1024,
  maxRowChars: 256 * 1024,
  maxRows: 1_000_000,
  batchSize: 2_000,
};
export type ReadSettings = typeof READ_DEFAULTS & ReadLeadFileOptions;

/**
 * The one batching loop of both readers: the items already read past the header, then the rest of `source`,
 * each turned into a row by `toRow` (null for a blank line, which is skipped); the row after `maxRows` data rows
 * becomes a `too_many_rows` error and reading stops. Yields batches of about `batchSize`; `release` runs when the
 * loop ends, however it ends. Single use: a second call throws.
 */
export function createBatches<T>(
  pending: readonly T[],
  source: AsyncIterator<readonly T[]>,
  toRow: (item: T) => SourceRow | null,
  settings: ReadSettings,
  release: () => Promise<void> | void,
): () => AsyncGenerator<SourceRow[]> {
  let started = false;
  return async function* batches(): AsyncGenerator<SourceRow[]> {
    if (started) throw new Error('The rows of a lead file can be read once');
    started = true;
    let dataRows = 0;
    let out: SourceRow[] = [];
    const take = (item: T): boolean => {
      const row = toRow(item);
      if (row === null) return true;
      dataRows += 1;
      if (dataRows > settings.maxRows) {
        out.push({
          row: row.row,
          line: row.line,
          cells: [],
          issues: [issue('error', 'too_many_rows', row.row, row.line)],
        });
        return false;
      }
      out.push(row);
      return true;
    };
    try {
      let going = true;
      for (const item of pending) if (going) going = take(item);
      while (going) {
        const next = await source.next();
        if (next.done) break;
        for (const item of next.value) {
          going = take(item);
          if (!going) break;
        }
        if (out.length >= settings.batchSize) {
          yield out;
          out = [];
        }
      }
      if (out.length > 0) yield out;
    } finally {
      await release();
    }
  };
}

export async function* flatten(batches: AsyncGenerator<SourceRow[]>): AsyncGenerator<SourceRow> {
  for await (const batch of batches) yield* batch;
}

export function issue(
  severity: 'error' | 'warning',
  reason: RowIssueCode,
  row: number,
  line: number | null,
): RowIssue {
  return { severity, row, line, reason, message: ISSUE_MESSAGES[reason] };
}

/** Our own CSV export prefixes formula-looking cells with `'`; dropped on the way back in (the value stays text). */
export function unneutralize(cell: string): string {
  return cell.length > 1 && cell.charCodeAt(0) === 0x27 && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
