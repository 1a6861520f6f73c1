// Draws Fairlead's app icon (a white funnel over three lead dots on a teal rounded square) and writes
// resources/icon.png (512), icon-256.png, icon.ico and icon.icns. No image library: the shapes are signed
// distances sampled 4×4 per pixel, the PNG is written with node:zlib, and ICO/ICNS simply wrap PNGs.
// Run `node scripts/make-icons.mjs` after changing the drawing and commit what it writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const outDir = new URL('../resources/', import.meta.url).pathname;
const TEAL = [15, 118, 110];
const WHITE = [255, 255, 255];
const AMBER = [251, 191, 36];

// Shapes in a unit square (0..1, y down); each returns a signed distance (negative inside).
function roundedSquare(x, y) {
  const half = 0.44;
  const radius = 0.2;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** A convex polygon's distance, approximated by its worst edge (good enough for anti-aliasing an edge). */
function polygon(points) {
  return (x, y) => {
    let worst = -Infinity;
    for (let i = 0; i < points.length; i += 1) {
      const [ax, ay] = points[i];
      const [bx, by] = points[(i + 1) % points.length];
      const length = Math.hypot(bx - ax, by - ay);
      // Points go clockwise on screen (y down), so the cross product is negative on the inner side of each edge.
      worst = Math.max(worst, ((x - ax) * (by - ay) - (y - ay) * (bx - ax)) / length);
    }
    return worst;
  };
}

const funnelTop = polygon([
  [0.22, 0.25],
  [0.78, 0.25],
  [0.56, 0.52],
  [0.44, 0.52],
]);
const funnelStem = polygon([
  [0.44, 0.5],
  [0.56, 0.5],
  [0.56, 0.66],
  [0.44, 0.66],
]);
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const dots = [circle(0.36, 0.77, 0.045), circle(0.5, 0.77, 0.045), circle(0.64, 0.77, 0.045)];

/** The colour and coverage of one sample point, painter's order: square, funnel, dots (middle one amber). */
function sample(x, y) {
  if (roundedSquare(x, y) > 0) return null;
  if (funnelTop(x, y) <= 0 || funnelStem(x, y) <= 0) return WHITE;
  for (let i = 0; i < dots.length; i += 1) if (dots[i](x, y) <= 0) return i === 1 ? AMBER : WHITE;
  return TEAL;
}

/** RGBA pixels, 4×4 samples per pixel averaged (premultiplied, then un-premultiplied for PNG). */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const grid = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < grid; sy += 1) {
        for (let sx = 0; sx < grid; sx += 1) {
          const colour = sample((px + (sx + 0.5) / grid) / size, (py + (sy + 0.5) / grid) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      pixels[at] = Math.round(r / covered);
      pixels[at + 1] = Math.round(g / covered);
      pixels[at + 2] = Math.round(b / covered);
      pixels[at + 3] = Math.round((covered / (grid * grid)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** A truecolour-with-alpha, 8-bit, non-interlaced PNG; every scanline uses filter 0 (none). */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1)
    pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO with PNG-compressed entries (Windows Vista and later); a width or height of 256 is written as 0. */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

/** ICNS holding PNGs under their OSType (ic07 128, ic08 256, ic09 512); lengths are big-endian and inclusive. */
function encodeIcns(images) {
  const types = { 128: 'ic07', 256: 'ic08', 512: 'ic09' };
  const blocks = images.map(({ size, png }) => {
    const head = Buffer.alloc(8);
    head.write(types[size], 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + blocks.reduce((sum, block) => sum + block.length, 0), 4);
  return Buffer.concat([head, ...blocks]);
}

const png = Object.fromEntries(
  [16, 32, 48, 128, 256, 512].map((size) => [size, encodePng(size, render(size))]),
);
const pick = (...sizes) => sizes.map((size) => ({ size, png: png[size] }));

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'icon.png'), png[512]);
writeFileSync(join(outDir, 'icon-256.png'), png[256]);
writeFileSync(join(outDir, 'icon.ico'), encodeIco(pick(16, 32, 48, 256)));
writeFileSync(join(outDir, 'icon.icns'), encodeIcns(pick(128, 256, 512)));
console.log(`Icons written to ${outDir}`);
