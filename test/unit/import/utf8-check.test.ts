// The CSV reader's shortcut for clean UTF-8: a chunk it calls clean is one the streaming decoder made no U+FFFD for,
// wherever the chunks split a character, and a clean file's chunks are all called clean.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTextDecoder, createUtf8Check } from '../../../core/import/encoding';

/** Splits bytes at the given cut points (sorted, deduplicated, inside the array). */
function chunksOf(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...at, bytes.length]) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  return chunks;
}

/** Each chunk's verdict beside the text the decoder gave for it. */
function follow(chunks: readonly Uint8Array[]): { clean: boolean; text: string }[] {
  const decoder = createTextDecoder('utf-8');
  const isClean = createUtf8Check();
  return chunks.map((chunk) => ({ clean: isClean(chunk), text: decoder.write(chunk) }));
}

const hasLiteralReplacement = (bytes: Uint8Array) =>
  Buffer.from(bytes).includes(Buffer.from([0xef, 0xbf, 0xbd]));

// Bytes likely to form (broken) UTF-8: ASCII, lead bytes of every length, continuation bytes, never-valid bytes.
const utf8ishByte = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.constantFrom(
    0xc2,
    0xc3,
    0xe0,
    0xe4,
    0xed,
    0xef,
    0xf0,
    0xf4,
    0x80,
    0x8e,
    0x9f,
    0xa0,
    0xbf,
    0xc0,
    0xf5,
    0xff,
  ),
);

describe('telling clean UTF-8 chunks', () => {
  it('calls every chunk of valid text clean, wherever a character is split', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.nat()), (text, cuts) => {
        const chunks = chunksOf(Buffer.from(`${text}姓名,王芳😀`), cuts);
        expect(follow(chunks).every((chunk) => chunk.clean)).toBe(true);
      }),
    );
  });

  it('never calls a chunk clean when the decoder made up a U+FFFD for it', () => {
    fc.assert(
      fc.property(fc.array(utf8ishByte, { maxLength: 40 }), fc.array(fc.nat()), (list, cuts) => {
        const bytes = Uint8Array.from(list);
        fc.pre(!hasLiteralReplacement(bytes));
        for (const chunk of follow(chunksOf(bytes, cuts)))
          if (chunk.clean) expect(chunk.text).not.toContain('\uFFFD');
      }),
      { numRuns: 2_000 },
    );
  });

  it('calls a chunk unclean for a broken byte, a bad start held back at its end, or a bad continuation', () => {
    const verdicts = (...chunks: number[][]) =>
      follow(chunks.map((c) => Uint8Array.from(c))).map((c) => c.clean);
    expect(verdicts([0x41, 0xff, 0x42])).toEqual([false]);
    expect(verdicts([0x41, 0xe0, 0x80], [0x41])).toEqual([false, true]);
    expect(verdicts([0x41, 0xe7], [0x8e, 0x8b, 0x41])).toEqual([true, true]);
    expect(verdicts([0x41, 0xe7], [0x41])).toEqual([true, false]);
    expect(verdicts([0xef, 0xbf, 0xbd])).toEqual([true]);
  });
});
