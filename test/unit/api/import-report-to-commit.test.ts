// Import through the API between a report and its commit: what was written meanwhile (a lead entered, another
// file imported) is matched, a write that changes no lead changes no match, staged rows never outlive the job, and
// a report that is gone (a restart), superseded or already committed is refused.
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isEvent } from '../../../core/api/transport/client';
import { ApiError } from '../../../core/api/errors';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { GBK_CSV, analyzeBytes, commitAnalysis, seedLead } from './import-helpers';

describe('importing a file through the API: between the report and the commit', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
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

  it('matches a lead entered between the report and the commit, not only the leads the report saw', async () => {
    const analysis = await analyzeBytes(t.client, '客户.csv', iconv.encode(GBK_CSV, 'gbk'));
    expect(analysis).toMatchObject({ newRows: 3, duplicateRows: 0 });
    const entered = await t.client.call('leads.create', { name: '陈静', phone: '136 0013 6000' });
    const { result } = await commitAnalysis(t.client, t.service, analysis, 'merge');
    expect(result).toMatchObject({ inserted: 2, merged: 1 });
    const merged = (await t.client.call('leads.get', { id: entered.id })).lead;
    expect(merged).toMatchObject({ email: 'chenjing@example.cn', needs: '第二次咨询' });
    expect((await t.client.call('leads.list', {})).total).toBe(3);
  });

  it('matches against the same leads the report saw when nothing changed in between', async () => {
    const existing = seedLead(t.service, { name: '陈静', phone: '13600136000' });
    const analysis = await analyzeBytes(t.client, '客户.csv', iconv.encode(GBK_CSV, 'gbk'));
    expect(analysis).toMatchObject({ newRows: 2, duplicateRows: 1 });
    const { result } = await commitAnalysis(t.client, t.service, analysis, 'keepBoth');
    expect(result).toMatchObject({ inserted: 3, flagged: 1 });
    const flags = t.service.db.prepare('SELECT duplicate_of FROM lead_duplicate_flags').all();
    expect(flags).toEqual([{ duplicate_of: existing.id }]);
  });

  it('matches the leads of a file imported between the report and the commit', async () => {
    const csv = Buffer.from('姓名,手机\n张三,13800000001\n李四,13800000002\n');
    const first = await analyzeBytes(t.client, 'a.csv', csv);
    const second = await analyzeBytes(t.client, 'b.csv', csv);
    expect(first).toMatchObject({ newRows: 2, duplicateRows: 0 });
    expect((await commitAnalysis(t.client, t.service, second, 'merge')).result).toMatchObject({
      inserted: 2,
    });
    // The first report saw no leads: its commit must still match the ones the second import just created.
    expect((await commitAnalysis(t.client, t.service, first, 'merge')).result).toMatchObject({
      inserted: 0,
      merged: 2,
    });
    expect((await t.client.call('leads.list', {})).total).toBe(2);
  });

  it('imports the same leads whether or not anything was written between the report and the commit', async () => {
    const csv = [
      '姓名,手机,邮箱',
      '甲,13800000002,a@a.cn',
      '乙,13800000003,b@b.cn',
      '丙,13800000003,ey@y.cn',
      '丁,13800000001,d@d.cn',
      '戊,,d@d.cn',
      '己,13800000002,',
      '庚,13800000009,g@g.cn',
    ].join('\n');
    async function importAfresh(isWrittenBetween: boolean): Promise<string[]> {
      const service = createTestService(tempDir());
      try {
        seedLead(service.service, { name: '老X', phone: '13800000001', email: 'ex@x.cn' });
        seedLead(service.service, { name: '老Y', email: 'ey@y.cn' });
        const analysis = await analyzeBytes(service.client, 'a.csv', Buffer.from(csv));
        // A write that changes no lead (a new rep) changes no match.
        if (isWrittenBetween) await service.client.call('reps.create', { name: '销售', tier: 'mid' });
        const { result } = await commitAnalysis(service.client, service.service, analysis, 'merge');
        expect(result).toMatchObject({ inserted: 3, merged: 4 });
        const { rows } = await service.client.call('leads.list', { sort: 'name', direction: 'asc' });
        return rows.map((lead) => `${lead.name} ${lead.phone ?? ''} ${lead.email ?? ''}`);
      } finally {
        service.close();
      }
    }
    const quiet = await importAfresh(false);
    // 丙 shares 乙's phone (a row before it; phone is matched first) and 老Y's email: merged into 乙, whose email
    // stays; 丁 has 老X's phone and 戊 丁's email: both merged into 老X; 己 has 甲's phone; 甲, 乙 and 庚 are new.
    expect(quiet).toEqual([
      '乙 +8613800000003 b@b.cn',
      '庚 +8613800000009 g@g.cn',
      '甲 +8613800000002 a@a.cn',
      '老X 13800000001 ex@x.cn',
      '老Y  ey@y.cn',
    ]);
    expect(await importAfresh(true)).toEqual(quiet);
  });

  it('leaves no staged rows once an import is committed or cancelled', async () => {
    const stagingTables = () => t.service.db.prepare('SELECT name FROM temp.sqlite_master').pluck().all();
    const analysis = await analyzeBytes(t.client, '客户.csv', iconv.encode(GBK_CSV, 'gbk'));
    const { result } = await commitAnalysis(t.client, t.service, analysis, 'merge');
    expect(result).toMatchObject({ inserted: 3 });
    expect(stagingTables()).toEqual([]);
    const names = (await t.client.call('leads.list', { sort: 'name', direction: 'asc' })).rows.map(
      (l) => l.name,
    );
    expect(names).toEqual(['张伟', '李娜', '陈静'].sort());

    // 12,000 rows take several steps: the import is cancelled after its first, while its rows are being staged.
    const csv = [
      '姓名,手机',
      ...Array.from({ length: 12_000 }, (_, i) => `客户${i},139${String(i).padStart(8, '0')}`),
    ];
    const other = await analyzeBytes(t.client, 'b.csv', Buffer.from(csv.join('\n')));
    t.service.subscribe((event) => {
      if (isEvent(event, 'jobs.progress') && event.payload.kind === 'import' && event.payload.done > 0)
        t.service.jobs.cancel(event.payload.id);
    });
    const job = await t.client.call('import.commit', {
      uploadId: other.uploadId,
      analysisId: other.analysisId,
      duplicateAction: 'merge',
    });
    expect(await t.service.jobs.waitFor(job.id)).toMatchObject({ state: 'cancelled' });
    await vi.waitFor(() => expect(stagingTables()).toEqual([]));
    const history = await t.client.call('import.history', { offset: 0, limit: 10 });
    expect(history.map((batch) => batch.state)).toEqual(['cancelled', 'committed']);
    expect((await t.client.call('leads.list', {})).total).toBe(3);
  });

  it('imports two files analysed one after the other (two team leads), each its own rows', async () => {
    const first = await analyzeBytes(
      t.client,
      'a.csv',
      Buffer.from('姓名,手机\n张三,13800000001\n李四,13800000002\n'),
    );
    const second = await analyzeBytes(t.client, 'b.csv', Buffer.from('姓名,手机\n王五,13800000003\n'));
    expect((await commitAnalysis(t.client, t.service, second, 'merge')).result).toMatchObject({
      inserted: 1,
    });
    expect((await commitAnalysis(t.client, t.service, first, 'merge')).result).toMatchObject({ inserted: 2 });
    const { rows } = await t.client.call('leads.list', { sort: 'name', direction: 'asc' });
    expect(rows.map((lead) => lead.name).sort()).toEqual(['张三', '李四', '王五'].sort());
  });

  it('asks for the file to be analysed again when its report is no longer in memory (a restart)', async () => {
    const dir = tempDir();
    const before = createTestService(dir);
    const analysis = await analyzeBytes(before.client, '客户.csv', iconv.encode(GBK_CSV, 'gbk'));
    before.close();
    const after = createTestService(dir);
    try {
      const error = await refusal(
        after.client.call('import.commit', {
          uploadId: analysis.uploadId,
          analysisId: analysis.analysisId,
          duplicateAction: 'merge',
          templateName: '展会模板',
        }),
      );
      expect(error).toMatchObject({ code: 'conflict', field: 'analysisId' });
      expect(error.message).toMatch(/analyse the file again/);
      // Nothing was written: no batch, no template, no lead.
      expect(await after.client.call('import.history', { offset: 0, limit: 10 })).toEqual([]);
      expect(after.service.db.prepare('SELECT count(*) AS n FROM import_templates').get()).toEqual({ n: 0 });
      const fresh = await after.client.call('import.analyze', { uploadId: analysis.uploadId });
      const { result } = await commitAnalysis(after.client, after.service, fresh, 'merge');
      expect(result).toMatchObject({ inserted: 3 });
    } finally {
      after.close();
    }
  });

  it('refuses to commit an analysis that was superseded, naming the field', async () => {
    const first = await analyzeBytes(t.client, 'a.csv', Buffer.from('姓名,手机\n张三,13800000001\n'));
    await t.client.call('import.analyze', { uploadId: first.uploadId });
    const error = await refusal(
      t.client.call('import.commit', {
        uploadId: first.uploadId,
        analysisId: first.analysisId,
        duplicateAction: 'merge',
      }),
    );
    expect(error).toMatchObject({ code: 'conflict', field: 'analysisId' });
  });

  it('never imports one report twice', async () => {
    const analysis = await analyzeBytes(t.client, 'a.csv', Buffer.from('姓名,手机\n张三,13800000001\n'));
    await commitAnalysis(t.client, t.service, analysis);
    const error = await refusal(commitAnalysis(t.client, t.service, analysis));
    expect(error).toMatchObject({ code: 'conflict', field: 'analysisId' });
  });
});
