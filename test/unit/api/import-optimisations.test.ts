// The import's optimisations change only how fast it runs: with each one turned off (the benchmark's ablation) an
// import stores the same leads, merges and flags as with all on; and a cancelled import leaves no staged rows.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isEvent } from '../../../core/api/transport/client';
import { setImportOptimisations, type ImportOptimisations } from '../../../core/api/import/optimisations';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { analyzeBytes, commitAnalysis, seedLead } from './import-helpers';

// 6,000 rows: more than one step of the commit; every 10th shares a stored lead's phone (600), every 7th an earlier
// row's email (857), both 86: 1,371 rows merge, 4,629 are new.
const CSV = [
  '姓名,手机,邮箱,公司名称',
  ...Array.from({ length: 6_000 }, (_, i) => {
    const phone =
      i % 10 === 0 ? `1370000${String(i % 50).padStart(4, '0')}` : `139${String(i).padStart(8, '0')}`;
    const email = i % 7 === 6 ? `row${i - 6}@example.cn` : `row${i}@example.cn`;
    return `客户${i},${phone},${email},公司${i % 300}`;
  }),
].join('\n');

const VARIANTS: readonly [string, Partial<ImportOptimisations>][] = [
  ['matching in the calling thread', { matchOnWorker: false }],
];

describe('import optimisations', () => {
  const tempDir = useTempDir();
  const services: TestService[] = [];
  afterEach(() => {
    for (const service of services.splice(0)) service.close();
  });

  async function importWith(switches: Partial<ImportOptimisations>) {
    const t = createTestService(tempDir());
    services.push(t);
    setImportOptimisations(t.service.db, switches);
    for (let i = 0; i < 50; i += 1)
      seedLead(t.service, { name: `老客户${i}`, phone: `1370000${String(i).padStart(4, '0')}` }, i);
    const analysis = await analyzeBytes(t.client, 'a.csv', Buffer.from(CSV));
    const { result } = await commitAnalysis(t.client, t.service, analysis, 'merge');
    const leads = t.service.db
      .prepare('SELECT name, phone, email, company, score, deleted_at FROM leads ORDER BY name')
      .all();
    const report = { duplicateRows: analysis.duplicateRows, inFile: analysis.inFileDuplicateRows };
    return { report, counts: { ...result, batchId: '', rowsPerSecond: 0 }, leads };
  }
  /** The import with every optimisation on, run once for all the comparisons. */
  let allOn: ReturnType<typeof importWith> | null = null;

  it.each(VARIANTS)('imports the same with %s as with all on', async (_, switches) => {
    allOn ??= importWith({});
    const expected = await allOn;
    const actual = await importWith(switches);
    expect(expected.counts).toMatchObject({ inserted: 4_629, merged: 1_371, flagged: 0 });
    expect(actual.report).toEqual(expected.report);
    expect(actual.counts).toEqual(expected.counts);
    expect(actual.leads).toEqual(expected.leads);
  });

  it('leaves no staged rows behind when an import is cancelled', async () => {
    const t = createTestService(tempDir());
    services.push(t);
    const analysis = await analyzeBytes(t.client, 'b.csv', Buffer.from(CSV));
    t.service.subscribe((event) => {
      if (isEvent(event, 'jobs.progress') && event.payload.kind === 'import' && event.payload.done > 0)
        t.service.jobs.cancel(event.payload.id);
    });
    const job = await t.client.call('import.commit', {
      uploadId: analysis.uploadId,
      analysisId: analysis.analysisId,
      duplicateAction: 'merge',
    });
    expect(await t.service.jobs.waitFor(job.id)).toMatchObject({ state: 'cancelled' });
    const tempTables = () => t.service.db.prepare('SELECT name FROM temp.sqlite_master').pluck().all();
    await vi.waitFor(() => expect(tempTables()).toEqual([]));
    expect(t.service.db.prepare('SELECT COUNT(*) FROM leads').pluck().get()).toBe(0);
  });
});
