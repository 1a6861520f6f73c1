// Writes leads out as CSV (UTF-8 with BOM, RFC 4180, formula cells neutralized) or XLSX, and error rows to fix and re-import.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DATE_ERROR_MESSAGES_ZH, HISTORY_ISSUE_MESSAGES_ZH } from '../domain/history/history-issue-words';
import type { HistoryIssue } from '../domain/history/history-row';
import { ISSUE_MESSAGES_ZH } from './row-issue-words';
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

/**
 * The error file's extra column (import.errorFile): the rows that had errors, with their original cells and this
 * column, so the user can fix them in Excel and import the file again (it becomes a custom field unless removed).
 */
export const ERROR_COLUMN_HEADER = '错误/error';

/** A row's problem as the error file words it: where, and what in each language. */
interface WordedIssue {
  readonly row: number;
  readonly line: number | null;
  readonly column?: string;
  readonly en: string;
  readonly zh: string;
}

/**
 * One cell of text for the error file, in the reader's language: every problem of a row with its row, line and
 * column — "第 4 行（文件第 5 行），列「预算」：预算不是金额", "row 4 (line 5), column "Budget": The budget is not an amount".
 */
function describeIssues(issues: readonly WordedIssue[], language: 'zh-CN' | 'en'): string {
  if (language === 'zh-CN')
    return issues
      .map((issue) => {
        const line = issue.line !== null && issue.line !== issue.row ? `（文件第 ${issue.line} 行）` : '';
        const column = issue.column ? `，列「${issue.column}」` : '';
        return `第 ${issue.row} 行${line}${column}：${issue.zh}`;
      })
      .join('；');
  return issues
    .map((issue) => {
      const where =
        issue.line !== null && issue.line !== issue.row
          ? `row ${issue.row} (line ${issue.line})`
          : `row ${issue.row}`;
      const column = issue.column ? `, column "${issue.column}"` : '';
      return `${where}${column}: ${issue.en}`;
    })
    .join('; ');
}

/**
 * A plain import's row errors for the error file (describeIssues). The file holds only the cells under the columns,
 * so the cells past the last one are quoted in the text ("列数多于表头（多出：200）"), or they would be lost.
 */
export function describeRowErrors(errors: readonly RowIssue[], language: 'zh-CN' | 'en'): string {
  return describeIssues(
    errors.map((error) => {
      const extra = error.reason === 'too_many_fields' && error.value ? error.value : null;
      return {
        ...error,
        en: extra === null ? error.message : `${error.message} (past the last column: ${extra})`,
        zh:
          extra === null
            ? ISSUE_MESSAGES_ZH[error.reason]
            : `${ISSUE_MESSAGES_ZH[error.reason]}（多出：${extra}）`,
      };
    }),
    language,
  );
}

/** A past-leads import's row errors for the error file (describeIssues); an invalid date says why. */
export function describeHistoryErrors(errors: readonly HistoryIssue[], language: 'zh-CN' | 'en'): string {
  return describeIssues(
    errors.map((error) => {
      const why = error.dateReason === undefined ? '' : `：${DATE_ERROR_MESSAGES_ZH[error.dateReason]}`;
      return { ...error, en: error.message, zh: `${HISTORY_ISSUE_MESSAGES_ZH[error.reason]}${why}` };
    }),
    language,
  );
}
