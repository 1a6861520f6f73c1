// An import's leads, as its report and the import history open them: `leads.list` and `leads.export` with the
// batch list exactly the leads that import added — not the leads it merged into, not another import's — past leads
// included when the import brought past leads, and for a rep only those of them the rep may see.
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { GBK_CSV, analyzeBytes, commitAnalysis, importBytes, seedLead } from './import-helpers';

const SECOND_CSV = ['姓名,手机,公司名称', '周杰,13500135000,成都某某', '吴敏,13400134000,重庆某某'].join(
  '\r\n',
);

describe("an import's leads", () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  it('lists and exports the leads one import added, no more: its count is the report’s "new"', async () => {
    const existing = seedLead(t.service, { name: '陈静', phone: '13600136000' });
    const first = await importBytes(t.client, t.service, '客户.csv', iconv.encode(GBK_CSV, 'gbk'));
    expect(first.result).toMatchObject({ inserted: 2, merged: 1 });
    const second = await importBytes(t.client, t.service, '展会.csv', Buffer.from(SECOND_CSV));
    expect(second.result.inserted).toBe(2);

    const listed = await t.client.call('leads.list', { importBatchId: first.result.batchId });
    expect(listed.total).toBe(first.result.inserted);
    expect(listed.rows.map((lead) => lead.name).sort()).toEqual(['张伟', '李娜'].sort());
    expect(listed.rows.map((lead) => lead.id)).not.toContain(existing.id);
    expect((await t.client.call('leads.list', { importBatchId: second.result.batchId })).total).toBe(2);
    // The page's own filters narrow it further.
    expect(
      (await t.client.call('leads.list', { importBatchId: first.result.batchId, text: '张伟' })).total,
    ).toBe(1);

    const file = await t.client.call('leads.export', {
      filter: { importBatchId: first.result.batchId },
      format: 'csv',
    });
    expect(file.rows).toBe(first.result.inserted);
  });

  it("lists an import's past leads, which the working list leaves out", async () => {
    const csv = [
      '姓名,手机,创建时间,阶段',
      '张伟,13800138000,2026-03-05,成交',
      '李娜,13900139000,2026-03-06,输单',
    ];
    const upload = await t.client.call('import.upload', {
      fileName: 'past.csv',
      contentBase64: Buffer.from(csv.join('\n')).toString('base64'),
    });
    const analysis = await t.client.call('import.analyze', {
      uploadId: upload.uploadId,
      mode: 'history',
      history: { outcomes: { 成交: 'won', 输单: 'lost' } },
    });
    const { result } = await commitAnalysis(t.client, t.service, analysis, 'keepBoth');
    expect((await t.client.call('leads.list', {})).total).toBe(0);
    const listed = await t.client.call('leads.list', { importBatchId: result.batchId });
    expect(listed.total).toBe(2);
    expect(listed.rows.every((lead) => lead.isHistory)).toBe(true);
  });

  it('shows a rep only the leads of the import they may see', async () => {
    const analysis = await analyzeBytes(t.client, '展会.csv', Buffer.from(SECOND_CSV));
    const { result } = await commitAnalysis(t.client, t.service, analysis);
    // With no rep yet, the distribution the import started leaves both leads in the pool; the team lead hands them out.
    for (const job of t.service.jobs.list()) await t.service.jobs.waitFor(job.id);
    const rep = await t.client.call('reps.create', { name: '销售甲', tier: 'senior' });
    const other = await t.client.call('reps.create', { name: '销售乙', tier: 'senior' });
    const [mine, theirs] = (await t.client.call('leads.list', { importBatchId: result.batchId })).rows;
    if (!mine || !theirs) throw new Error('the import added two leads');
    await t.client.call('pool.assign', { leadId: mine.id, repId: rep.id });
    await t.client.call('pool.assign', { leadId: theirs.id, repId: other.id });
    const asRep = await t.asRep(rep.id).call('leads.list', { importBatchId: result.batchId });
    expect(asRep.rows.map((lead) => lead.id)).toEqual([mine.id]);
  });
});
