// The core in an Electron utilityProcess: the single writer of the database. Heavy synchronous SQLite work runs
// here, never in the main process or the renderer, so the UI never freezes (shared/architecture.md).
import { startBackupScheduler } from '../core/api/backups/backup-scheduler';
import { createService } from '../core/api/service';
import { startSlaScheduler } from '../core/scheduler';
import { openDatabase } from '../core/store/open-database';
import { APP_VERSION } from '../core/version';
import type { CoreMessage, CoreRequest } from './core-relay';

const parentPort = process.parentPort;
const dbPath = process.argv[2];

function send(message: CoreMessage): void {
  parentPort.postMessage(message);
}

if (!dbPath) {
  send({ type: 'fatal', message: 'The core process was started without a database path.' });
  process.exit(2);
}

try {
  const db = openDatabase(dbPath, { synchronous: 'NORMAL' });
  const service = createService({ db, appVersion: APP_VERSION });
  if (process.argv.includes('--demo')) {
    const status = await service.dispatch('workspace.status', {});
    if (status.ok && (status.value as { isEmpty: boolean }).isEmpty)
      await service.dispatch('workspace.loadDemo', {});
  }
  service.subscribe((event) => send({ type: 'event', event }));
  const scheduler = startSlaScheduler({ service });
  // Closes imports a previous run left half done, then backs up once a day (last 7 daily, 4 weekly kept).
  const backups = startBackupScheduler({ db });
  parentPort.on('message', (message: { data: CoreRequest }) => {
    const request = message.data;
    if (request?.type !== 'call') return;
    void service
      .dispatch(request.name, request.input, { token: request.token })
      .then((result) => send({ type: 'result', id: request.id, result }));
  });
  process.on('exit', () => {
    scheduler.stop();
    backups.stop();
    db.close();
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
