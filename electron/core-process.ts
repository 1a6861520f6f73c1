// The core in an Electron utilityProcess: the single writer of the database. Heavy synchronous SQLite work runs
// here, never in the main process or the renderer, so the UI never freezes (shared/architecture.md).
import { startBackupScheduler } from '../core/api/backups/backup-scheduler';
import { createService } from '../core/api/service';
import { startSessionSweeper } from '../core/api/session/session-sweeper';
import { startSlaScheduler } from '../core/scheduler';
import { openDatabase } from '../core/store/open-database';
import { openDurableAcks } from '../core/store/durable-acks';
import { APP_VERSION } from '../core/version';
import { systemCountry } from '../core/system-country';
import { readSetting } from '../core/store/settings';
import { HUB_MODE_SETTING } from '../core/api/network/handlers';
import type { Service } from '../core/api/service';
import { realMdns } from '../core/lan/discovery';
import { createHubModeControl } from '../core/lan/hub-mode';
import { DEFAULT_HUB_PORT, startLanHub } from '../core/lan/lan-hub';
import { dirname } from 'node:path';

/** Workspace setting: whether the desktop app on this PC opens as the team lead without asking. */
const DESKTOP_OPENS_AS_LEAD_SETTING = 'desktop.opensAsTeamLead';
import type { CoreMessage, CoreRequest } from './core-relay';

const parentPort = process.parentPort;
const dbPath = process.argv[2];
/** The built renderer, served to reps who use a browser while hub mode is on. */
const rendererDir = process.argv
  .find((arg) => arg.startsWith('--renderer-dir='))
  ?.slice('--renderer-dir='.length);

function send(message: CoreMessage): void {
  parentPort.postMessage(message);
}

if (!dbPath) {
  send({ type: 'fatal', message: 'The core process was started without a database path.' });
  process.exit(2);
}

try {
  const db = openDatabase(dbPath);
  const country = systemCountry();
  // With hub mode on, answers are acknowledgements to reps: a call that wrote answers once its commit is on disk.
  const durableAcks = openDurableAcks(db);
  // Hub mode (Settings → Network): this PC serves reps' PCs on the office LAN, as `npm run hub -- --lan` does.
  const hubMode = createHubModeControl(() =>
    startLanHub({
      service,
      dataDir: dirname(dbPath),
      port: DEFAULT_HUB_PORT,
      rendererDir: rendererDir ?? null,
      appVersion: APP_VERSION,
      mdns: realMdns,
      now: Date.now(),
    }),
  );
  const service: Service = createService({
    db,
    durableAcks,
    appVersion: APP_VERSION,
    hubMode,
    ...(country ? { systemCountry: country } : {}),
  });
  // On at the last quit: serve the LAN again (a port taken now leaves it off; Settings says why when turned on).
  if (readSetting<boolean>(db, HUB_MODE_SETTING) === true)
    hubMode.set(true).catch((error: unknown) => {
      console.error(`Hub mode could not start: ${error instanceof Error ? error.message : String(error)}`);
    });
  if (process.argv.includes('--demo')) {
    const token = service.openTrustedSession({ role: 'lead' });
    const status = await service.dispatch('workspace.status', {}, { token });
    if (status.ok && (status.value as { isEmpty: boolean }).isEmpty)
      await service.dispatch('workspace.loadDemo', {}, { token });
    await service.dispatch('session.signOut', {}, { token });
  }
  const watchers = new Map<number, () => void>();
  const scheduler = startSlaScheduler({ service });
  // Closes imports a previous run left half done, then backs up once a day (last 7 daily, 4 weekly kept).
  const backups = startBackupScheduler({ db });
  const sweeper = startSessionSweeper({ db });
  parentPort.on('message', (message: { data: CoreRequest }) => {
    const request = message.data;
    if (request?.type === 'openLocalSession') {
      // The desktop on the machine holding the workspace may open as the team lead (on unless turned off).
      const isOn = readSetting<boolean>(db, DESKTOP_OPENS_AS_LEAD_SETTING) ?? true;
      send({
        type: 'session',
        id: request.id,
        token: isOn ? service.openTrustedSession({ role: 'lead' }) : null,
      });
      return;
    }
    if (request?.type === 'watch') {
      watchers.get(request.windowId)?.();
      watchers.delete(request.windowId);
      const session = request.token ? service.resolveSession(request.token) : null;
      if (session) {
        const stop = service.subscribe(
          (event) => send({ type: 'event', windowId: request.windowId, event }),
          session.actor,
        );
        watchers.set(request.windowId, stop);
      }
      return;
    }
    if (request?.type !== 'call') return;
    void service
      .dispatch(request.name, request.input, { token: request.token })
      .then((result) => send({ type: 'result', id: request.id, result }));
  });
  process.on('exit', () => {
    void hubMode.close();
    scheduler.stop();
    backups.stop();
    sweeper.stop();
    durableAcks.close();
    db.close();
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
