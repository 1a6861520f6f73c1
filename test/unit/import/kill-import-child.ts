// Child process for the crash test: imports a CSV into a database through the service and reports progress on
// stdout, until the parent kills it with SIGKILL (or it finishes).
import { readFileSync } from 'node:fs';
import { isEvent } from '../../../core/api/transport/client';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import { createService } from '../../../core/api/service';
import { openDatabase } from '../../../core/store/open-database';

const [dbPath, csvPath] = process.argv.slice(2);
if (!dbPath || !csvPath) throw new Error('usage: kill-import-child <db> <csv>');
const db = openDatabase(dbPath);
const service = createService({ db });
// Every call runs as a person: the team lead, as the desktop app on the workspace's own machine does.
const client = createInProcessClient(service, { as: { role: 'lead' } });
client.subscribe((event) => {
  if (isEvent(event, 'jobs.progress') && event.payload.kind === 'import')
    process.stdout.write(`${event.payload.state} ${event.payload.done}\n`);
});
const { uploadId } = await client.call('import.upload', {
  fileName: 'big.csv',
  contentBase64: readFileSync(csvPath).toString('base64'),
});
const { analysisId, validRows } = await client.call('import.analyze', { uploadId });
process.stdout.write(`valid ${validRows}\n`);
const job = await client.call('import.commit', { uploadId, analysisId, duplicateAction: 'merge' });
const done = await service.jobs.waitFor(job.id);
process.stdout.write(`finished ${done.state}\n`);
db.close();
