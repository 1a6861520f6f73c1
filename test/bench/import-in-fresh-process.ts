// The measured part of the import benchmark (import.bench.ts), run in a fresh process so its peak memory is the
// import's own, not the setup's: opens the prepared database, imports the CSV through the service (upload, analyze,
// commit job) and prints one JSON line with the wall time, CPU time, peak RSS and the counts.
import { readFileSync } from 'node:fs';
import type { ImportAnalysis, UploadedFile } from '../../core/api/import/schemas';
import type { ImportJobResult } from '../../core/api/jobs/schemas';
import type { JobStatus } from '../../core/api/contract';
import { createService } from '../../core/api/service';
import { openDatabase } from '../../core/store/open-database';

export interface FreshImportOutcome {
  readonly importMs: number;
  readonly cpuMs: number;
  /** The main thread's own CPU time: on a quiet machine, the import's critical path. */
  readonly mainCpuMs: number;
  readonly rssBeforeMb: number;
  readonly peakRssMb: number;
  readonly validRows: number;
  readonly errorRows: number;
  readonly result: ImportJobResult;
}

async function call<T>(
  service: ReturnType<typeof createService>,
  token: string,
  name: string,
  input: unknown,
): Promise<T> {
  const result = await service.dispatch(name, input, { token });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

const [dbPath, csvPath] = process.argv.slice(2);
if (!dbPath || !csvPath) throw new Error('usage: import-in-fresh-process.ts <db> <csv>');
const db = openDatabase(dbPath);
const service = createService({ db });
// The team lead, as the desktop opens the workspace: no in-process client, whose structured clone would add its time.
const token = service.openTrustedSession({ role: 'lead' });
const rssBeforeMb = process.memoryUsage.rss() / 1024 / 1024;
const cpuBefore = process.cpuUsage();
const mainCpuBefore = process.threadCpuUsage();
const started = performance.now();
const upload = await call<UploadedFile>(service, token, 'import.upload', {
  fileName: 'leads-100k.csv',
  contentBase64: readFileSync(csvPath).toString('base64'),
});
const analysis = await call<ImportAnalysis>(service, token, 'import.analyze', { uploadId: upload.uploadId });
const job = await call<JobStatus>(service, token, 'import.commit', {
  uploadId: upload.uploadId,
  analysisId: analysis.analysisId,
  duplicateAction: 'merge',
});
const done = await service.jobs.waitFor(job.id);
const importMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const mainCpu = process.threadCpuUsage(mainCpuBefore);
if (done.state !== 'done') throw new Error(`import ended ${done.state}: ${done.error}`);
service.checkpointer.stop();
db.close();
const outcome: FreshImportOutcome = {
  importMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  mainCpuMs: (mainCpu.user + mainCpu.system) / 1000,
  rssBeforeMb,
  // The kernel's high-water mark of this process's resident memory (maxRSS is in KiB).
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  validRows: analysis.validRows,
  errorRows: analysis.errorRows,
  result: done.result as ImportJobResult,
};
console.log(JSON.stringify(outcome));
process.exit(0);
