// Files are read by what their bytes are, not their names; a U+FFFD the file holds is text, not a decoding error.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeRowErrors } from '../../../core/import/export-csv';
import { sniffFileFormat } from '../../../core/import/file-format';
import { openLeadFile } from '../../../core/import/read-file';
import { importAll, useTempDir } from './helpers';

const file = useTempDir();

describe('sniffing the format by bytes', () => {
  it.each([
    ['a ZIP (XLSX)', [0x50, 0x4b, 0x03, 0x04, 1, 2], 'xlsx'],
    ['OLE2 (legacy XLS)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'xls'],
    ['UTF-16LE with a BOM', [0xff, 0xfe, 0x41, 0, 0x42, 0], 'text'],
    ['UTF-16LE without a BOM', [0x41, 0, 0x42, 0, 0x2c, 0, 0x43, 0], 'text'],
    ['plain ASCII', [0x61, 0x2c, 0x62, 0x0a], 'text'],
    ['binary junk', [0x00, 0x00, 0x13, 0x00, 0x00, 0x7f, 0x00, 0x01, 0x00, 0x00], 'binary'],
  ] as const)('reads %s as %s', (_name, bytes, format) => {
    expect(sniffFileFormat(Uint8Array.from(bytes))).toBe(format);
  });
});

describe('opening files whatever their extension', () => {
  it('reads an XLSX workbook named .csv as a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Leads');
    sheet.addRow(['姓名', '手机']);
    sheet.addRow(['张伟', '13800138000']);
    const path = file('actually-xlsx.csv');
    await workbook.xlsx.writeFile(path);
    const imported = await importAll(path);
    expect(imported.headers).toEqual(['姓名', '手机']);
    expect(imported.valid.map((r) => r.draft.name)).toEqual(['张伟']);
  });

  it('reads a UTF-16 file with a BOM named .txt', async () => {
    const path = file('utf16.txt');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名,手机\r\n李娜,13900139000\r\n', 'utf16le')]),
    );
    const opened = await openLeadFile(path);
    expect(opened.encoding).toBe('utf-16le');
    await opened.close();
    expect((await importAll(path)).valid.map((r) => r.draft.name)).toEqual(['李娜']);
  });
});

describe('U+FFFD in a cleanly decoded file', () => {
  it('keeps the character as text instead of rejecting the row', async () => {
    const path = file('fffd.csv');
    writeFileSync(path, '姓名,手机,备注\n王芳,13800138000,坏字符\uFFFD在这里\n', 'utf8');
    const imported = await importAll(path);
    expect(imported.rejected).toEqual([]);
    expect(imported.valid[0]?.draft.needs).toBe('坏字符\uFFFD在这里');
  });

  it('still rejects a row whose bytes were not valid in the encoding', async () => {
    const path = file('broken-bytes.csv');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(`姓名,手机\n${'王芳,13800138000\n'.repeat(20)}`),
        Buffer.from([0xe7, 0x8e, 0x8b, 0xff, 0x2c]),
        Buffer.from('13900139000\n'),
      ]),
    );
    const imported = await importAll(path);
    expect(imported.rejected.map((r) => [r.row, r.errors[0]?.reason])).toEqual([[22, 'invalid_encoding']]);
  });
});

describe('ignored columns', () => {
  it('are never validated: a broken cell there does not reject its row', async () => {
    const path = file('ignored-broken.csv');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(`姓名,手机,id\n${'王芳,13800138000,1\n'.repeat(20)}李娜,13900139000,`),
        Buffer.from([0xff]),
        Buffer.from('\n'),
      ]),
    );
    const imported = await importAll(path);
    expect(imported.rejected).toEqual([]);
    expect(imported.valid).toHaveLength(21);
  });
});

describe('rows with more or fewer cells than columns', () => {
  it('show the cells past the last column, not a sentence in one language', async () => {
    const path = file('cells.csv');
    writeFileSync(path, '姓名,手机,预算\n王强,13700001111,1,200\n李娜,13900139000\n');
    const imported = await importAll(path);
    const issues = imported.rejected.flatMap((row) => row.errors);
    expect(issues).toEqual([
      expect.objectContaining({
        row: 2,
        reason: 'too_many_fields',
        value: '200',
        message: 'The row has 4 cells for 3 columns',
      }),
      expect.objectContaining({
        row: 3,
        reason: 'too_few_fields',
        message: 'The row has 2 cells for 3 columns',
      }),
    ]);
    expect(issues[1]?.value).toBeUndefined();
    // The error file keeps only the cells under the columns: the extra ones are quoted in its words.
    expect(describeRowErrors(issues, 'zh-CN')).toBe(
      '第 2 行：列数多于表头（多出：200）；第 3 行：列数少于表头',
    );
    expect(describeRowErrors(issues, 'en')).toBe(
      'row 2: The row has 4 cells for 3 columns (past the last column: 200); row 3: The row has 2 cells for 3 columns',
    );
  });
});
