// The Electron main process: one window, single instance, the core in a utilityProcess, and the contract
// relayed over IPC. It never opens the database itself.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
  webContents,
  type UtilityProcess,
} from 'electron';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindContractToIpc, IPC_EVENT_CHANNEL } from '../core/api/transport/ipc-binding';
import { isEvent } from '../core/api/transport/client';
import type { PushedEvent } from '../core/api/contract';
import { describeNotification } from '../core/api/notifications/text';
import { CORE_V8_FLAGS } from '../core/core-v8-flags';
import { resolveDatabasePath } from '../core/data-dir';
import { ensurePrivateDirSync } from '../core/fs-private';
import { buildProductionMenu } from './app-menu';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { isDevelopment, resolveDevServerUrl } from './build-mode';
import { rendererJsFlags } from './renderer-v8-flags';
import { buildContentSecurityPolicy } from './content-security-policy';
import { createWindowSessions } from './window-sessions';
import { createHubConnection } from './hub-connection';
import { createSafeDeviceStore } from './safe-device-store';
import { connectRepClient } from '../core/lan/rep-client';
import { pairWithHub, probeHub } from '../core/lan/rep-pairing';
import { createCoreRelay, type CoreMessage, type CoreRelay } from './core-relay';
import { bindPrintToPdf } from './print-to-pdf';
import { refuseAllPermissions } from './session-hardening';
import { isTrustedRendererUrl } from './trusted-url';
import { readUpdateFeed, checkForUpdates } from './updater';
import { loadWindowState, saveWindowState } from './window-state';
import { buildWebPreferences, isSafeExternalUrl } from './window-options';
import electronUpdater from 'electron-updater';

const here = dirname(fileURLToPath(import.meta.url));
// import.meta.env is replaced by electron-vite at build time; read with ?. so an unbundled run counts as production.
const buildFacts = { isDevBuild: import.meta.env?.DEV === true, isPackaged: app.isPackaged };
const isDevBuild = isDevelopment(buildFacts);
const devServerUrl = resolveDevServerUrl(buildFacts);
const isTrusted = (url: string) => isTrustedRendererUrl(url, { appUrl: APP_INDEX_URL, devServerUrl });
// Must happen before the app is ready: app:// then behaves as a secure origin (electron/app-protocol.ts).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let mainWindow: BrowserWindow | null = null;

/** The window's session lives here, not in the page; a window idle this long signs out (the idle lock). */
const IDLE_LOCK_MS = 30 * 60_000;
/** Drops a closed window's session and event feed. */
let forgetWindow: ((windowId: number) => void) | null = null;

/**
 * Notifications for whoever this window is acting as (team lead or a signed-in rep) as native desktop
 * notifications; a click brings the window forward and opens the lead, told to the renderer as a contract event.
 */
function showDesktopNotification(event: PushedEvent, recipient: string | null): void {
  if (!isEvent(event, 'notifications.new') || event.payload.recipient !== recipient) return;
  if (!Notification.isSupported()) return;
  const { leadId } = event.payload;
  const notice = new Notification(describeNotification(event.payload, app.getLocale()));
  notice.on('click', () => {
    const window = mainWindow;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    if (leadId !== null) {
      const opened: PushedEvent<'notifications.opened'> = {
        event: 'notifications.opened',
        payload: { leadId },
      };
      window.webContents.send(IPC_EVENT_CHANNEL, opened);
    }
  });
  notice.show();
}
let core: UtilityProcess | null = null;

function startCore(): CoreRelay {
  const dbFlag = process.argv.find((arg) => arg.startsWith('--db='))?.slice('--db='.length);
  const dbPath = resolveDatabasePath(dbFlag);
  // The app's own data folder is tightened to its user; a folder named with --db or FAIRLEAD_DB only if new.
  ensurePrivateDirSync(dirname(dbPath), { tightenExisting: dirname(dbPath) === app.getPath('userData') });
  const args = [
    dbPath,
    `--renderer-dir=${join(here, '../renderer')}`,
    ...(process.argv.includes('--demo') ? ['--demo'] : []),
  ];
  core = utilityProcess.fork(join(here, 'core-process.js'), args, {
    serviceName: 'Fairlead core',
    execArgv: [...CORE_V8_FLAGS],
  });
  const listeners = new Set<(message: CoreMessage) => void>();
  core.on('message', (message: CoreMessage) => {
    if (message.type === 'fatal') console.error(`Fairlead core: ${message.message}`);
    for (const listener of listeners) listener(message);
  });
  const relay = createCoreRelay({
    postMessage: (message) => core?.postMessage(message),
    onMessage: (listener) => listeners.add(listener),
  });
  core.on('exit', (code) => {
    relay.failPending(`The Fairlead core stopped (exit code ${code}).`);
    core = null;
  });
  return relay;
}

