// Child process for the job crash tests: starts one background job of the given kind through the service, then
// kills itself with SIGKILL at a set point of the job (as a crash or power loss would), leaving the parent to open
// the same database in a fresh service.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEvent } from '../../../core/api/transport/client';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import { createService } from '../../../core/api/service';
import { openDatabase } from '../../../core/store/open-database';

const [dbPath, kind, dir] = process.argv.slice(2);
if (!dbPath || !kind || !dir) throw new Error('usage: job-kill-child <db> <kind> <dir>');
const db = openDatabase(dbPath);
const service = createService({ db });
const client = createInProcessClient(service, { as: { role: 'lead' } });
const die = () => process.kill(process.pid, 'SIGKILL');

await client.call('workspace.loadDemo', {});
if (kind === 'distribute') {
  // 2,000 new leads through an import: the distribution job after it goes 500 leads per transaction.
  let csv = '姓名,手机,公司\r\n';
  for (let i = 0; i < 2_000; i += 1) csv += `新客户${i},137${String(i).padStart(8, '0')},新公司${i}\r\n`;
  const upload = await client.call('import.upload', {
    fileName: 'new.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
  });
  const analysis = await client.call('import.analyze', { uploadId: upload.uploadId });
  // Killed once the first chunk of owners is committed: the rest are still unassigned.
  service.subscribe((event) => {
    if (isEvent(event, 'jobs.progress') && event.payload.kind === 'distribute' && event.payload.done > 0)
      die();
  });
  await client.call('import.commit', {
    uploadId: upload.uploadId,
    analysisId: analysis.analysisId,
    duplicateAction: 'merge',
  });
} else {
  // Killed as the job's first step is about to run: its row says running, nothing of it is written yet.
  service.subscribe((event) => {
    if (isEvent(event, 'jobs.progress') && event.payload.state === 'running') die();
  });
  if (kind === 'rescore') {
    const { model } = await client.call('scoring.getModel', {});
    await client.call('scoring.saveModel', { model: { ...model, thresholds: { a: 90, b: 80, c: 70 } } });
  } else if (kind === 'train') {
    await client.call('scoring.train', { seed: 3 });
  } else if (kind === 'replay') {
    await client.call('distribution.replay', { from: '2026-01-01', to: '2026-12-31' });
  } else if (kind === 'backup') {
    // A half-written copy and a checked copy's journal files, as a crash mid-backup leaves them.
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'backups', 'fairlead-manual-20261123-020000.sqlite.partial'), 'half');
    writeFileSync(join(dir, 'backups', 'fairlead-daily-20261122-020000.sqlite-wal'), '');
    // The copy runs off this thread's steps: killed as soon as its job is running.
    void client.call('backups.create', {});
    const poll = setInterval(() => {
      if (service.jobs.list().some((job) => job.kind === 'backup' && job.state === 'running')) {
        clearInterval(poll);
        die();
      }
    }, 1);
  }
}
// Every kind dies from its own trigger above; this only stops a child whose trigger never came.
setTimeout(() => process.exit(3), 60_000);
