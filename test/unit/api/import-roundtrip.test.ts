// Reliability through the API: a file with 1,000 broken rows, export → re-import round trips, formula injection.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lead } from '../../../core/domain/lead';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { writeBrokenFile } from '../import/broken-file';
import { importBytes, seedLead } from './import-helpers';

describe('a file with 1,000 broken rows through the API', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  it('reports each bad row with its row number, imports the good rows, and never crashes', async () => {
    const path = join(tempDir(), 'broken.csv');
    const expected = writeBrokenFile(path);
    const { analysis, result } = await importBytes(
      t.client,
      t.service,
      'broken.csv',
      readFileSync(path),
      'keepBoth',
    );
    const reportedRows = [...new Set(analysis.errors.map((error) => error.row))];
    expect(reportedRows).toEqual(expected.bad.map((bad) => bad.row));
    for (const bad of expected.bad) {
      const reasons = analysis.errors.filter((error) => error.row === bad.row).map((error) => error.reason);
      expect(reasons, `row ${bad.row}`).toContain(bad.reason);
    }
    expect(analysis.errorRows).toBe(expected.bad.length);
    expect(analysis.validRows).toBe(expected.good.length);
    expect(result.inserted).toBe(expected.good.length);
    const stored = await t.client.call('leads.list', { limit: 1 });
    expect(stored.total).toBe(expected.good.length);
  });
});

const TRICKY: Partial<Lead>[] = [
  {
    name: '张伟',
    phone: '+8613800138000',
    email: 'zw@example.cn',
    company: '北京字节跳动科技有限公司',
    needs: '需要报价, "尽快"\n下周二联系',
    customFields: { 客户等级: 'A', 备注二: '逗号,引号"和\n换行' },
    costFen: 12_050,
    bant: { budget: 50_000 },
    companySize: 200,
    region: '北京',
  },
  {
    name: 'Li, Na',
    phone: '+8613900139000',
    email: 'li.na@example.com',
    title: '=HYPERLINK("http://evil","点我")',
    needs: '+SUM(A1:A9)',
    source: '@展会',
    campaign: '-折扣',
  },
  { name: '王芳', wechat: 'wang_fang', industry: '制造业', product: 'CRM', title: '采购经理' },
];

const COMPARED = [
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
  'costFen',
  'needs',
  'bant',
  'customFields',
] as const;

function comparable(lead: Lead): Record<string, unknown> {
  return Object.fromEntries(COMPARED.map((key) => [key, lead[key]]));
}

describe('export', () => {
  const tempDir = useTempDir();
  let source: TestService;
  let target: TestService;
  beforeEach(() => {
    source = createTestService(tempDir());
    target = createTestService(tempDir());
  });
  afterEach(() => {
    source.close();
    target.close();
  });

  it('writes a CSV that re-imports to the same leads, Chinese text, commas, quotes and newlines included', async () => {
    TRICKY.forEach((fields, i) => seedLead(source.service, { name: '', ...fields }, i));
    const file = await source.client.call('leads.export', { filter: {}, format: 'csv' });
    expect(file.rows).toBe(3);
    expect(file.fileName).toMatch(/\.csv$/);
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { analysis } = await importBytes(target.client, target.service, file.fileName, bytes);
    expect(analysis.errorRows).toBe(0);
    const before = (await source.client.call('leads.list', { sort: 'name' })).rows.map(comparable);
    const after = (await target.client.call('leads.list', { sort: 'name' })).rows.map(comparable);
    expect(after).toEqual(before);
  });

  it('writes an XLSX that re-imports to the same leads', async () => {
    TRICKY.forEach((fields, i) => seedLead(source.service, { name: '', ...fields }, i));
    const file = await source.client.call('leads.export', { filter: {}, format: 'xlsx' });
    const { analysis } = await importBytes(
      target.client,
      target.service,
      file.fileName,
      Buffer.from(file.contentBase64, 'base64'),
    );
    expect(analysis.errorRows).toBe(0);
    const before = (await source.client.call('leads.list', { sort: 'name' })).rows.map(comparable);
    const after = (await target.client.call('leads.list', { sort: 'name' })).rows.map(comparable);
    expect(after).toEqual(before);
  });

  it('neutralizes cells starting with =, +, - and @ in the CSV', async () => {
    seedLead(source.service, TRICKY[1] as Lead);
    const file = await source.client.call('leads.export', { filter: {}, format: 'csv' });
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    const cells = text.split('\r\n')[1] ?? '';
    expect(cells).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(cells).toContain("'+SUM(A1:A9)");
    expect(cells).toContain("'@展会");
    expect(cells).toContain("'-折扣");
    expect(cells).toContain("'+8613900139000");
    expect(cells).not.toMatch(/(^|,)[=+\-@]/);
  });

  it('writes formula-looking text as plain strings in the XLSX, never as formulas', async () => {
    seedLead(source.service, TRICKY[1] as Lead);
    const file = await source.client.call('leads.export', { filter: {}, format: 'xlsx' });
    const dir = mkdtempSync(join(tmpdir(), 'fairlead-xlsx-'));
    try {
      const path = join(dir, 'x.xlsx');
      writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const row = workbook.worksheets[0]?.getRow(2);
      const values = (row?.values as unknown[]).slice(1);
      expect(values).toContain('=HYPERLINK("http://evil","点我")');
      for (const value of values)
        expect(typeof value === 'object' && value !== null && 'formula' in value).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports only the leads the filter selects', async () => {
    seedLead(source.service, { name: '甲', source: '官网' });
    seedLead(source.service, { name: '乙', source: '展会' });
    const file = await source.client.call('leads.export', {
      filter: { source: '展会', limit: 1 },
      format: 'csv',
    });
    expect(file.rows).toBe(1);
    expect(Buffer.from(file.contentBase64, 'base64').toString('utf8')).toContain('乙');
  });
});
