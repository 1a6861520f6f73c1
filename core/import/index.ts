// Public surface of lead file import/export: what the store, the API and the wizard call.
export { detectEncoding, detectFileEncoding, createTextDecoder, TEXT_ENCODINGS } from './encoding';
export type { TextEncoding, TextChunkDecoder } from './encoding';
export { detectDelimiter, parseCsvText, CsvRecordParser } from './csv-parser';
export type { Delimiter, CsvRecord, CsvIssue, CsvIssueCode, CsvParserOptions } from './csv-parser';
export { openLeadFile, readLeadFile, checkHeaders, cellToText } from './read-file';
export type { LeadFile, LeadFileFormat, ReadLeadFileOptions, SourceRow } from './read-file';
export { guessColumnMapping, foldHeader, customTarget, mappedFields, isLeadField } from './column-mapping';
export { validateRow, parseMoneyFen, parseCompanySize } from './validate-row';
export type { LeadDraft, RowValidation, ValidateRowContext } from './validate-row';
export { normalizePhoneNumber } from './phone';
export { readLeadBatches, validateSourceRow, buildParseReport } from './import-rows';
export type { LeadBatch, ValidLeadRow, RejectedLeadRow, ParseReport } from './import-rows';
export {
  neutralizeFormula,
  quoteCsvField,
  writeLeadsCsv,
  writeLeadsCsvFile,
  writeLeadsXlsx,
  writeErrorRowsCsv,
  ERROR_COLUMN_HEADER,
  describeRowErrors,
} from './export-csv';
export type { ExportColumn, ErrorRowSource } from './export-csv';
export { LEAD_FIELDS, ImportFileError, ISSUE_MESSAGES } from './types';
export type {
  LeadField,
  ColumnTarget,
  ColumnMapping,
  RowIssue,
  RowIssueCode,
  ImportFileErrorCode,
} from './types';
