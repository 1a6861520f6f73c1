// What a file is by its first bytes, not its name: an XLSX workbook (ZIP), a legacy XLS (OLE2), text, or neither.

export type SniffedFormat = 'xlsx' | 'xls' | 'text' | 'binary';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * The format of a file from its first bytes (512 are plenty). ZIP is taken for XLSX (the reader says so if the
 * archive holds no workbook); OLE2 is a legacy XLS. Text is anything else that has no NUL byte, or has the NULs
 * of UTF-16 (a BOM, or every other byte NUL); a file with stray NULs and no UTF-16 shape is binary. Empty is text.
 */
export function sniffFileFormat(head: Uint8Array): SniffedFormat {
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, OLE2)) return 'xls';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'text';
  let nuls = 0;
  let evenNuls = 0;
  for (let i = 0; i < head.length; i += 1) {
    if (head[i] !== 0) continue;
    nuls += 1;
    if (i % 2 === 0) evenNuls += 1;
  }
  if (nuls === 0) return 'text';
  const pairs = Math.floor(head.length / 2);
  const isUtf16Shape = nuls >= pairs * 0.3 && (evenNuls === nuls || evenNuls === 0);
  // A few NULs in otherwise plain text are control characters the CSV reader strips and reports per row.
  return isUtf16Shape || nuls <= head.length * 0.01 ? 'text' : 'binary';
}
