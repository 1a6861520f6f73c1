// How an assignment's explanation is kept: its JSON text, or, once that is long, the text compressed with raw DEFLATE
// (RFC 1951, node:zlib) in a second column. A full explanation lists every rep and every rule the lead passed
// (~9 KB with 50 reps and 20 rules, ~3.5 KB compact); deflated it is ~1 KB and ~0.5 KB (measured 2026-12-05), so a
// team's history stops outgrowing its leads tenfold. Short ones (a claim's, a manual hand-over's) stay text: deflating
// costs ~15 µs whatever the size and would save a few bytes.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** JSON text at least this long (UTF-16 units) is stored deflated. */
export const DEFLATE_FROM_LENGTH = 512;

/** The two columns an explanation is stored in: exactly one holds it (`json` is '' when `deflated` does). */
export interface StoredExplanation {
  readonly json: string;
  readonly deflated: Uint8Array | null;
}

/**
 * Deflating is on a new lead's path, so it is made cheap: the text's UTF-8 is written into one reused buffer, not a
 * new one; the output comes in 2 KB chunks (from Node's shared pool), not 16 KB ones; and zlib works with an 8 KB
 * window, ~64 KB of state instead of ~256 KB, at level 3 (an explanation is ~9 KB of repeats: 793 bytes against 757
 * at the default level 6 and window). Measured 2026-12-05: ~25 µs against ~55 µs a full explanation; with fresh 9 KB
 * and 16 KB buffers per new lead V8's external memory brought a full (incremental) GC every ~300 new leads, which
 * took new_lead's p99 from ~6 to ~10 ms. Any raw inflate reads it (a smaller window needs no option to read).
 */
const UTF8 = Buffer.allocUnsafe(128 * 1024);
const DEFLATE_OPTIONS = { level: 3, windowBits: 13, memLevel: 6, chunkSize: 2048 } as const;

export function encodeExplanation(explanation: unknown): StoredExplanation {
  const json = JSON.stringify(explanation ?? {});
  if (json.length < DEFLATE_FROM_LENGTH) return { json, deflated: null };
  // A UTF-16 unit is at most 3 bytes of UTF-8: a text that might not fit is deflated from a buffer of its own.
  const input = json.length * 3 <= UTF8.length ? UTF8.subarray(0, UTF8.write(json)) : json;
  return { json: '', deflated: deflateRawSync(input, DEFLATE_OPTIONS) };
}

/** The explanation, from whichever column holds it. */
export function decodeExplanation(stored: StoredExplanation): unknown {
  const json = stored.deflated === null ? stored.json : inflateRawSync(stored.deflated).toString('utf8');
  return JSON.parse(json) as unknown;
}
