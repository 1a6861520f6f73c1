// A streaming RFC 4180 tokenizer that never swallows rows: unclosed quotes are reported at their line and parsing
// resumes on the next line; oversized rows and cells are reported, not buffered without bound.
import { DELIMITERS, type Delimiter } from './types';

export type CsvIssueCode =
  | 'unclosed_quote'
  | 'malformed_quote'
  | 'stray_quote'
  | 'field_too_large'
  | 'row_too_large'
  | 'control_chars_stripped'
  | 'invalid_encoding';

export interface CsvIssue {
  readonly code: CsvIssueCode;
  readonly severity: 'error' | 'warning';
  /** 0-based column of the field, when the issue is about one field. */
  readonly columnIndex?: number;
}

export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  readonly line: number;
  /** Physical lines the record spans (more than 1 when a quoted field holds line breaks). */
  readonly lineCount: number;
  readonly fields: string[];
  readonly issues: CsvIssue[];
}

export interface CsvParserOptions {
  readonly delimiter: string;
  /** Longer fields are an error for their row (and are truncated in the record). */
  readonly maxFieldChars: number;
  /** A record that grows past this without ending is an error; parsing resumes at the next line. */
  readonly maxRecordChars: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const DEL = 0x7f;
const REPLACEMENT = 0xfffd;
const TRUNCATED_KEEP = 256;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_IN_QUOTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

type Outcome =
  | { readonly kind: 'more' }
  | { readonly kind: 'unclosed' }
  | {
      readonly kind: 'record';
      readonly fields: string[];
      readonly issues: CsvIssue[];
      readonly next: number;
      readonly breaks: number;
      readonly malformedMultiline: boolean;
    };

/** Push decoded text in any chunking; complete records come out in order. */
export class CsvRecordParser {
  /** Set once the header is known: a multi-line record with another field count is treated as an unclosed quote. */
  expectedFields: number | null = null;
  /**
   * Whether a U+FFFD in a cell means the decoder met invalid bytes (an `invalid_encoding` error). The reader clears
   * it for text that decoded cleanly, where U+FFFD is a character the file holds.
   */
  isReplacementInvalid = true;
  private buf = '';
  private pos = 0;
  private line = 1;
  private skipping = false;
  private readonly delim: number;

  constructor(private readonly options: CsvParserOptions) {
    if (options.delimiter.length !== 1 || options.delimiter === '"')
      throw new Error(`Unusable delimiter ${JSON.stringify(options.delimiter)}`);
    this.delim = options.delimiter.charCodeAt(0);
  }

  push(text: string, out: CsvRecord[]): void {
    this.buf = this.pos > 0 ? this.buf.slice(this.pos) + text : this.buf + text;
    this.pos = 0;
    this.drain(false, out);
  }

  end(out: CsvRecord[]): void {
    this.drain(true, out);
    this.buf = '';
    this.pos = 0;
  }

  private drain(eof: boolean, out: CsvRecord[]): void {
    for (;;) {
      if (this.skipping) {
        const lineBreak = findLineBreak(this.buf, this.pos);
        if (lineBreak === -1) {
          this.buf = '';
          this.pos = 0;
          return;
        }
        if (this.buf.charCodeAt(lineBreak) === CR && lineBreak + 1 >= this.buf.length && !eof) {
          this.pos = lineBreak;
          return;
        }
        this.pos = afterLineBreak(this.buf, lineBreak);
        this.skipping = false;
        this.line += 1;
        continue;
      }
      if (this.pos >= this.buf.length) return;
      const outcome = this.parseRecord(eof);
      if (outcome.kind === 'more') {
        if (this.buf.length - this.pos > this.options.maxRecordChars) this.recoverFromOversize(out);
        else return;
      } else if (outcome.kind === 'unclosed') {
        out.push(this.errorRecord('unclosed_quote'));
        this.resumeOnNextLine();
      } else if (
        outcome.breaks > 0 &&
        (outcome.malformedMultiline ||
          (this.expectedFields !== null && outcome.fields.length !== this.expectedFields))
      ) {
        // A quote opened on this line and "closed" lines later in the wrong place: the rows in between are rows.
        out.push(this.errorRecord('unclosed_quote'));
        this.resumeOnNextLine();
      } else {
        out.push({
          line: this.line,
          lineCount: outcome.breaks + 1,
          fields: outcome.fields,
          issues: outcome.issues,
        });
        this.pos = outcome.next;
        this.line += outcome.breaks + 1;
      }
    }
  }

  private recoverFromOversize(out: CsvRecord[]): void {
    const lineBreak = findLineBreak(this.buf, this.pos);
    if (lineBreak !== -1) {
      // An unfinished record can only span a line break inside quotes: a quote that never closes.
      out.push(this.errorRecord('unclosed_quote'));
      this.resumeOnNextLine();
    } else {
      // One physical line too long to hold: drop it as it streams past.
      out.push(this.errorRecord('row_too_large'));
      this.skipping = true;
      this.buf = '';
      this.pos = 0;
    }
  }

  private resumeOnNextLine(): void {
    const lineBreak = findLineBreak(this.buf, this.pos);
    if (lineBreak === -1) {
      this.pos = this.buf.length;
      return;
    }
    this.pos = afterLineBreak(this.buf, lineBreak);
    this.line += 1;
  }

  private errorRecord(code: CsvIssueCode): CsvRecord {
    return { line: this.line, lineCount: 1, fields: [], issues: [{ code, severity: 'error' }] };
  }

