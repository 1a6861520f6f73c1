// The questions an import asks before it writes anything: nothing to import, decimal commas, the phone country,
// one arrival date for undated past leads; and that an empty batch never becomes the latest past-leads import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/api/errors';
import type { ImportJobResult } from '../../../core/api/jobs/schemas';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

describe('questions an import asks before committing', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  async function upload(fileName: string, text: string) {
    return t.client.call('import.upload', { fileName, contentBase64: Buffer.from(text).toString('base64') });
  }

  async function refusalOf(promise: Promise<unknown>): Promise<ApiError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }

  async function commit(uploadId: string, analysisId: string) {
    const started = await t.client.call('import.commit', {
      uploadId,
      analysisId,
      duplicateAction: 'keepBoth',
    });
    const job = await t.service.jobs.waitFor(started.id);
    expect(job.state).toBe('done');
    return job.result as ImportJobResult;
  }

  it('refuses to commit a header-only file and leaves no batch behind', async () => {
    const file = await upload('empty.csv', '姓名,手机\n');
    const analysis = await t.client.call('import.analyze', { uploadId: file.uploadId, mode: 'history' });
    expect(analysis.totalRows).toBe(0);
    const refusal = await refusalOf(
      t.client.call('import.commit', {
        uploadId: file.uploadId,
        analysisId: analysis.analysisId,
        duplicateAction: 'merge',
      }),
    );
    expect(refusal.reason).toBe('import.nothingToImport');
    expect(await t.client.call('import.history', {})).toEqual([]);
    expect(await t.client.call('import.historyFlags', {})).toBeNull();
  });

  it('refuses to commit when every row failed, saying how many', async () => {
    const file = await upload('bad.csv', '姓名,手机\n,\n,\n');
    const analysis = await t.client.call('import.analyze', { uploadId: file.uploadId });
    const refusal = await refusalOf(
      t.client.call('import.commit', {
        uploadId: file.uploadId,
        analysisId: analysis.analysisId,
        duplicateAction: 'merge',
      }),
    );
    expect(refusal.reason).toBe('import.nothingToImport');
    expect(refusal.details).toMatchObject({ totalRows: 2, errorRows: 2 });
  });

  it('reads decimal-comma money in a semicolon file as such', async () => {
    const file = await upload(
      'leads.csv',
      'Name;Phone;Cost\nAnna;13800138000;85,5\nBen;13900139000;1.200,50\n',
    );
    const analysis = await t.client.call('import.analyze', { uploadId: file.uploadId });
    expect(analysis.numberColumns).toEqual([
      expect.objectContaining({ column: 'Cost', field: 'cost', style: 'comma', isQuestion: false }),
    ]);
    await commit(file.uploadId, analysis.analysisId);
    const leads = await t.client.call('leads.list', { sort: 'name', direction: 'asc' });
    expect(leads.rows.map((l) => [l.name, l.costFen])).toEqual([
      ['Anna', 8550],
      ['Ben', 120050],
    ]);
  });

  it('asks how "1,200" is meant and imports once answered', async () => {
    const file = await upload('leads.csv', 'Name;Phone;Cost\nAnna;13800138000;1,200\n');
    const asked = await t.client.call('import.analyze', { uploadId: file.uploadId });
    expect(asked.numberColumns[0]).toMatchObject({ isQuestion: true, examples: ['1,200'] });
    const refusal = await refusalOf(
      t.client.call('import.commit', {
        uploadId: file.uploadId,
        analysisId: asked.analysisId,
        duplicateAction: 'merge',
      }),
    );
    expect(refusal.reason).toBe('import.decimalQuestion');
    expect(refusal.message).toContain('1,200');
    const answered = await t.client.call('import.analyze', {
      uploadId: file.uploadId,
      decimalStyles: { '2': 'comma' },
    });
    expect(answered.numberColumns[0]).toMatchObject({ isQuestion: false, style: 'comma' });
    await commit(file.uploadId, answered.analysisId);
    const leads = await t.client.call('leads.list', {});
    expect(leads.rows[0]?.costFen).toBe(120);
  });

  it('reads phones in the chosen country and keeps it as the workspace default', async () => {
    const text = 'Name,Phone,Email\nAlice,1 (321) 800-6101,alice@example.com\n';
    const first = await upload('us.csv', text);
    const asChina = await t.client.call('import.analyze', { uploadId: first.uploadId });
    // Not a Chinese number: kept as typed with a warning (the email still reaches her), never made +86.
    expect(asChina).toMatchObject({ defaultCountry: 'CN', validRows: 1, warnings: 1 });
    const asUs = await t.client.call('import.analyze', { uploadId: first.uploadId, defaultCountry: 'us' });
    expect(asUs).toMatchObject({ defaultCountry: 'US', warnings: 0, validRows: 1 });
    await commit(first.uploadId, asUs.analysisId);
    const leads = await t.client.call('leads.list', {});
    expect(leads.rows[0]?.phone).toBe('+13218006101');
    const next = await upload('us2.csv', 'Name,Phone\nBob,(407) 261-8908\n');
    const again = await t.client.call('import.analyze', { uploadId: next.uploadId });
    expect(again).toMatchObject({ defaultCountry: 'US', warnings: 0 });
  });

  it('gives undated past leads the one arrival date the team lead names', async () => {
    const file = await upload('past.csv', 'Name,Phone,Status\nAnna,13800138000,won\nBen,13900139000,lost\n');
    const asked = await t.client.call('import.analyze', { uploadId: file.uploadId, mode: 'history' });
    expect(asked.history?.questions.map((q) => q.kind)).toEqual(['undated']);
    const at = Date.UTC(2026, 5, 30, 4, 0, 0);
    const answered = await t.client.call('import.analyze', {
      uploadId: file.uploadId,
      mode: 'history',
      history: { undated: { fallbackCreatedAt: at } },
    });
    expect(answered.history?.questions).toEqual([]);
    await commit(file.uploadId, answered.analysisId);
    const flags = await t.client.call('import.historyFlags', {});
    expect(flags?.period).toMatchObject({ from: '2026-06-30', to: '2026-06-30', leads: 2 });
  });
});
