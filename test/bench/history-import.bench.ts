// Historical import of a generated 100k-row old-CRM export (upload, analyze in history mode, commit job) next to a
// plain import of the same file in the same run, each into a fresh database and a fresh process (as the app runs
// its core: fresh-process.ts), alternating, three of each: the medians are compared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHistoryFixture, writeHistoryCsv } from '../helpers/history-fixtures';
import type { Report } from './figure';
import { figure } from './figure';
import { bundleForFreshProcess, median, runFreshProcess } from './fresh-process';
import type { FreshHistoryImportOutcome } from './history-import-in-fresh-process';
import { IMPORT_100K_TARGET_S } from './import-targets';

const ROWS = 100_000;
const RUNS = 3;

export async function run(report: Report): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fairlead-bench-history-'));
  try {
    const path = join(root, 'history.csv');
    await writeHistoryCsv(path, generateHistoryFixture({ count: ROWS }));
    const bundle = await bundleForFreshProcess('history-import-in-fresh-process.ts');
    const times: Record<'plain' | 'history', number[]> = { plain: [], history: [] };
    for (let run = 0; run < RUNS; run += 1) {
      for (const mode of ['plain', 'history'] as const) {
        const dir = mkdtempSync(join(root, `${mode}-`));
        const { importMs, cpuMs, mainCpuMs } = runFreshProcess<FreshHistoryImportOutcome>(bundle, [
          dir,
          path,
          mode,
        ]);
        rmSync(dir, { recursive: true, force: true });
        console.log(
          `# run ${run + 1}: ${mode} import of ${ROWS} rows: ${Math.round(importMs)} ms ` +
            `(cpu ${Math.round(cpuMs)} ms, main thread ${Math.round(mainCpuMs)} ms)`,
        );
        times[mode].push(importMs);
      }
    }
    const historyMs = median(times.history);
    const plainMs = median(times.plain);
    report(figure('history_import_100k_ms', historyMs, 'ms', '<=', 60_000));
    // The plain import is the import benchmark's figure (import_100k_s) on this file: the same target holds.
    report(figure('plain_import_100k_ms', plainMs, 'ms', '<=', IMPORT_100K_TARGET_S * 1000));
    report(figure('history_import_100k_vs_plain_ratio', historyMs / plainMs, 'x', '<=', 1.5));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