  private parseRecord(eof: boolean): Outcome {
    const buf = this.buf;
    const n = buf.length;
    const delim = this.delim;
    const fields: string[] = [];
    const issues: CsvIssue[] = [];
    let breaks = 0;
    let malformedMultiline = false;
    let i = this.pos;
    for (;;) {
      const column = fields.length;
      let value: string;
      let k: number;
      if (i < n && buf.charCodeAt(i) === QUOTE) {
        value = '';
        let segmentStart = i + 1;
        let j = segmentStart;
        for (;;) {
          const q = buf.indexOf('"', j);
          if (q === -1) return eof ? { kind: 'unclosed' } : { kind: 'more' };
          if (q + 1 >= n && !eof) return { kind: 'more' };
          if (buf.charCodeAt(q + 1) === QUOTE) {
            value += buf.slice(segmentStart, q + 1);
            j = q + 2;
            segmentStart = j;
            continue;
          }
          value += buf.slice(segmentStart, q);
          k = q + 1;
          break;
        }
        const fieldBreaks = countLineBreaks(value);
        breaks += fieldBreaks;
        const c = k < n ? buf.charCodeAt(k) : -1;
        if (c !== delim && c !== LF && c !== CR && c !== -1) {
          issues.push({ code: 'malformed_quote', severity: 'error', columnIndex: column });
          if (fieldBreaks > 0) malformedMultiline = true;
          let m = k;
          while (m < n) {
            const d = buf.charCodeAt(m);
            if (d === delim || d === LF || d === CR) break;
            m += 1;
          }
          if (m >= n && !eof) return { kind: 'more' };
          value += buf.slice(k, m);
          k = m;
        }
        if (this.isReplacementInvalid && value.indexOf('\uFFFD') !== -1)
          issues.push({ code: 'invalid_encoding', severity: 'error', columnIndex: column });
        CONTROL_IN_QUOTED.lastIndex = 0;
        if (CONTROL_IN_QUOTED.test(value)) {
          value = value.replace(CONTROL_IN_QUOTED, '');
          issues.push({ code: 'control_chars_stripped', severity: 'warning', columnIndex: column });
        }
      } else {
        k = i;
        let hasControl = false;
        let hasQuote = false;
        let hasReplacement = false;
        while (k < n) {
          const c = buf.charCodeAt(k);
          if (c === delim || c === LF || c === CR) break;
          if ((c < 0x20 && c !== TAB) || c === DEL) hasControl = true;
          else if (c === QUOTE) hasQuote = true;
          else if (c === REPLACEMENT) hasReplacement = true;
          k += 1;
        }
        if (k >= n && !eof) return { kind: 'more' };
        value = buf.slice(i, k);
        if (hasControl) {
          CONTROL_IN_QUOTED.lastIndex = 0;
          value = value.replace(CONTROL_IN_QUOTED, '');
          issues.push({ code: 'control_chars_stripped', severity: 'warning', columnIndex: column });
        }
        if (hasQuote) issues.push({ code: 'stray_quote', severity: 'warning', columnIndex: column });
        if (hasReplacement && this.isReplacementInvalid)
          issues.push({ code: 'invalid_encoding', severity: 'error', columnIndex: column });
      }
      if (value.length > this.options.maxFieldChars) {
        issues.push({ code: 'field_too_large', severity: 'error', columnIndex: column });
        value = `${value.slice(0, TRUNCATED_KEEP)}…`;
      }
      fields.push(value);
      const c = k < n ? buf.charCodeAt(k) : -1;
      if (c === delim) {
        i = k + 1;
        continue;
      }
      if (c === -1) return { kind: 'record', fields, issues, next: n, breaks, malformedMultiline };
      if (c === CR && k + 1 >= n && !eof) return { kind: 'more' };
      return { kind: 'record', fields, issues, next: afterLineBreak(buf, k), breaks, malformedMultiline };
    }
  }
}

/** Parses a whole small text (a sample, a test string) into records. */
export function parseCsvText(text: string, options: CsvParserOptions): CsvRecord[] {
  const parser = new CsvRecordParser(options);
  const out: CsvRecord[] = [];
  parser.push(text, out);
  parser.end(out);
  return out;
}

/**
 * Picks the delimiter among `,` `;` and tab from the first lines of a file: the one that splits the sample into a
 * consistent number of fields (more than one), quotes respected. Ties go to the one with more fields; no winner: `,`.
 */
export function detectDelimiter(sampleText: string): Delimiter {
  // Only whole lines: the sample may end mid-record.
  const lastBreak = Math.max(sampleText.lastIndexOf('\n'), sampleText.lastIndexOf('\r'));
  const text = lastBreak > 0 ? sampleText.slice(0, lastBreak) : sampleText;
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const records = parseCsvText(text, {
      delimiter,
      maxFieldChars: Number.MAX_SAFE_INTEGER,
      maxRecordChars: Number.MAX_SAFE_INTEGER,
    })
      .filter((record) => !(record.fields.length === 1 && record.fields[0] === ''))
      .slice(0, 50);
    const header = records[0];
    if (!header || header.fields.length < 2) continue;
    const width = header.fields.length;
    const consistent = records.filter(
      (record) =>
        record.fields.length === width && !record.issues.some((issue) => issue.severity === 'error'),
    ).length;
    const share = consistent / records.length;
    if (share < 0.5) continue;
    const score = share * 1000 + width;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function findLineBreak(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  if (lf === -1) return cr;
  if (cr === -1) return lf;
  return Math.min(lf, cr);
}

function afterLineBreak(text: string, at: number): number {
  return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

function countLineBreaks(text: string): number {
  if (text.indexOf('\n') === -1 && text.indexOf('\r') === -1) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === LF) count += 1;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count += 1;
  }
  return count;
}
