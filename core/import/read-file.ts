// Opens a lead file by what its bytes are (XLSX, legacy XLS, text in any common encoding), whatever its name says,
// and streams its rows with their row numbers, reporting broken rows instead of failing the file.
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { sniffFileFormat } from './file-format';
import type { LeadFile, ReadLeadFileOptions, SourceRow } from './lead-file';
import { openCsv } from './read-csv';
import { openXlsx } from './read-xlsx';
import { ImportFileError } from './types';

export type { LeadFile, LeadFileFormat, ReadLeadFileOptions, SourceRow } from './lead-file';
export { checkHeaders } from './headers';
export { cellToText } from './read-xlsx';

const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv', '']);

/**
 * Opens a lead file: decides the format by its first bytes (a ZIP is an XLSX workbook even when named `.csv`; an
 * OLE2 file is a legacy `.xls`, refused with "save it as .xlsx"), then detects encoding and delimiter or reads the
 * first sheet, and checks the header row. Throws ImportFileError for an empty file, a file with a header and no
 * rows is not refused here (the caller counts its rows), or an unsupported format; never for a bad data row.
 */
export async function openLeadFile(path: string, options: ReadLeadFileOptions = {}): Promise<LeadFile> {
  const format = sniffFileFormat(await readHead(path));
  if (format === 'xlsx') return openXlsx(path, options);
  if (format === 'xls')
    throw new ImportFileError(
      'unsupported_format',
      'This is an old Excel .xls workbook: open it in Excel or WPS and save it as .xlsx (or .csv) first',
    );
  if (format === 'binary')
    throw new ImportFileError('unsupported_format', 'The file is not a spreadsheet: use .csv, .txt or .xlsx');
  const extension = extname(path).toLowerCase();
  if (!TEXT_EXTENSIONS.has(extension) && extension !== '.xlsx' && extension !== '.xls')
    throw new ImportFileError(
      'unsupported_format',
      `Files of type ${extension} are not supported: use .csv, .txt or .xlsx`,
    );
  return openCsv(path, options);
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

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
