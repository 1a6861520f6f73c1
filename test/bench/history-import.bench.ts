// Historical import of a generated 100k-row old-CRM export (upload, analyze in history mode, commit job) next to a
// plain import of the same file in the same run, each into a fresh database.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportAnalysis } from '../../core/api/calls/import-calls';
import type { ParsedInput } from '../../core/api/contract';
import {
  generateHistoryFixture,
  HISTORY_REPS,
  UNKNOWN_OWNERS,
  writeHistoryCsv,
} from '../helpers/history-fixtures';
import { createTestService } from '../helpers/service';
import type { Report } from './figure';
import { figure, timeMs } from './figure';

const ROWS = 100_000;

async function importOnce(dir: string, bytes: Buffer, mode: 'plain' | 'history'): Promise<number> {
  const t = createTestService(dir);
  try {
    for (const rep of HISTORY_REPS) {
      const created = await t.client.call('reps.create', { name: rep.name, tier: 'mid' });
      if (!rep.isActive) await t.client.call('reps.setActive', { id: created.id, isActive: false });
    }
    const history: ParsedInput<'import.analyze'>['history'] = {
      owners: Object.fromEntries(UNKNOWN_OWNERS.map((name) => [name, { create: true as const }])),
    };
    return await timeMs(async () => {
      const upload = await t.client.call('import.upload', {
        fileName: 'history.csv',
        contentBase64: bytes.toString('base64'),
      });
      const analysis: ImportAnalysis = await t.client.call('import.analyze', {
        uploadId: upload.uploadId,
        ...(mode === 'history' ? { mode, history } : {}),
      });
      if (mode === 'history' && (analysis.history?.questions.length ?? 0) > 0)
        throw new Error(`unanswered: ${JSON.stringify(analysis.history?.questions)}`);
      const started = await t.client.call('import.commit', {
        uploadId: analysis.uploadId,
        analysisId: analysis.analysisId,
        duplicateAction: 'keepBoth',
      });
      const job = await t.service.jobs.waitFor(started.id);
      if (job.state !== 'done') throw new Error(`${mode} import ${job.state}: ${job.error ?? ''}`);
    });
  } finally {
    t.close();
  }
}

export async function run(report: Report): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fairlead-bench-history-'));
  try {
    const fixture = generateHistoryFixture({ count: ROWS });
    const path = join(root, 'history.csv');
    await writeHistoryCsv(path, fixture);
    const bytes = readFileSync(path);
    const dir = (name: string) => {
      const full = join(root, name);
      rmSync(full, { recursive: true, force: true });
      return mkdtempSync(join(root, `${name}-`));
    };
    const plainMs = await importOnce(dir('plain'), bytes, 'plain');
    const historyMs = await importOnce(dir('history'), bytes, 'history');
    console.log(`plain import of ${ROWS} rows: ${Math.round(plainMs)} ms`);
    console.log(`historical import of ${ROWS} rows: ${Math.round(historyMs)} ms`);
    report(figure('history_import_100k_ms', historyMs, 'ms', '<=', 60_000));
    report(figure('plain_import_100k_ms', plainMs, 'ms', '<=', 60_000));
    report(figure('history_import_100k_vs_plain_ratio', historyMs / plainMs, 'x', '<=', 1.5));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
