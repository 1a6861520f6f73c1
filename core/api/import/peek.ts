// The first rows of an opened lead file, read ahead so columns can be judged by their content, then read again
// with the rest: the file is still read once, in order.
import type { LeadFile, SourceRow } from '../../import/read-file';

/** Rows read ahead for guessing columns and number styles (the header dictionary's content checks). */
export const SAMPLE_ROWS = 200;

export interface PeekedFile {
  /** Up to `count` first data rows, in file order. */
  readonly sample: readonly SourceRow[];
  /** The same file: its batches start with the rows read ahead. Single use, as any LeadFile. */
  readonly file: LeadFile;
}

/** Reads whole batches until at least `count` rows (or the end); the returned file yields them again first. */
export async function peekLeadFile(file: LeadFile, count: number = SAMPLE_ROWS): Promise<PeekedFile> {
  const source = file.batches();
  const ahead: SourceRow[][] = [];
  let seen = 0;
  let isDone = false;
  while (seen < count) {
    const next = await source.next();
    if (next.done === true) {
      isDone = true;
      break;
    }
    ahead.push(next.value);
    seen += next.value.length;
  }
  async function* batches(): AsyncGenerator<SourceRow[]> {
    for (const batch of ahead.splice(0)) yield batch;
    if (isDone) return;
    for (let next = await source.next(); next.done !== true; next = await source.next()) yield next.value;
  }
  async function* rows(): AsyncGenerator<SourceRow> {
    for await (const batch of batches()) yield* batch;
  }
  const peeked: LeadFile = {
    path: file.path,
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers: file.headers,
    headerRow: file.headerRow,
    batches,
    rows,
    close: () => file.close(),
  };
  return { sample: ahead.flat().slice(0, count), file: peeked };
}