function createWindow(): BrowserWindow {
  const state = loadWindowState(app.getPath('userData'));
  const window = new BrowserWindow({
    ...state,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Fairlead',
    // Packaged next to out/ (electron-builder.yml `files`); Windows and macOS take the installer's icon.
    icon: join(here, '../../resources/icon.png'),
    webPreferences: buildWebPreferences({
      preloadPath: join(here, '../preload/index.cjs'),
      isDevelopment: isDevBuild,
    }),
  });
  if (state.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    saveWindowState(app.getPath('userData'), { ...bounds, isMaximized: window.isMaximized() });
  });
  void window.loadURL(devServerUrl ?? APP_INDEX_URL);
  const windowId = window.webContents.id;
  window.webContents.once('destroyed', () => forgetWindow?.(windowId));
  return window;
}

/** The production menu (no Reload, no DevTools) and the renderer's locked-down session; dev keeps the default. */
function hardenApp(): void {
  app.setAppLogsPath();
  if (!isDevBuild) {
    const logs = app.getPath('logs');
    const openLogsFolder = () => {
      ensurePrivateDirSync(logs, { tightenExisting: true });
      void shell.openPath(logs);
    };
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildProductionMenu({ platform: process.platform, appName: app.name, openLogsFolder }),
      ),
    );
  }
  refuseAllPermissions(session.defaultSession);
  // The hub's origin joins connect-src once this PC is paired with one (issue #13's "connect to a hub" mode).
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: join(here, '../renderer'),
      contentSecurityPolicy: buildContentSecurityPolicy({ hubOrigin: null }),
    }),
  );
}

// Before the app is ready, so the window's renderer starts with them (electron/renderer-v8-flags.ts).
app.commandLine.appendSwitch('js-flags', rendererJsFlags());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, not only the main window's: no <webview>, navigation only to our own pages, no new windows
  // (web links open in the system browser).
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      if (!isTrusted(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isTrusted(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  void app.whenReady().then(() => {
    hardenApp();
    ensurePrivateDirSync(app.getPath('userData'), { tightenExisting: true });
    const relay = startCore();
    const sessions = createWindowSessions({
      clock: Date.now,
      idleLockMs: IDLE_LOCK_MS,
      openInitial: () => relay.openLocalSession(),
      signOut: async (token) => {
        await relay.dispatch('session.signOut', {}, token);
      },
    });
    const watched = new Map<number, string | null>();
    async function dispatchLocal(name: string, input: unknown, windowId: number) {
      const token = await sessions.tokenFor(windowId);
      const result = sessions.observe(windowId, name, await relay.dispatch(name, input, token));
      // Each window hears only what its own session may see, re-scoped whenever it signs in or out.
      const current = await sessions.tokenFor(windowId);
      if (watched.get(windowId) !== current) {
        watched.set(windowId, current);
        relay.watch(windowId, current);
      }
      return result;
    }
    // A rep's PC connected to the team's hub relays every call there; the pairing is in protected storage.
    const hub = createHubConnection({
      store: createSafeDeviceStore(app.getPath('userData'), safeStorage, (message) => console.warn(message)),
      pair: pairWithHub,
      probe: probeHub,
      connect: (store) => connectRepClient(store),
      local: dispatchLocal,
      onEvent: (event) => {
        for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT_CHANNEL, event);
        showDesktopNotification(event, isEvent(event, 'notifications.new') ? event.payload.recipient : null);
      },
    });
    void hub.start();
    bindContractToIpc(ipcMain, (name, input, windowId) => hub.dispatch(name, input, windowId), isTrusted);
    bindPrintToPdf({
      ipcMain,
      isTrustedFrameUrl: isTrusted,
      contentsOf: (id) => webContents.fromId(id) ?? null,
      showSaveDialog: (id, options) => {
        const contents = webContents.fromId(id);
        const window = contents === undefined ? null : BrowserWindow.fromWebContents(contents);
        return window === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(window, options);
      },
      writeFile: (path, data) => writeFile(path, data),
      defaultFolder: () => app.getPath('documents'),
      joinPath: join,
    });
    forgetWindow = (windowId) => {
      sessions.forget(windowId);
      watched.delete(windowId);
      relay.watch(windowId, null);
    };
    relay.onEvent((windowId, event) => {
      if (hub.isRemote()) return;
      const window = BrowserWindow.getAllWindows().find((w) => w.webContents.id === windowId);
      if (!window) return;
      window.webContents.send(IPC_EVENT_CHANNEL, event);
      showDesktopNotification(event, sessions.recipientOf(windowId));
    });
    mainWindow = createWindow();
    // Air-gapped by default: only a feed the team configured (file share or LAN URL) is ever asked for updates.
    void checkForUpdates(electronUpdater.autoUpdater, readUpdateFeed(app.getPath('userData'))).catch(
      (error: unknown) => console.error(`Fairlead update check failed: ${String(error)}`),
    );
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    core?.kill();
  });
}
