// Streams the rows of a lead file (.csv/.txt in any common encoding and delimiter, or .xlsx) with their row numbers,
// reporting broken rows instead of failing the file; memory stays bounded by the batch size and the size caps.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { CsvRecordParser, detectDelimiter } from './csv-parser';
import type { CsvRecord, Delimiter } from './csv-parser';
import { createTextDecoder, detectFileEncoding } from './encoding';
import type { TextEncoding } from './encoding';
import { clipValue, ImportFileError, ISSUE_MESSAGES } from './types';
import type { RowIssue, RowIssueCode } from './types';

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

const DEFAULTS = { maxFieldChars: 64 * 1024, maxRowChars: 256 * 1024, maxRows: 1_000_000, batchSize: 2_000 };
const CSV_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);

/**
 * Opens a lead file: detects format, encoding and delimiter, reads the header row and validates it.
 * Throws ImportFileError for an empty file, duplicate headers or an unsupported format; never for a bad data row.
 */
export async function openLeadFile(path: string, options: ReadLeadFileOptions = {}): Promise<LeadFile> {
  const extension = extname(path).toLowerCase();
  if (extension === '.xlsx') return openXlsx(path, options);
  if (CSV_EXTENSIONS.has(extension)) return openCsv(path, options);
  if (extension === '.xls')
    throw new ImportFileError(
      'unsupported_format',
      'Old .xls files are not supported: save the file as .xlsx or .csv first',
    );
  throw new ImportFileError(
    'unsupported_format',
    `Files of type ${extension || '(none)'} are not supported: use .csv, .txt or .xlsx`,
  );
}

/** Streams the data rows of a lead file (see `openLeadFile` for what is detected and thrown). */
export async function* readLeadFile(
  path: string,
  options: ReadLeadFileOptions = {},
): AsyncGenerator<SourceRow> {
  const file = await openLeadFile(path, options);
  try {
    yield* file.rows();
  } finally {
    await file.close();
  }
}

/** Checks headers: trims them, names empty ones `列N`, rejects duplicates (case, width and spaces ignored). */
export function checkHeaders(raw: readonly string[]): string[] {
  const headers = raw.map((header, i) => {
    const trimmed = header
      .replace(/^\uFEFF/, '')
      .replace(/\s+/g, ' ')
      .trim();
    return trimmed === '' ? `列${i + 1}` : trimmed;
  });
  while (headers.length > 0 && raw[headers.length - 1]?.trim() === '') headers.pop();
  if (headers.length === 0) throw new ImportFileError('bad_header', 'The header row is empty');
  const seen = new Map<string, number>();
  headers.forEach((header, i) => {
    const key = header.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
    const first = seen.get(key);
    if (first !== undefined) {
      throw new ImportFileError(
        'duplicate_header',
        `Columns ${first + 1} ("${headers[first] ?? ''}") and ${i + 1} ("${header}") have the same header; rename or remove one`,
      );
    }
    seen.set(key, i);
  });
  return headers;
}

async function openCsv(path: string, options: ReadLeadFileOptions): Promise<LeadFile> {
  const settings = { ...DEFAULTS, ...options };
  const encoding = options.encoding ?? (await detectFileEncoding(path));
  const delimiter = options.delimiter ?? detectDelimiter(await readSampleText(path, encoding));
  const parser = new CsvRecordParser({
    delimiter,
    maxFieldChars: settings.maxFieldChars,
    maxRecordChars: settings.maxRowChars,
  });
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  const records = readCsvRecords(stream, encoding, parser);

  let rowNumber = 0;
  let header: CsvRecord | null = null;
  let pending: CsvRecord[] = [];
  while (header === null) {
    const next = await records.next();
    if (next.done) break;
    const batch = next.value;
    for (let i = 0; i < batch.length; i += 1) {
      const record = batch[i];
      if (record === undefined) continue;
      rowNumber += 1;
      if (isBlank(record)) continue;
      header = record;
      pending = batch.slice(i + 1);
      break;
    }
  }
  if (header === null) {
    stream.destroy();
    throw new ImportFileError('empty_file', 'The file is empty: it needs a header row and at least one lead');
  }
  if (header.issues.some((issue) => issue.severity === 'error')) {
    stream.destroy();
    throw new ImportFileError(
      'bad_header',
      `The header row (line ${header.line}) is broken: ${header.issues.map((issue) => issue.code).join(', ')}`,
    );
  }
  const headers = checkHeaders(header.fields.map(unneutralize));
  parser.expectedFields = headers.length;
  const headerRow = rowNumber;

  let started = false;
  async function* batches(): AsyncGenerator<SourceRow[]> {
    if (started) throw new Error('The rows of a lead file can be read once');
    started = true;
    let dataRows = 0;
    let out: SourceRow[] = [];
    const take = (record: CsvRecord): boolean => {
      rowNumber += 1;
      const row = rowNumber;
      if (isBlank(record)) return true;
      dataRows += 1;
      if (dataRows > settings.maxRows) {
        out.push({
          row,
          line: record.line,
          cells: [],
          issues: [issue('error', 'too_many_rows', row, record.line)],
        });
        return false;
      }
      out.push(toSourceRow(record, row, headers));
      return true;
    };
    try {
      let going = true;
      for (const record of pending) if (going) going = take(record);
      pending = [];
      while (going) {
        const next = await records.next();
        if (next.done) break;
        for (const record of next.value) {
          going = take(record);
          if (!going) break;
        }
        if (out.length >= settings.batchSize) {
          yield out;
          out = [];
        }
      }
      if (out.length > 0) yield out;
    } finally {
      stream.destroy();
    }
  }

  return {
    path,
    format: 'csv',
    encoding,
    delimiter,
    headers,
    headerRow,
    batches,
    rows: () => flatten(batches()),
    close: async () => {
      stream.destroy();
    },
  };
}

