// Import through the API: upload → analyze → commit → history → undo, duplicate handling, templates, bad input.
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEvent } from '../../../core/api/transport/client';
import type { PushedEvent } from '../../../core/api/contract';
import { ApiError } from '../../../core/api/errors';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { GBK_CSV, analyzeBytes, importBytes, seedLead } from './import-helpers';

describe('importing a file through the API', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let events: PushedEvent[];
  beforeEach(() => {
    t = createTestService(tempDir());
    events = [];
    t.service.subscribe((event) => events.push(event));
  });
  afterEach(() => t.close());

  async function refusal(promise: Promise<unknown>): Promise<ApiError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }

  it('detects a GBK file and reports new rows, duplicates and errors with row, column and reason', async () => {
    seedLead(t.service, { name: '陈静', phone: '136 0013 6000' });
    const analysis = await analyzeBytes(t.client, '客户.csv', iconv.encode(GBK_CSV, 'gbk'));
    expect(analysis.encoding).toBe('gb18030');
    expect(analysis.mapping.slice(0, 6)).toEqual(['name', 'phone', 'email', 'company', 'region', 'needs']);
    expect(analysis.mapping[6]).toBe('custom.客户等级');
    expect(analysis).toMatchObject({
      totalRows: 5,
      validRows: 3,
      newRows: 2,
      duplicateRows: 1,
      errorRows: 2,
    });
    expect(analysis.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
      [4, '邮箱', 'invalid_email'],
      [5, '手机', 'invalid_phone'],
    ]);
    expect(analysis.duplicates).toHaveLength(1);
    expect(analysis.duplicates[0]).toMatchObject({ row: 6, by: ['phone'] });
    expect(analysis.duplicates[0]?.matches[0]).toMatchObject({ name: '陈静', by: ['phone'] });
    expect(analysis.previewRows[0]?.cells[0]).toBe('张伟');
  });

  it('imports the valid rows as one batch, scored, unowned, and announces them', async () => {
    const { result } = await importBytes(t.client, t.service, '客户.csv', iconv.encode(GBK_CSV, 'gbk'));
    expect(result).toMatchObject({ inserted: 3, merged: 0, skipped: 0, errors: 2 });
    const page = await t.client.call('leads.list', {});
    expect(page.total).toBe(3);
    for (const lead of page.rows) {
      expect(lead.ownerId).toBeNull();
      expect(lead.score).not.toBeNull();
      expect(lead.grade).not.toBeNull();
    }
    const zhang = page.rows.find((lead) => lead.name === '张伟');
    expect(zhang).toMatchObject({ phone: '+8613800138000', region: '北京', needs: '需要报价, 尽快' });
    expect(zhang?.customFields).toEqual({ 客户等级: 'A' });
    const imported = events
      .filter((e) => isEvent(e, 'leads.changed'))
      .find((e) => e.payload.reason === 'imported');
    expect([...(imported?.payload.leadIds ?? [])].sort()).toEqual(page.rows.map((lead) => lead.id).sort());
  });

  it('lists the import in the history with file, time, who and counts', async () => {
    const { result } = await importBytes(t.client, t.service, '客户.csv', iconv.encode(GBK_CSV, 'gbk'));
    const history = await t.client.call('import.history', {});
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      id: result.batchId,
      fileName: '客户.csv',
      actor: 'team-lead',
      state: 'committed',
      startedAt: t.clock.now,
      inserted: 3,
      errors: 2,
      totalRows: 5,
    });
  });

  it('undoes an import as a whole', async () => {
    seedLead(t.service, { name: '老客户' });
    const { result } = await importBytes(t.client, t.service, '客户.csv', iconv.encode(GBK_CSV, 'gbk'));
    const undone = await t.client.call('import.undo', { batchId: result.batchId });
    expect(undone.state).toBe('undone');
    const page = await t.client.call('leads.list', {});
    expect(page.rows.map((lead) => lead.name)).toEqual(['老客户']);
    const again = await refusal(t.client.call('import.undo', { batchId: result.batchId }));
    expect(again).toMatchObject({ code: 'conflict', field: 'batchId' });
  });

  it('merges a duplicate into the existing lead, keeping its owner, and undo restores the lead', async () => {
    const rep = await t.client.call('reps.create', { name: '销售甲', tier: 'senior' });
    const existing = seedLead(t.service, { name: '陈静', phone: '13600136000', ownerId: rep.id });
    const { result } = await importBytes(
      t.client,
      t.service,
      '客户.csv',
      iconv.encode(GBK_CSV, 'gbk'),
      'merge',
    );
    expect(result).toMatchObject({ inserted: 2, merged: 1 });
    const merged = (await t.client.call('leads.get', { id: existing.id })).lead;
    expect(merged).toMatchObject({
      ownerId: rep.id,
      email: 'chenjing@example.cn',
      company: '杭州某某',
      needs: '第二次咨询',
    });
    await t.client.call('import.undo', { batchId: result.batchId });
    const restored = (await t.client.call('leads.get', { id: existing.id })).lead;
    expect(restored).toMatchObject({ ownerId: rep.id, email: null, company: null, needs: null });
    expect((await t.client.call('leads.list', {})).total).toBe(1);
  });

  it('skips duplicates when asked to', async () => {
    seedLead(t.service, { name: '陈静', phone: '13600136000' });
    const { result } = await importBytes(
      t.client,
      t.service,
      '客户.csv',
      iconv.encode(GBK_CSV, 'gbk'),
      'skip',
    );
    expect(result).toMatchObject({ inserted: 2, merged: 0, skipped: 1 });
    expect((await t.client.call('leads.list', {})).total).toBe(3);
  });

  it('keeps both and flags the new lead as a possible duplicate', async () => {
    const existing = seedLead(t.service, { name: '陈静', phone: '13600136000' });
    const { result } = await importBytes(
      t.client,
      t.service,
      '客户.csv',
      iconv.encode(GBK_CSV, 'gbk'),
      'keepBoth',
    );
    expect(result).toMatchObject({ inserted: 3, flagged: 1 });
    const groups = await t.client.call('duplicates.groups', {});
    expect(groups.groups).toHaveLength(1);
    expect(groups.groups[0]?.leads.map((lead) => lead.id)[0]).toBe(existing.id);
    const flag = t.service.db.prepare('SELECT duplicate_of FROM lead_duplicate_flags').all() as {
      duplicate_of: string;
    }[];
    expect(flag).toEqual([{ duplicate_of: existing.id }]);
  });

  it('merges rows of the same file that are duplicates of each other', async () => {
    const csv = '姓名,手机,邮箱\n张三,13800000001,\n张三,13800000001,zs@example.com\n';
    const { analysis, result } = await importBytes(t.client, t.service, 'a.csv', Buffer.from(csv));
    expect(analysis).toMatchObject({ newRows: 1, inFileDuplicateRows: 1 });
    expect(analysis.duplicates[0]).toMatchObject({ row: 3, earlierRow: 2, by: ['phone'] });
    expect(result).toMatchObject({ inserted: 1, merged: 1 });
    const page = await t.client.call('leads.list', {});
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]?.email).toBe('zs@example.com');
  });

  it('takes base64 wrapped over lines, as mail and MIME encoders write it', async () => {
    const csv = '姓名,手机\n张三,13800000001\n';
    const wrapped = Buffer.from(csv)
      .toString('base64')
      .replace(/(.{8})/g, '$1\r\n');
    const upload = await t.client.call('import.upload', { fileName: 'a.csv', contentBase64: wrapped });
    expect(upload.sizeBytes).toBe(Buffer.byteLength(csv));
  });

  it.each([
    ['a file type it cannot read', { fileName: 'leads.xls', contentBase64: 'YQ==' }, 'fileName'],
    ['an empty file', { fileName: 'leads.csv', contentBase64: '' }, 'contentBase64'],
    ['content that is not base64', { fileName: 'leads.csv', contentBase64: '!!!' }, 'contentBase64'],
    [
      'base64 with a stray character',
      { fileName: 'leads.csv', contentBase64: '5aeT5ZCN!LOaJi+acug==' },
      'contentBase64',
    ],
    ['base64 one character too long', { fileName: 'leads.csv', contentBase64: 'YWJjZ' }, 'contentBase64'],
    ['an unknown key', { fileName: 'leads.csv', contentBase64: 'YQ==', path: '/etc/passwd' }, ''],
    ['a name too long', { fileName: `${'x'.repeat(300)}.csv`, contentBase64: 'YQ==' }, 'fileName'],
  ])('refuses an upload with %s, naming the field', async (_label, input, field) => {
    const error = await refusal(t.client.call('import.upload', input as never));
    expect(error.code).toBe('invalid_input');
    expect(error.field ?? '').toBe(field);
  });

  it.each([
    ['an upload id with a path', { uploadId: '../../etc' }, 'uploadId', 'invalid_input'],
    ['an unknown upload', { uploadId: 'upload_nope' }, 'uploadId', 'not_found'],
    ['an unknown encoding', { uploadId: 'upload_1', encoding: 'ebcdic' }, 'encoding', 'invalid_input'],
    ['an unknown delimiter', { uploadId: 'upload_1', delimiter: '|' }, 'delimiter', 'invalid_input'],
    ['an unknown field', { uploadId: 'upload_1', mapping: ['salary'] }, 'mapping.0', 'invalid_input'],
  ])('refuses an analysis with %s, naming the field', async (_label, input, field, code) => {
    const error = await refusal(t.client.call('import.analyze', input as never));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });

  it('refuses a mapping that does not fit the columns, naming the mapping', async () => {
    const upload = await t.client.call('import.upload', {
      fileName: 'a.csv',
      contentBase64: Buffer.from('姓名,手机\n张三,13800000001\n').toString('base64'),
    });
    const short = await refusal(
      t.client.call('import.analyze', { uploadId: upload.uploadId, mapping: ['name'] }),
    );
    expect(short).toMatchObject({ code: 'invalid_input', field: 'mapping' });
    const twice = await refusal(
      t.client.call('import.analyze', { uploadId: upload.uploadId, mapping: ['name', 'name'] }),
    );
    expect(twice).toMatchObject({ code: 'invalid_input', field: 'mapping' });
  });

  it('keeps repeated headers apart, never refusing the file (real CRM exports repeat them)', async () => {
    const analysis = await analyzeBytes(
      t.client,
      'a.csv',
      Buffer.from('姓名,姓名,Lead Owner,Lead owner\n张三,李四,A,B\n'),
    );
    expect(analysis.headers).toHaveLength(4);
    expect(new Set(analysis.headers).size).toBe(4);
    expect(analysis.totalRows).toBe(1);
  });

  it('honours an encoding and delimiter override', async () => {
    const bytes = iconv.encode('姓名;手机\n张三;13800000001\n', 'gbk');
    const upload = await t.client.call('import.upload', {
      fileName: 'a.txt',
      contentBase64: bytes.toString('base64'),
    });
    const analysis = await t.client.call('import.analyze', {
      uploadId: upload.uploadId,
      encoding: 'gb18030',
      delimiter: ';',
    });
    expect(analysis).toMatchObject({ encoding: 'gb18030', delimiter: ';', headers: ['姓名', '手机'] });
  });

  it('offers a saved mapping template again for a file with the same headers', async () => {
    const csv = '客户,联系方式\n张三,13800000001\n';
    const first = await analyzeBytes(t.client, 'a.csv', Buffer.from(csv));
    const custom = await t.client.call('import.analyze', {
      uploadId: first.uploadId,
      mapping: ['name', 'phone'],
    });
    await t.client.call('import.commit', {
      uploadId: custom.uploadId,
      analysisId: custom.analysisId,
      duplicateAction: 'skip',
      templateName: '展会名单',
    });
    const second = await analyzeBytes(t.client, 'b.csv', Buffer.from(csv));
    expect(second.template?.name).toBe('展会名单');
    expect(second.mapping).toEqual(['name', 'phone']);
    expect((await t.client.call('import.templates', {})).map((tpl) => tpl.name)).toEqual(['展会名单']);
  });

  it('gives back the error rows as a CSV to fix and re-import', async () => {
    const analysis = await analyzeBytes(t.client, '客户.csv', iconv.encode(GBK_CSV, 'gbk'));
    const file = await t.client.call('import.errorFile', { uploadId: analysis.uploadId });
    expect(file.rows).toBe(2);
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF姓名,手机,邮箱,公司名称,城市,备注,客户等级,错误/error')).toBe(true);
    expect(text).toContain('王芳');
    // In the team lead's language: Chinese until they choose English.
    expect(text).toContain('第 4 行，列「邮箱」：邮箱地址无效');
    expect(text).toContain('赵磊');
    await t.client.call('preferences.set', { language: 'en' });
    const again = await analyzeBytes(t.client, '客户.csv', iconv.encode(GBK_CSV, 'gbk'));
    const english = await t.client.call('import.errorFile', { uploadId: again.uploadId });
    expect(Buffer.from(english.contentBase64, 'base64').toString('utf8')).toContain(
      'row 4, column ""邮箱"": The email address is not valid',
    );
  });

  it('lets only the team lead import', async () => {
    const rep = await t.client.call('reps.create', { name: '销售甲', tier: 'junior' });
    t.client.setSessionToken(t.service.openTrustedSession({ role: 'rep', repId: rep.id }));
    const error = await refusal(t.client.call('import.upload', { fileName: 'a.csv', contentBase64: 'YQ==' }));
    expect(error.code).toBe('forbidden');
  });
});
