// Reads a CSV/TXT lead file: encoding and delimiter detected, header checked, rows streamed in batches.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvRecordParser, detectDelimiter } from './csv-parser';
import type { CsvRecord } from './csv-parser';
import { createTextDecoder, createUtf8Check, detectFileEncoding } from './encoding';
import { checkHeaders } from './headers';
import { createBatches, flatten, issue, READ_DEFAULTS, unneutralize } from './lead-file';
import type { LeadFile, ReadLeadFileOptions, SourceRow } from './lead-file';
import { clipValue, ImportFileError } from './types';
import type { RowIssue, TextEncoding } from './types';

export async function openCsv(path: string, options: ReadLeadFileOptions): Promise<LeadFile> {
  const settings = { ...READ_DEFAULTS, ...options };
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

  const batches = createBatches(
    pending,
    records,
    (record) => {
      rowNumber += 1;
      return isBlank(record) ? null : toSourceRow(record, rowNumber, headers);
    },
    settings,
    () => {
      stream.destroy();
    },
  );

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
  const isCleanUtf8 = encoding === 'utf-8' || encoding === 'utf-8-bom' ? createUtf8Check() : () => false;
  let hadInvalidBefore = false;
  for await (const chunk of stream) {
    const out: CsvRecord[] = [];
    const text = decoder.write(chunk);
    // A U+FFFD the file itself holds is text; only one the decoder made up is an encoding error. A record may
    // start in the chunk before, so that chunk counts too. Valid UTF-8 (most files) decodes with none made up.
    const hadInvalid =
      !isCleanUtf8(chunk) && countReplacements(text) > countEncodedReplacements(chunk, encoding);
    parser.isReplacementInvalid = hadInvalid || hadInvalidBefore;
    hadInvalidBefore = hadInvalid;
    parser.push(text, out);
    if (out.length > 0) yield out;
  }
  parser.isReplacementInvalid = true;
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
      // The cells past the last column are what to look at ("200" of an unquoted "1,200"), in any language.
      issues.push({
        ...issue('error', 'too_many_fields', row, record.line),
        message: `The row has ${cells.length} cells for ${headers.length} columns`,
        value: clipValue(extra.filter((cell) => cell.trim() !== '').join(', ')),
      });
    }
    cells = cells.slice(0, headers.length);
  } else if (cells.length < headers.length) {
    issues.push({
      ...issue('error', 'too_few_fields', row, record.line),
      message: `The row has ${cells.length} cells for ${headers.length} columns`,
    });
    while (cells.length < headers.length) cells.push('');
  }
  return { row, line: record.line, cells, issues };
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

function isBlank(record: CsvRecord): boolean {
  return record.issues.length === 0 && record.fields.length === 1 && record.fields[0]?.trim() === '';
}

function countReplacements(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) n += 1;
  return n;
}

/** U+FFFD characters written in the bytes themselves (UTF-8 EF BF BD, UTF-16 FFFD); other encodings have none. */
function countEncodedReplacements(bytes: Uint8Array, encoding: TextEncoding): number {
  let n = 0;
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    for (let i = 0; i + 2 < bytes.length; i += 1) {
      if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n += 1;
    }
  } else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const [lo, hi] = encoding === 'utf-16le' ? [0xfd, 0xff] : [0xff, 0xfd];
    for (let i = 0; i + 1 < bytes.length; i += 2) if (bytes[i] === lo && bytes[i + 1] === hi) n += 1;
  }
  return n;
}
