// The committed app icons (scripts/make-icons.mjs writes them) are real images of the sizes the packagers need.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from IHDR, after checking the signature and that IDAT inflates to whole RGBA scanlines. */
function readPng(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25]]).toEqual([8, 6]); // 8-bit RGBA
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (width * 4 + 1));
  return { width, height };
}

describe('the app icons in resources/', () => {
  it('has a 512 and a 256 pixel PNG', () => {
    expect(readPng(readFileSync('resources/icon.png'))).toEqual({ width: 512, height: 512 });
    expect(readPng(readFileSync('resources/icon-256.png'))).toEqual({ width: 256, height: 256 });
  });

  it('has an ICO whose directory points at PNGs of the sizes it declares, 256 included', () => {
    const ico = readFileSync('resources/icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const entry = 6 + i * 16;
      const declared = ico.readUInt8(entry) || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(readPng(ico.subarray(offset, offset + length))).toEqual({ width: declared, height: declared });
      sizes.push(declared);
    }
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
  });

  it('has an ICNS whose blocks add up to its length and hold 256 and 512 pixel PNGs', () => {
    const icns = readFileSync('resources/icon.icns');
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, number>();
    for (let at = 8; at < icns.length;) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      found.set(type, readPng(icns.subarray(at + 8, at + length)).width);
      at += length;
    }
    expect(found.get('ic08')).toBe(256);
    expect(found.get('ic09')).toBe(512);
  });
});
