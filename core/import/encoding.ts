// Which text encoding a lead file uses (BOMs, UTF-8 validity, then chardet for GB18030 and friends) and a streaming decoder.
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { TextEncoding } from './types';

/** Chunk-wise decoder: `write` never splits a multi-byte character across chunks; BOMs are dropped. */
export interface TextChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/**
 * Detects the encoding of a sample of a file (its first bytes). BOMs win; then a sample whose multi-byte sequences are
 * overwhelmingly valid UTF-8 is UTF-8 (so a UTF-8 file with a few broken bytes stays UTF-8 and those rows get reported);
 * UTF-16 without a BOM is caught first by its NUL pattern; then chardet decides between GB18030 (the default for Chinese Excel),
 * Big5 and windows-1252.
 */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  const bom = detectBom(sample);
  if (bom) return bom;
  const nulPattern = detectUtf16ByNuls(sample);
  if (nulPattern) return nulPattern;
  const { valid, invalid } = countUtf8Sequences(sample);
  if (invalid === 0 || valid >= invalid * 8) return 'utf-8';
  const guesses = chardet.analyse(sample);
  for (const guess of guesses) {
    if (guess.confidence < 10) break;
    if (guess.name === 'GB18030') return 'gb18030';
    // Big5 bytes also decode as (wrong) GB18030, so Big5 must clearly beat GB18030 to win.
    if (guess.name === 'Big5') {
      const gb = guesses.find((other) => other.name === 'GB18030')?.confidence ?? 0;
      return guess.confidence >= gb + 30 ? 'big5' : 'gb18030';
    }
    if (guess.name === 'ISO-8859-1' || guess.name === 'windows-1252')
      return guess.confidence >= 50 ? 'windows-1252' : 'gb18030';
  }
  // Outside UTF-8, a Chinese office's files are overwhelmingly GBK/GB18030 (Excel's "CSV" on Chinese Windows).
  return 'gb18030';
}

/**
 * Reads just enough of a file to detect its encoding: the first 64 KiB, and when that is plain ASCII, further
 * chunks until non-ASCII bytes show up (at most 8 MiB), so a GBK file whose first rows are ASCII is still caught.
 */
export async function detectFileEncoding(path: string): Promise<TextEncoding> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    let offset = 0;
    const first = await handle.read(chunk, 0, chunk.length, 0);
    if (first.bytesRead === 0) return 'utf-8';
    const head = Buffer.from(chunk.subarray(0, first.bytesRead));
    const bom = detectBom(head);
    if (bom) return bom;
    let window = head;
    offset = first.bytesRead;
    while (isAscii(window) && offset < 8 * 1024 * 1024) {
      const next = await handle.read(chunk, 0, chunk.length, offset);
      if (next.bytesRead === 0) break;
      offset += next.bytesRead;
      window = Buffer.from(chunk.subarray(0, next.bytesRead));
    }
    return detectEncoding(trimPartialTail(window));
  } finally {
    await handle.close();
  }
}

/** A streaming decoder for the encoding; invalid bytes become U+FFFD, which the reader reports per row and column. */
export function createTextDecoder(encoding: TextEncoding): TextChunkDecoder {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const decoder = new TextDecoder('utf-8');
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = iconv.getDecoder(encoding === 'windows-1252' ? 'windows1252' : encoding, {
    stripBOM: true,
  });
  return {
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

/**
 * Follows a UTF-8 file's chunks as `createTextDecoder` decodes them and tells whether the decoder can have made up a
 * U+FFFD for a chunk: not when the bytes it decodes then (what it held back from the chunk before, then this chunk up
 * to an incomplete character at its end) are valid UTF-8 and what it holds back is the start of a valid character.
 * Checked natively, so a clean file's reader counts no U+FFFD in text or bytes.
 */
export function createUtf8Check(): (bytes: Uint8Array) => boolean {
  let held: Uint8Array = new Uint8Array(0);
  return (bytes) => {
    const whole = held.length === 0 ? bytes : Buffer.concat([held, bytes]);
    const end = whole.length - heldBackLength(whole);
    const tail = whole.slice(end);
    // A start no byte can finish is no longer held: the decoder wrote U+FFFD for it already.
    const isTailValid = tail.length === 0 || isUtf8Start(tail);
    held = isTailValid ? tail : new Uint8Array(0);
    return isUtf8(whole.subarray(0, end)) && isTailValid;
  };
}

/** Bytes at the end that start a character the chunk does not finish (a streaming decoder waits for the rest). */
function heldBackLength(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back += 1) {
    const b = bytes[bytes.length - back] ?? 0;
    if (b >= 0x80 && b < 0xc0) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** Whether some continuation bytes make `start` a valid character (a second byte's range holds 0x80 or 0xBF). */
function isUtf8Start(start: Uint8Array): boolean {
  const first = start[0] ?? 0;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : 2;
  return [0x80, 0xbf].some((fill) => {
    const whole = new Uint8Array(length).fill(fill);
    whole.set(start);
    return isUtf8(whole);
  });
}

function detectBom(bytes: Uint8Array): TextEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function countUtf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need = 0;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    if (need === 0) {
      invalid += 1;
      i += 1;
      continue;
    }
    if (i + need >= n) break; // a sequence cut by the end of the sample is not evidence either way
    let ok = true;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k] ?? 0;
      if (c < 0x80 || c > 0xbf) ok = false;
    }
    if (ok) {
      valid += 1;
      i += need + 1;
    } else {
      invalid += 1;
      i += 1;
    }
  }
  return { valid, invalid };
}

function detectUtf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

// Drops a trailing partial UTF-8 sequence so the cut at the end of a sample is not counted as invalid.
function trimPartialTail(bytes: Buffer): Buffer {
  const end = bytes.length;
  for (let k = 1; k <= 3 && end - k >= 0; k += 1) {
    const b = bytes[end - k] ?? 0;
    if (b >= 0xc0) return bytes.subarray(0, end - k);
    if (b < 0x80) break;
  }
  return bytes.subarray(0, end);
}
