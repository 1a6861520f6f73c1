// Reads the first sheet of an XLSX lead file: header checked, cells as people read them, rows in batches.
import { stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { checkHeaders } from './headers';
import { createBatches, flatten, issue, READ_DEFAULTS, unneutralize } from './lead-file';
import type { LeadFile, ReadLeadFileOptions, ReadSettings, SourceRow } from './lead-file';
import { ImportFileError } from './types';
import type { RowIssue } from './types';

export async function openXlsx(path: string, options: ReadLeadFileOptions): Promise<LeadFile> {
  const settings = { ...READ_DEFAULTS, ...options };
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
  /** Read by exceljs's streaming reader, which can garble text split across chunks into U+FFFD. */
  readonly isStreamed: boolean;
}

function buildXlsxFile(
  path: string,
  rest: XlsxRow[],
  source: AsyncGenerator<XlsxRow[]>,
  headerCells: string[],
  headerRow: number,
  settings: ReadSettings,
): LeadFile {
  const headers = checkHeaders(headerCells.map(unneutralize));
  const take = (row: XlsxRow): SourceRow | null => {
    if (row.cells.every((cell) => cell.trim() === '')) return null;
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
    // Only the streaming reader garbles text into U+FFFD; the whole-file reader's U+FFFD is the cell's own text.
    if (row.isStreamed)
      cells.forEach((cell, index) => {
        if (cell.indexOf('\uFFFD') !== -1)
          issues.push({
            ...issue('error', 'invalid_encoding', row.number, null),
            columnIndex: index + 1,
            column: headers[index] ?? '',
          });
      });
    return { row: row.number, line: null, cells, issues };
  };
  const batches = createBatches(rest, source, take, settings, async () => {
    await source.return(undefined);
  });
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
  maxFieldChars = READ_DEFAULTS.maxFieldChars,
): AsyncGenerator<XlsxRow[]> {
  if ((await stat(path)).size <= XLSX_WHOLE_FILE_MAX_BYTES) {
    yield* readWholeXlsxRows(path, maxFieldChars);
    return;
  }
  yield* streamXlsxRows(path, maxFieldChars);
}

function toXlsxRow(
  number: number,
  rowValues: ExcelJS.Row['values'],
  maxFieldChars: number,
  isStreamed: boolean,
): XlsxRow {
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
  return { number, cells, tooLarge, isStreamed };
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
    batch.push(toXlsxRow(row.number, row.values, maxFieldChars, false));
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
      batch.push(toXlsxRow(row.number, row.values, maxFieldChars, true));
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

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}
