// XLSX reading (dates, numbers, rich text, formulas) and the export round trip with formula neutralization.
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, writeLeadsCsv, writeLeadsXlsx } from '../../../core/import/export-csv';
import { openLeadFile } from '../../../core/import/read-file';
import type { ExportColumn } from '../../../core/import/export-csv';
import { importAll, useTempDir } from './helpers';

const file = useTempDir();

describe('reading .xlsx', () => {
  async function writeWorkbook(path: string): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('线索');
    sheet.addRow(['姓名', '手机', '邮箱', '公司', '获客成本', '员工数', '首次接触', '备注']);
    sheet.addRow([
      '张伟',
      13800138000,
      'ZW@Example.com',
      '北京字节跳动科技有限公司',
      1200.5,
      500,
      new Date(Date.UTC(2026, 2, 15)),
      '需要报价',
    ]);
    sheet.addRow([
      { richText: [{ text: '李' }, { text: '娜', font: { bold: true } }] },
      '139-0013-9000',
      { text: 'li@qq.com', hyperlink: 'mailto:li@qq.com' },
      '阿里巴巴',
      { formula: '100*12', result: 1200 },
      '50-100人',
      new Date(Date.UTC(2026, 2, 15, 9, 30)),
      "=cmd|' /C calc'!A0",
    ]);
    sheet.addRow([]);
    sheet.addRow(['王芳', 'not a phone', 'w@163.com', '华为', 0.1 + 0.2, null, null, null]);
    sheet.getColumn(7).numFmt = 'yyyy-mm-dd';
    workbook.addWorksheet('其他').addRow(['ignored']);
    await workbook.xlsx.writeFile(path);
  }

  it('reads the first sheet with numbers, dates, rich text, hyperlinks and formula results as text', async () => {
    const path = file('leads.xlsx');
    await writeWorkbook(path);
    const leadFile = await openLeadFile(path);
    expect(leadFile.format).toBe('xlsx');
    expect(leadFile.headers).toEqual([
      '姓名',
      '手机',
      '邮箱',
      '公司',
      '获客成本',
      '员工数',
      '首次接触',
      '备注',
    ]);
    const rows = [];
    for await (const row of leadFile.rows()) rows.push(row);
    expect(rows.map((row) => [row.row, ...row.cells])).toEqual([
      [
        2,
        '张伟',
        '13800138000',
        'ZW@Example.com',
        '北京字节跳动科技有限公司',
        '1200.5',
        '500',
        '2026-03-15',
        '需要报价',
      ],
      [
        3,
        '李娜',
        '139-0013-9000',
        'li@qq.com',
        '阿里巴巴',
        '1200',
        '50-100人',
        '2026-03-15 09:30:00',
        "=cmd|' /C calc'!A0",
      ],
      [5, '王芳', 'not a phone', 'w@163.com', '华为', '0.3', '', '', ''],
    ]);
  });

  it('validates xlsx rows like csv rows, with sheet row numbers in their issues', async () => {
    const path = file('leads-validate.xlsx');
    await writeWorkbook(path);
    const { valid, rejected } = await importAll(path);
    expect(valid.map((row) => row.draft)).toMatchObject([
      {
        name: '张伟',
        phone: '+8613800138000',
        email: 'ZW@Example.com',
        costFen: 120_050,
        companySize: 500,
        customFields: { 首次接触: '2026-03-15' },
      },
      {
        name: '李娜',
        phone: '+8613900139000',
        costFen: 120_000,
        companySize: 50,
        needs: "=cmd|' /C calc'!A0",
      },
      // A phone cell with no number, beside a good email: left out, with a warning naming its sheet row.
      { name: '王芳', phone: null, email: 'w@163.com' },
    ]);
    expect(rejected).toEqual([]);
    expect(valid[2]?.warnings).toMatchObject([
      { severity: 'warning', row: 5, reason: 'phone_dropped', column: '手机', columnIndex: 2 },
    ]);
  });

  it('rejects an xlsx with an empty first sheet', async () => {
    const path = file('empty.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('空');
    await workbook.xlsx.writeFile(path);
    await expect(openLeadFile(path)).rejects.toMatchObject({ code: 'empty_file' });
  });
});

interface Row {
  name: string;
  phone: string;
  note: string;
}
const COLUMNS: ExportColumn<Row>[] = [
  { header: '姓名', value: (row) => row.name },
  { header: '手机', value: (row) => row.phone },
  { header: '备注', value: (row) => row.note },
];
const ROWS: Row[] = [
  { name: '张伟', phone: '+8613800138000', note: '需要报价, 尽快' },
  { name: '李"娜"', phone: '13900139000', note: '第一行\r\n第二行\n第三行' },
  { name: 'Zhang, Wei', phone: '', note: "=cmd|' /C calc'!A0" },
  { name: '@SUM(1)', phone: '-1', note: '+1+1' },
  { name: '王芳', phone: '13700137000', note: '\tTabbed' },
];

async function exportCsv(path: string, rows: Row[]): Promise<void> {
  const stream = createWriteStream(path);
  await writeLeadsCsv(rows, COLUMNS, stream);
  stream.end();
  await once(stream, 'finish');
}

describe('export', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+8613800138000', "'+8613800138000"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['张伟', '张伟'],
    ['a=b', 'a=b'],
  ])('neutralizes %j as %j', (cell, expected) => {
    expect(neutralizeFormula(cell)).toBe(expected);
  });

  it('writes UTF-8 with a BOM, RFC 4180 quoting and no cell starting with a formula character', async () => {
    const path = file('export.csv');
    await exportCsv(path, ROWS);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith('姓名,手机,备注\r\n')).toBe(true);
    expect(text).toContain('"李""娜"""');
    expect(text).toContain(",'=cmd|' /C calc'!A0\r\n");
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it('round-trips Chinese text, commas, quotes and line breaks through export and re-import', async () => {
    const path = file('roundtrip.csv');
    await exportCsv(path, ROWS);
    const leadFile = await openLeadFile(path);
    expect(leadFile.encoding).toBe('utf-8-bom');
    const cells = [];
    for await (const row of leadFile.rows()) {
      expect(row.issues).toEqual([]);
      cells.push(row.cells);
    }
    expect(cells).toEqual(ROWS.map((row) => [row.name, row.phone, row.note]));
  });

  it('writes an xlsx that reads back to the same cells, formulas as plain text', async () => {
    const path = file('export.xlsx');
    expect(await writeLeadsXlsx(ROWS, COLUMNS, path)).toBe(ROWS.length);
    const leadFile = await openLeadFile(path);
    const cells = [];
    for await (const row of leadFile.rows()) cells.push(row.cells);
    // XML stores a CR LF inside a cell as LF.
    expect(cells).toEqual(ROWS.map((row) => [row.name, row.phone, row.note.replaceAll('\r\n', '\n')]));
  });
});
