// Shapes shared by the import modules: what a column becomes, row problems, file-level errors.
// Pure (no Node): the API contract's import shapes read these types too.
import type { LeadField } from '../domain/lead-fields';

/** Text encodings a lead file is read in. */
export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'big5',
  'windows-1252',
] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** Field delimiters a CSV file may use. */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** What one column becomes: a lead field, a custom field (`custom.<header>`), or nothing. */
export type ColumnTarget = LeadField | `custom.${string}` | 'ignore';
/** One target per column, by column position. */
export type ColumnMapping = readonly ColumnTarget[];

export type RowIssueCode =
  // file structure
  | 'unclosed_quote'
  | 'malformed_quote'
  | 'stray_quote'
  | 'field_too_large'
  | 'row_too_large'
  | 'too_many_fields'
  | 'too_few_fields'
  | 'too_many_rows'
  | 'control_chars_stripped'
  | 'invalid_encoding'
  // values
  | 'no_contact'
  | 'no_name'
  | 'invalid_phone'
  | 'phone_kept_as_typed'
  | 'phone_dropped'
  | 'invalid_email'
  | 'invalid_cost'
  | 'invalid_budget'
  | 'invalid_company_size'
  | 'value_too_long';

/**
 * A problem with one row. Errors keep the row out of the import (it goes to the error file to fix and re-import);
 * warnings are informational (the row imports).
 */
export interface RowIssue {
  readonly severity: 'error' | 'warning';
  /** Spreadsheet row number: the header is row 1 in a plain CSV, blank lines count, as Excel numbers rows. */
  readonly row: number;
  /** 1-based physical line in a CSV/TXT file where the row starts; null for XLSX. */
  readonly line: number | null;
  /** Header text of the column, when the problem is in one cell. */
  readonly column?: string;
  /** 1-based column position. */
  readonly columnIndex?: number;
  /** Lead field the column maps to. */
  readonly field?: ColumnTarget;
  readonly reason: RowIssueCode;
  /** English, for logs and the error file; the UI should translate `reason`. */
  readonly message: string;
  /** The offending value, truncated to 200 characters. */
  readonly value?: string;
}

export type ImportFileErrorCode =
  'empty_file' | 'duplicate_header' | 'bad_header' | 'unsupported_format' | 'unreadable';

/** The file as a whole cannot be imported (as opposed to single bad rows). */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export const ISSUE_MESSAGES: Readonly<Record<RowIssueCode, string>> = {
  unclosed_quote:
    'A quote opened on this line is never closed (or closes in the wrong place); the lines after it are read as their own rows',
  malformed_quote: 'Text follows a closing quote inside the cell',
  stray_quote: 'A quote character inside an unquoted cell was kept as text',
  field_too_large: 'The cell is larger than the size limit',
  row_too_large: 'The row is larger than the size limit (or has an unclosed quote); it was skipped',
  too_many_fields: 'The row has more cells than there are columns',
  too_few_fields: 'The row has fewer cells than there are columns',
  too_many_rows: 'The file has more rows than the import limit; the rest was not read',
  control_chars_stripped: 'Control characters (such as NUL) were removed from the cell',
  invalid_encoding: 'The cell has bytes that are not valid in the file encoding',
  no_contact: 'The row has no name, no phone and no email',
  no_name: 'The row has neither a name nor a company: a lead needs one of them',
  invalid_phone: 'The phone number is not valid',
  phone_kept_as_typed:
    'The phone number is not valid in the default country; it was kept as typed (the lead has another contact)',
  phone_dropped: 'The phone cell holds no number; it was left out (the lead has another contact)',
  invalid_email: 'The email address is not valid',
  invalid_cost: 'The cost is not an amount of money',
  invalid_budget: 'The budget is not an amount of money',
  invalid_company_size: 'The company size is not a head count',
  value_too_long: 'The value is longer than the field allows',
};

/** Clips a value for error reports so one 10 MB cell cannot bloat the error list. */
export function clipValue(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}
