// Column guessing, money and head-count parsing, row validation, the parse report, and chunking-independent CSV parsing.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildParseReport } from '../../../core/import/import-rows';
import { CsvRecordParser, parseCsvText } from '../../../core/import/csv-parser';
import { guessColumnMapping } from '../../../core/import/column-mapping';
import { normalizePhoneNumber } from '../../../core/import/phone';
import { parseCompanySize, parseMoneyFen, validateRow } from '../../../core/import/validate-row';
import { quoteCsvField } from '../../../core/import/export-csv';
import type { CsvRecord } from '../../../core/import/csv-parser';
import { useTempDir } from './helpers';

const file = useTempDir();

describe('guessing the column mapping', () => {
  it('maps Chinese headers', () => {
    expect(
      guessColumnMapping([
        '客户姓名',
        '联系电话',
        '电子邮件',
        '微信号',
        '公司名称',
        '职务',
        '所属行业',
        '省份',
        '公司规模',
        '意向产品',
        '渠道',
        '活动名称',
        '费用',
        '需求说明',
        '预算',
      ]),
    ).toEqual([
      'name',
      'phone',
      'email',
      'wechat',
      'company',
      'title',
      'industry',
      'region',
      'companySize',
      'product',
      'source',
      'campaign',
      'cost',
      'needs',
      'budget',
    ]);
  });

  it('maps English headers regardless of case, width, spaces and punctuation', () => {
    expect(
      guessColumnMapping([
        'Full Name',
        'Mobile Phone',
        'E-mail',
        'WeChat ID',
        'Company',
        'Job Title',
        'Industry',
        'City',
        'Company Size',
        'Product',
        'Lead Source',
        'Campaign',
        'Cost',
        'Remarks',
        'Ｂｕｄｇｅｔ',
      ]),
    ).toEqual([
      'name',
      'phone',
      'email',
      'wechat',
      'company',
      'title',
      'industry',
      'region',
      'companySize',
      'product',
      'source',
      'campaign',
      'cost',
      'needs',
      'budget',
    ]);
  });

  it('keeps unmapped and second-choice columns as custom fields', () => {
    expect(guessColumnMapping(['姓名', '手机', '座机电话', '生日', '联系人'])).toEqual([
      'name',
      'phone',
      'custom.座机电话',
      'custom.生日',
      'custom.联系人',
    ]);
  });
});

describe('money and head counts', () => {
  it.each([
    ['¥1,200.50', 120_050],
    ['￥1,200.50', 120_050],
    ['1200', 120_000],
    ['1.2万', 1_200_000],
    ['1.2万元', 1_200_000],
    ['0.1万', 100_000],
    ['3k', 300_000],
    ['RMB 99.999', 10_000],
    ['300元', 30_000],
    ['', 0],
  ])('reads %j as %d fen', (raw, fen) => {
    expect(parseMoneyFen(raw)).toBe(fen);
  });

  it.each(['-5', 'free', '1,2,3x', '12.5.1'])('rejects %j as money', (raw) => {
    expect(parseMoneyFen(raw)).toBeNull();
  });

  it.each([
    ['200', 200],
    ['200人', 200],
    ['50-100人', 50],
    ['50~100', 50],
    ['500+', 500],
    ['500人以上', 500],
    ['少于50人', 49],
    ['<50', 49],
    ['1万人', 10_000],
    ['2k employees', 2_000],
    ['约300名员工', 300],
  ])('reads the company size %j as %d', (raw, size) => {
    expect(parseCompanySize(raw)).toBe(size);
  });

  it('rejects a company size with no number', () => {
    expect(parseCompanySize('很多')).toBeNull();
  });
});

