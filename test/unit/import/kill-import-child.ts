// Child process for the crash test: imports a CSV into a database through the service and reports progress on
// stdout, until the parent kills it with SIGKILL (or it finishes).
import { readFileSync } from 'node:fs';
import { isEvent } from '../../../core/api/transport/client';
import { createService } from '../../../core/api/service';
import { openDatabase } from '../../../core/store/open-database';

const [dbPath, csvPath] = process.argv.slice(2);
if (!dbPath || !csvPath) throw new Error('usage: kill-import-child <db> <csv>');
const db = openDatabase(dbPath);
const service = createService({ db });
service.subscribe((event) => {
  if (isEvent(event, 'jobs.progress') && event.payload.kind === 'import')
    process.stdout.write(`${event.payload.state} ${event.payload.done}\n`);
});
const upload = await service.dispatch('import.upload', {
  fileName: 'big.csv',
  contentBase64: readFileSync(csvPath).toString('base64'),
});
if (!upload.ok) throw new Error(upload.error.message);
const { uploadId } = upload.value as { uploadId: string };
const analysis = await service.dispatch('import.analyze', { uploadId });
if (!analysis.ok) throw new Error(analysis.error.message);
const { analysisId, validRows } = analysis.value as { analysisId: string; validRows: number };
process.stdout.write(`valid ${validRows}\n`);
const job = await service.dispatch('import.commit', { uploadId, analysisId, duplicateAction: 'merge' });
if (!job.ok) throw new Error(job.error.message);
const done = await service.jobs.waitFor((job.value as { id: string }).id);
process.stdout.write(`finished ${done.state}\n`);
db.close();