async function* readCsvRecords(
  stream: AsyncIterable<Buffer>,
  encoding: TextEncoding,
  parser: CsvRecordParser,
): AsyncGenerator<CsvRecord[]> {
  const decoder = createTextDecoder(encoding);
  for await (const chunk of stream) {
    const out: CsvRecord[] = [];
    parser.push(decoder.write(chunk), out);
    if (out.length > 0) yield out;
  }
  const out: CsvRecord[] = [];
  parser.push(decoder.end(), out);
  parser.end(out);
  if (out.length > 0) yield out;
}

function toSourceRow(record: CsvRecord, row: number, headers: readonly string[]): SourceRow {
  const issues: RowIssue[] = [];
  for (const found of record.issues) {
    const columnIndex = found.columnIndex;
    if (columnIndex === undefined) issues.push(issue(found.severity, found.code, row, record.line));
    else
      issues.push({
        ...issue(found.severity, found.code, row, record.line),
        columnIndex: columnIndex + 1,
        column: headers[columnIndex] ?? `列${columnIndex + 1}`,
      });
  }
  if (record.fields.length === 0) return { row, line: record.line, cells: [], issues };
  // The record is ours alone: fix the few neutralized cells in place instead of copying every row.
  let cells = record.fields;
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i];
    if (cell !== undefined && cell.charCodeAt(0) === 0x27) cells[i] = unneutralize(cell);
  }
  if (cells.length > headers.length) {
    const extra = cells.slice(headers.length);
    // A trailing delimiter (`a,b,c,`) is common and harmless; extra data is not.
    if (extra.some((cell) => cell.trim() !== '')) {
      issues.push({
        ...issue('error', 'too_many_fields', row, record.line),
        value: clipValue(`${cells.length} cells for ${headers.length} columns`),
      });
    }
    cells = cells.slice(0, headers.length);
  } else if (cells.length < headers.length) {
    issues.push({
      ...issue('error', 'too_few_fields', row, record.line),
      value: clipValue(`${cells.length} cells for ${headers.length} columns`),
    });
    while (cells.length < headers.length) cells.push('');
  }
  return { row, line: record.line, cells, issues };
}

