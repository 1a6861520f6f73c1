// Writes leads out as CSV (UTF-8 with BOM, RFC 4180, formula cells neutralized) or XLSX, and error rows to fix and re-import.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RowIssue } from './types';

export interface ExportColumn<R> {
  readonly header: string;
  readonly value: (row: R) => string | number | null | undefined;
}

// Spreadsheet apps run cells starting with these as formulas (CSV injection, OWASP); tab and CR too.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a cell safe to open in a spreadsheet: a value starting with `=`, `+`, `-`, `@`, tab or CR gets a leading
 * `'`, so Excel and WPS show it as text instead of evaluating it. Our importer drops that `'` again on re-import.
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quote a field holding the delimiter, a quote or a line break; double inner quotes. */
export function quoteCsvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function toCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return neutralizeFormula(typeof value === 'number' ? String(value) : value);
}

/**
 * Writes rows as CSV: UTF-8 with a BOM (so Excel on Chinese Windows reads it as UTF-8), CRLF line ends, RFC 4180
 * quoting, every cell formula-neutralized. Respects back-pressure; does not end the stream. Returns rows written.
 */
export async function writeLeadsCsv<R>(
  rows: Iterable<R> | AsyncIterable<R>,
  columns: readonly ExportColumn<R>[],
  stream: Writable,
): Promise<number> {
  const write = async (text: string): Promise<void> => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  await write(
    `\uFEFF${columns.map((column) => quoteCsvField(neutralizeFormula(column.header))).join(',')}\r\n`,
  );
  let count = 0;
  let buffer = '';
  for await (const row of rows) {
    buffer += `${columns.map((column) => quoteCsvField(toCell(column.value(row)))).join(',')}\r\n`;
    count += 1;
    if (buffer.length > 64 * 1024) {
      await write(buffer);
      buffer = '';
    }
  }
  if (buffer !== '') await write(buffer);
  return count;
}

/** Writes rows to a CSV file at `path` (see `writeLeadsCsv`). */
export async function writeLeadsCsvFile<R>(
  rows: Iterable<R> | AsyncIterable<R>,
  columns: readonly ExportColumn<R>[],
  path: string,
): Promise<number> {
  const stream = createWriteStream(path);
  try {
    const count = await writeLeadsCsv(rows, columns, stream);
    stream.end();
    await once(stream, 'finish');
    return count;
  } catch (error) {
    stream.destroy();
    throw error;
  }
}

/**
 * Writes rows to an .xlsx file with exceljs' streaming writer. Values are written as plain string or number cells,
 * never as formulas, so nothing needs neutralizing. Returns rows written.
 */
export async function writeLeadsXlsx<R>(
  rows: Iterable<R> | AsyncIterable<R>,
  columns: readonly ExportColumn<R>[],
  path: string,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('Leads');
  sheet.addRow(columns.map((column) => column.header)).commit();
  let count = 0;
  for await (const row of rows) {
    sheet.addRow(columns.map((column) => column.value(row) ?? null)).commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

export interface ErrorRowSource {
  readonly headers: readonly string[];
  /** Original cells by row number (as in RowIssue.row); rows that could not be split may be missing. */
  readonly rows: ReadonlyMap<number, readonly string[]>;
}

export const ERROR_COLUMN_HEADER = '错误/error';

/**
 * Writes the rows that had errors, with their original cells and an extra `错误/error` column, one line per row in
 * row order, so the user can fix them in Excel and import the file again (the extra column becomes a custom field
 * unless it is removed or ignored). Warnings are left out.
 */
export async function writeErrorRowsCsv(
  errors: readonly RowIssue[],
  originalRows: ErrorRowSource,
  path: string,
): Promise<number> {
  const byRow = new Map<number, RowIssue[]>();
  for (const error of errors) {
    if (error.severity !== 'error') continue;
    const list = byRow.get(error.row);
    if (list) list.push(error);
    else byRow.set(error.row, [error]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const columns: ExportColumn<number>[] = [
    ...originalRows.headers.map((header, index) => ({
      header,
      value: (row: number) => originalRows.rows.get(row)?.[index] ?? '',
    })),
    { header: ERROR_COLUMN_HEADER, value: (row: number) => describeRowErrors(byRow.get(row) ?? []) },
  ];
  return writeLeadsCsvFile(rows, columns, path);
}

/** One cell of text for the error file: every error of a row with its row, line and column. */
export function describeRowErrors(errors: readonly RowIssue[]): string {
  return errors
    .map((error) => {
      const where =
        error.line !== null && error.line !== error.row
          ? `row ${error.row} (line ${error.line})`
          : `row ${error.row}`;
      const column = error.column ? `, column "${error.column}"` : '';
      return `${where}${column}: ${error.reason} - ${error.message}`;
    })
    .join('; ');
}