describe('validating a row', () => {
  const headers = ['姓名', '手机', '邮箱', '公司', '成本', '规模', '备注', '生日'];
  const mapping = guessColumnMapping(headers);

  it('builds a normalized draft with custom fields', () => {
    const result = validateRow(
      [
        '  张  伟 ',
        '+86 138-0013-8000',
        ' ZW@Example.COM ',
        'ＡＣＭＥ Co., Ltd.',
        '¥1,200.50',
        '50-100人',
        "=cmd|' /C calc'!A0",
        '1990-01-01',
      ],
      mapping,
      7,
      { headers },
    );
    expect(result).toEqual({
      ok: true,
      row: 7,
      warnings: [],
      draft: {
        name: '张 伟',
        phone: '+8613800138000',
        email: 'ZW@Example.COM',
        wechat: null,
        company: 'ＡＣＭＥ Co., Ltd.',
        title: null,
        industry: null,
        region: null,
        companySize: 50,
        product: null,
        source: null,
        campaign: null,
        costFen: 120_050,
        needs: "=cmd|' /C calc'!A0",
        bant: {},
        customFields: { 生日: '1990-01-01' },
      },
    });
  });

  it('names the row, column and field of every bad value', () => {
    const result = validateRow(['张伟', 'ABCDEFG', 'zw@', '公司', 'free', 'many', '', ''], mapping, 9, {
      headers,
      line: 12,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.errors.map((error) => [
        error.row,
        error.line,
        error.column,
        error.columnIndex,
        error.field,
        error.reason,
      ]),
    ).toEqual([
      [9, 12, '手机', 2, 'phone', 'invalid_phone'],
      [9, 12, '邮箱', 3, 'email', 'invalid_email'],
      [9, 12, '成本', 5, 'cost', 'invalid_cost'],
      [9, 12, '规模', 6, 'companySize', 'invalid_company_size'],
    ]);
  });

  it('rejects a row with no name, no phone and no email', () => {
    const result = validateRow(['', '', '', '公司', '', '', '备注', ''], mapping, 3, { headers });
    expect(result).toMatchObject({ ok: false, errors: [{ row: 3, reason: 'no_contact' }] });
  });

  it('accepts a row with only a phone and a company (a lead needs a name or a company)', () => {
    const result = validateRow(['', '13800138000', '', '华信', '', '', '', ''], mapping, 3, { headers });
    expect(result).toMatchObject({ ok: true, draft: { name: '', phone: '+8613800138000', company: '华信' } });
  });

  it('checks foreign numbers against their country with libphonenumber-js', () => {
    expect(normalizePhoneNumber('+1 (415) 555-2671')).toMatchObject({
      normalized: '+14155552671',
      isValid: true,
      kind: 'foreign',
    });
    expect(normalizePhoneNumber('+1 (000) 000-0000')).toMatchObject({
      isValid: false,
      reason: 'invalid_for_country',
    });
    expect(normalizePhoneNumber('+44 20 7946 0958 ext. 12')).toMatchObject({
      normalized: '+442079460958',
      extension: '12',
      isValid: true,
    });
  });
});

describe('the parse report for the wizard', () => {
  it('gives encoding, delimiter, headers, mapping and the first 20 rows', async () => {
    const path = file('report.csv');
    const lines = [
      '姓名;手机;邮箱;行业',
      ...Array.from({ length: 50 }, (_, i) => `客户${i};1380013${String(8000 + i)};c${i}@example.com;制造业`),
    ];
    lines[5] = '坏;abc;x;制造业';
    writeFileSync(path, lines.join('\n'));
    const report = await buildParseReport(path);
    expect(report).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      headers: ['姓名', '手机', '邮箱', '行业'],
      headerRow: 1,
      mapping: ['name', 'phone', 'email', 'industry'],
    });
    expect(report.preview).toHaveLength(20);
    expect(report.previewCells[0]).toEqual(['客户0', '13800138000', 'c0@example.com', '制造业']);
    expect(report.preview.filter((row) => 'errors' in row).map((row) => row.row)).toEqual([6]);
  });
});

describe('the CSV tokenizer', () => {
  const options = { delimiter: ',', maxFieldChars: 1_000, maxRecordChars: 10_000 };
  // eslint-disable-next-line no-control-regex -- generated cells must be free of control characters, which the parser strips
  const cell = fc.string({ maxLength: 12 }).map((text) => text.replace(/[\u0000-\u001f\u007f]/g, ''));
  const table = fc.array(
    fc.array(fc.oneof(cell, fc.constantFrom('a,b', 'say "hi"', 'line\nbreak', '', '中文')), {
      minLength: 3,
      maxLength: 3,
    }),
    { minLength: 1, maxLength: 8 },
  );

  it('gives the same records however the text is split into chunks', () => {
    fc.assert(
      fc.property(
        table,
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }),
        (rows, cuts) => {
          const text = `${rows.map((row) => row.map(quoteCsvField).join(',')).join('\r\n')}\r\n`;
          const whole = parseCsvText(text, options);
          const parser = new CsvRecordParser(options);
          const chunked: CsvRecord[] = [];
          let at = 0;
          let k = 0;
          while (at < text.length) {
            const size = cuts[k++ % cuts.length] ?? 1;
            parser.push(text.slice(at, at + size), chunked);
            at += size;
          }
          parser.end(chunked);
          expect(chunked).toEqual(whole);
          expect(whole.map((record) => record.fields)).toEqual(rows);
        },
      ),
    );
  });

  it('reports an unclosed quote at its line and reads the following lines as rows', () => {
    const records = parseCsvText('a,b,c\n1,"2,3\n4,5,6\n7,"8",9\n', { ...options });
    expect(
      records.map((record) => [record.line, record.fields, record.issues.map((issue) => issue.code)]),
    ).toEqual([
      [1, ['a', 'b', 'c'], []],
      [2, [], ['unclosed_quote']],
      [3, ['4', '5', '6'], []],
      [4, ['7', '8', '9'], []],
    ]);
  });
});