async function openXlsx(path: string, options: ReadLeadFileOptions): Promise<LeadFile> {
  const settings = { ...DEFAULTS, ...options };
  const rowsOfFirstSheet = readXlsxRows(path, settings.maxFieldChars);
  try {
    for (;;) {
      const next = await rowsOfFirstSheet.next();
      if (next.done) break;
      const found = next.value.find((row) => row.cells.some((cell) => cell.trim() !== ''));
      if (found) {
        const rest = next.value.slice(next.value.indexOf(found) + 1);
        return buildXlsxFile(path, rest, rowsOfFirstSheet, found.cells, found.number, settings);
      }
    }
  } catch (error) {
    await rowsOfFirstSheet.return(undefined);
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      'unreadable',
      `The .xlsx file could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  throw new ImportFileError(
    'empty_file',
    'The first sheet is empty: it needs a header row and at least one lead',
  );
}

interface XlsxRow {
  readonly number: number;
  readonly cells: string[];
  readonly tooLarge: number[];
}

function buildXlsxFile(
  path: string,
  rest: XlsxRow[],
  source: AsyncGenerator<XlsxRow[]>,
  headerCells: string[],
  headerRow: number,
  settings: typeof DEFAULTS & ReadLeadFileOptions,
): LeadFile {
  const headers = checkHeaders(headerCells.map(unneutralize));
  let started = false;
  async function* batches(): AsyncGenerator<SourceRow[]> {
    if (started) throw new Error('The rows of a lead file can be read once');
    started = true;
    let dataRows = 0;
    let out: SourceRow[] = [];
    const take = (row: XlsxRow): boolean => {
      if (row.cells.every((cell) => cell.trim() === '')) return true;
      dataRows += 1;
      if (dataRows > settings.maxRows) {
        out.push({
          row: row.number,
          line: null,
          cells: [],
          issues: [issue('error', 'too_many_rows', row.number, null)],
        });
        return false;
      }
      const issues: RowIssue[] = [];
      for (const index of row.tooLarge) {
        issues.push({
          ...issue('error', 'field_too_large', row.number, null),
          columnIndex: index + 1,
          column: headers[index] ?? `列${index + 1}`,
        });
      }
      const cells = row.cells.slice(0, headers.length).map(unneutralize);
      if (row.cells.slice(headers.length).some((cell) => cell.trim() !== '')) {
        issues.push(issue('error', 'too_many_fields', row.number, null));
      }
      while (cells.length < headers.length) cells.push('');
      cells.forEach((cell, index) => {
        if (cell.indexOf('\uFFFD') !== -1)
          issues.push({
            ...issue('error', 'invalid_encoding', row.number, null),
            columnIndex: index + 1,
            column: headers[index] ?? '',
          });
      });
      out.push({ row: row.number, line: null, cells, issues });
      return true;
    };
    try {
      let going = true;
      for (const row of rest) if (going) going = take(row);
      while (going) {
        const next = await source.next();
        if (next.done) break;
        for (const row of next.value) {
          going = take(row);
          if (!going) break;
        }
        if (out.length >= settings.batchSize) {
          yield out;
          out = [];
        }
      }
      if (out.length > 0) yield out;
    } finally {
      await source.return(undefined);
    }
  }
  return {
    path,
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    headers,
    headerRow,
    batches,
    rows: () => flatten(batches()),
    close: async () => {
      await source.return(undefined);
    },
  };
}

/**
 * Files up to this size are read whole: exceljs 4.4's streaming reader decodes each inflated chunk on its own, so a
 * Chinese character split across two chunks becomes U+FFFD (exceljs#2063, #2084); the whole-file reader decodes each
 * XML part as one string. Larger files stream (bounded memory) and rows it garbles are rejected as invalid_encoding.
 */
const XLSX_WHOLE_FILE_MAX_BYTES = 50 * 1024 * 1024;

async function* readXlsxRows(
  path: string,
  maxFieldChars = DEFAULTS.maxFieldChars,
): AsyncGenerator<XlsxRow[]> {
  if ((await stat(path)).size <= XLSX_WHOLE_FILE_MAX_BYTES) {
    yield* readWholeXlsxRows(path, maxFieldChars);
    return;
  }
  yield* streamXlsxRows(path, maxFieldChars);
}

function toXlsxRow(number: number, rowValues: ExcelJS.Row['values'], maxFieldChars: number): XlsxRow {
  const values = Array.isArray(rowValues) ? rowValues : [];
  const cells: string[] = [];
  const tooLarge: number[] = [];
  // exceljs row values are 1-based and sparse.
  for (let column = 1; column < values.length; column += 1) {
    let text = stripControl(cellToText(values[column]));
    if (text.length > maxFieldChars) {
      tooLarge.push(column - 1);
      text = `${text.slice(0, 256)}…`;
    }
    cells.push(text);
  }
  return { number, cells, tooLarge };
}

async function* readWholeXlsxRows(path: string, maxFieldChars: number): AsyncGenerator<XlsxRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  // Only the first sheet holds leads.
  const worksheet = workbook.worksheets[0];
  if (!worksheet) return;
  let batch: XlsxRow[] = [];
  const rows: ExcelJS.Row[] = [];
  worksheet.eachRow((row) => rows.push(row));
  for (const row of rows) {
    batch.push(toXlsxRow(row.number, row.values, maxFieldChars));
    if (batch.length >= 500) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function* streamXlsxRows(path: string, maxFieldChars: number): AsyncGenerator<XlsxRow[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  for await (const worksheet of workbook) {
    let batch: XlsxRow[] = [];
    for await (const row of worksheet) {
      batch.push(toXlsxRow(row.number, row.values, maxFieldChars));
      if (batch.length >= 500) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    // Only the first sheet holds leads.
    break;
  }
}

/** Text of an XLSX cell as a person would read it: dates as ISO dates, numbers without float noise, formula results. */
export function cellToText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatExcelDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return value.result === undefined ? '' : cellToText(value.result);
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : cellToText(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

// Excel dates carry no zone: exceljs hands them over as UTC wall-clock times.
function formatExcelDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? day : `${day} ${time}`;
}

async function readSampleText(path: string, encoding: TextEncoding): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return createTextDecoder(encoding).write(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

async function* flatten(batches: AsyncGenerator<SourceRow[]>): AsyncGenerator<SourceRow> {
  for await (const batch of batches) yield* batch;
}

function issue(
  severity: 'error' | 'warning',
  reason: RowIssueCode,
  row: number,
  line: number | null,
): RowIssue {
  return { severity, row, line, reason, message: ISSUE_MESSAGES[reason] };
}

function isBlank(record: CsvRecord): boolean {
  return record.issues.length === 0 && record.fields.length === 1 && record.fields[0]?.trim() === '';
}

// Our own CSV export prefixes formula-looking cells with `'`; drop it on the way back in (the value stays plain text).
function unneutralize(cell: string): string {
  return cell.length > 1 && cell.charCodeAt(0) === 0x27 && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}
