// Past leads (a history import) stay out of every working view: the Leads list (unless asked for), the queue,
// the board and its stage counts, and the public pool — even an open, unowned past lead.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobResult } from '../../../core/api/jobs/schemas';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

const CSV = [
  '姓名,手机,创建时间,阶段',
  '张伟,13800138000,2026-03-05,成交',
  '李娜,13900139000,2026-03-06,输单',
  '王芳,13700137000,2026-03-07,跟进中',
].join('\n');

describe('past leads in the working views', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(async () => {
    t = createTestService(tempDir());
    const upload = await t.client.call('import.upload', {
      fileName: 'past.csv',
      contentBase64: Buffer.from(CSV).toString('base64'),
    });
    const analysis = await t.client.call('import.analyze', {
      uploadId: upload.uploadId,
      mode: 'history',
      history: { outcomes: { 成交: 'won', 输单: 'lost', 跟进中: 'sql' } },
    });
    expect(analysis.history?.questions).toEqual([]);
    const started = await t.client.call('import.commit', {
      uploadId: upload.uploadId,
      analysisId: analysis.analysisId,
      duplicateAction: 'keepBoth',
    });
    const job = await t.service.jobs.waitFor(started.id);
    expect((job.result as ImportJobResult).inserted).toBe(3);
  });
  afterEach(() => t.close());

  it('leaves them out of the Leads list unless the past-leads filter is on', async () => {
    expect((await t.client.call('leads.list', {})).total).toBe(0);
    const all = await t.client.call('leads.list', { includeHistory: true });
    expect(all.rows.map((lead) => [lead.name, lead.isHistory])).toEqual(
      expect.arrayContaining([
        ['张伟', true],
        ['李娜', true],
        ['王芳', true],
      ]),
    );
  });

  it('leaves them out of the queue, the board, its stage counts and the pool', async () => {
    expect((await t.client.call('queue.list', { repId: 'all' })).total).toBe(0);
    const board = await t.client.call('funnel.board', {});
    expect(board.columns.reduce((sum, column) => sum + column.total, 0)).toBe(0);
    const counts = await t.client.call('funnel.stageCounts', {});
    expect(Object.values(counts.counts).reduce<number>((sum, n) => sum + (n ?? 0), 0)).toBe(0);
    expect((await t.client.call('pool.list', {})).total).toBe(0);
  });
});
