// The headless hub: `npm run hub` opens the database, serves the API and the built renderer on the LAN transport.
import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBackupScheduler } from './api/backups/backup-scheduler';
import { createService } from './api/service';
import { createAdjustableClock } from './api/dev/test-clock';
import { startSlaScheduler } from './scheduler';
import { startSessionSweeper } from './api/session/session-sweeper';
import { defaultDataDir, resolveDatabasePath } from './data-dir';
import { ensurePrivateDirSync } from './fs-private';
import { startHub } from './lan/hub-server';
import { openDatabase } from './store/open-database';
import { openDurableAcks } from './store/durable-acks';
import { realMdns } from './lan/discovery';
import { DEFAULT_HUB_PORT, startLanHub } from './lan/lan-hub';
import { APP_VERSION } from './version';
import { systemCountry } from './system-country';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    demo: { type: 'boolean', default: false },
    'renderer-dir': { type: 'string' },
    // Lets e2e tests move the hub's clock (dev.advanceClock); never for real use.
    'test-hooks': { type: 'boolean', default: false },
    // LAN mode: HTTPS/WSS for reps' PCs on the office network, with the hub's own CA; off by default.
    lan: { type: 'boolean', default: false },
    // Extra names and addresses the LAN hub answers to (comma-separated); its host name and LAN addresses by default.
    names: { type: 'string' },
    'no-mdns': { type: 'boolean', default: false },
  },
  strict: true,
});

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(values.port ?? process.env.FAIRLEAD_PORT ?? DEFAULT_HUB_PORT);
const isLan = values.lan;
const host = values.host ?? process.env.FAIRLEAD_HOST ?? (isLan ? '0.0.0.0' : '127.0.0.1');
const dbPath = resolveDatabasePath(values.db);
// Run from source (core/host.ts) or built (out/hub/host.mjs, scripts/hub.mjs): the renderer is out/renderer either way.
const rendererDir = resolve(
  values['renderer-dir'] ??
    [join(here, '..', 'out', 'renderer'), join(here, '..', 'renderer')].find((dir) =>
      existsSync(join(dir, 'index.html')),
    ) ??
    join(here, '..', 'out', 'renderer'),
);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not ${values.port}`);
  process.exit(2);
}

let db: Database;
try {
  // Fairlead's own data folder is tightened to this user; a folder named with --db is only made private if new.
  if (dirname(resolve(dbPath)) === defaultDataDir())
    ensurePrivateDirSync(defaultDataDir(), { tightenExisting: true });
  db = openDatabase(dbPath);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const testClock = values['test-hooks'] ? createAdjustableClock() : null;
const country = systemCountry();
// The hub's answers are acknowledgements to reps: a call that wrote answers once its commit is on disk.
const durableAcks = openDurableAcks(db);
const service = createService({
  db,
  durableAcks,
  appVersion: APP_VERSION,
  ...(country ? { systemCountry: country } : {}),
  ...(testClock ? { clock: testClock.clock } : {}),
});
if (values.demo) {
  // The host itself is trusted: it loads the demo as the team lead.
  const token = service.openTrustedSession({ role: 'lead' });
  const status = await service.dispatch('workspace.status', {}, { token });
  if (status.ok && (status.value as { isEmpty: boolean }).isEmpty) {
    const loaded = await service.dispatch('workspace.loadDemo', {}, { token });
    if (!loaded.ok) console.error(`Could not load the demo workspace: ${loaded.error.message}`);
  }
  await service.dispatch('session.signOut', {}, { token });
}

/** --names, else startLanHub's default: this computer's host name and LAN addresses. */
const lanNames = values.names
  ?.split(',')
  .map((n) => n.trim())
  .filter(Boolean);
const served = existsSync(join(rendererDir, 'index.html')) ? rendererDir : null;
const lanHub = isLan
  ? await startLanHub({
      service,
      dataDir: dirname(dbPath),
      ...(lanNames ? { names: lanNames } : {}),
      host,
      port,
      rendererDir: served,
      appVersion: APP_VERSION,
      mdns: values['no-mdns'] ? null : realMdns,
      now: Date.now(),
    })
  : null;
const hub = lanHub ?? (await startHub({ service, host, port, rendererDir: served, appVersion: APP_VERSION }));
const scheduler = startSlaScheduler({
  service,
  onError: (message) => console.error(`SLA scheduler: ${message}`),
});
// Closes imports a previous run left half done, then backs up once a day (last 7 daily, 4 weekly kept).
const backups = startBackupScheduler({
  db,
  ...(testClock ? { clock: testClock.clock } : {}),
  onError: (error) => console.error(`Backup: ${error instanceof Error ? error.message : String(error)}`),
});
// Sessions that ended over a week ago are dropped at start and every six hours.
const sweeper = startSessionSweeper({
  db,
  ...(testClock ? { clock: testClock.clock } : {}),
  onError: (error) => console.error(`Sessions: ${error instanceof Error ? error.message : String(error)}`),
});
console.log(`Fairlead hub ${APP_VERSION} listening on ${hub.url} (database: ${dbPath})`);
if (lanHub) {
  console.log(
    `LAN mode: HTTPS for ${lanHub.names.join(', ')}; CA fingerprint (SHA-256) ${lanHub.caFingerprint256}`,
  );
  console.log(`Chromium pin for tests: --ignore-certificate-errors-spki-list=${lanHub.serverSpkiSha256}`);
}
// As Jupyter does: a one-time link that signs this computer's browser in as the team lead (15 minutes).
console.log(`Sign in as the team lead: ${hub.url}/#signin=${service.createSignInLink()}`);

function shutdown(): void {
  scheduler.stop();
  backups.stop();
  sweeper.stop();
  void hub.close().then(() => {
    durableAcks.close();
    db.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
