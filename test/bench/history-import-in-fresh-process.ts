// The measured part of the history import benchmark (history-import.bench.ts), run in a fresh process: a new
// database with the fixture's reps, then one import of the CSV — plain, or in history mode — through the service
// (upload, analyze, commit job); prints one JSON line with the wall time.
import { readFileSync } from 'node:fs';
import type { ImportAnalysis } from '../../core/api/import/schemas';
import type { ParsedInput } from '../../core/api/contract';
import { HISTORY_REPS, UNKNOWN_OWNERS } from '../helpers/history-fixtures';
import { createTestService } from '../helpers/service';

export interface FreshHistoryImportOutcome {
  readonly importMs: number;
  /** The process's CPU time over the import (every thread), and the main thread's own: its critical path. */
  readonly cpuMs: number;
  readonly mainCpuMs: number;
}

const [dir, csvPath, mode] = process.argv.slice(2);
if (!dir || !csvPath || (mode !== 'plain' && mode !== 'history'))
  throw new Error('usage: history-import-in-fresh-process.ts <dir> <csv> plain|history');
const t = createTestService(dir);
for (const rep of HISTORY_REPS) {
  const created = await t.client.call('reps.create', { name: rep.name, tier: 'mid' });
  if (!rep.isActive) await t.client.call('reps.setActive', { id: created.id, isActive: false });
}
const history: ParsedInput<'import.analyze'>['history'] = {
  owners: Object.fromEntries(UNKNOWN_OWNERS.map((name) => [name, { create: true as const }])),
};
const bytes = readFileSync(csvPath);
const cpuBefore = process.cpuUsage();
const mainCpuBefore = process.threadCpuUsage();
const started = performance.now();
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
const job = await t.client.call('import.commit', {
  uploadId: analysis.uploadId,
  analysisId: analysis.analysisId,
  duplicateAction: 'keepBoth',
});
const done = await t.service.jobs.waitFor(job.id);
const importMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const mainCpu = process.threadCpuUsage(mainCpuBefore);
if (done.state !== 'done') throw new Error(`${mode} import ${done.state}: ${done.error ?? ''}`);
t.service.checkpointer.stop();
t.close();
console.log(
  JSON.stringify({
    importMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    mainCpuMs: (mainCpu.user + mainCpu.system) / 1000,
  } satisfies FreshHistoryImportOutcome),
);
process.exit(0);
