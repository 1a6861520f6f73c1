// electron/main.ts against a fake Electron (there is no Electron binary here): what it registers and how it opens
// the window, in a packaged production build and in a development build.
import type { MenuItemConstructorOptions } from 'electron';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dataDir = mkdtempSync(join(tmpdir(), 'fairlead-main-'));
  process.env.FAIRLEAD_DB = join(dataDir, 'db', 'fairlead.sqlite');
  const state = {
    dataDir,
    isPackaged: true,
    appListeners: new Map<string, Listener>(),
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    menus: [] as MenuItemConstructorOptions[][],
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    ipcChannels: [] as string[],
    opened: [] as string[],
    switches: [] as [string, string | undefined][],
  };
  const emitter = () => {
    const listeners = new Map<string, Listener>();
    return { listeners, on: (name: string, fn: Listener) => listeners.set(name, fn), once: () => {} };
  };
  class BrowserWindow {
    webContents = { ...emitter(), send: () => {}, setWindowOpenHandler: () => {} };
    record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] };
      state.windows.push(this.record);
    }
    static getAllWindows = () => [];
    maximize() {}
    once() {}
    on() {}
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      name: 'Fairlead',
      requestSingleInstanceLock: () => true,
      quit: () => {},
      on: (name: string, fn: Listener) => state.appListeners.set(name, fn),
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => join(dataDir, name),
      setAppLogsPath: () => {},
      getLocale: () => 'zh-CN',
      commandLine: {
        appendSwitch: (name: string, value?: string) => state.switches.push([name, value]),
      },
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string) => state.ipcChannels.push(channel), removeHandler: () => {} },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => state.menus.push(menu),
    },
    Notification: class {
      static isSupported = () => false;
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (state.permissionCheck = fn),
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: (text: string) => Buffer.from(text),
      decryptString: (data: Buffer) => data.toString(),
    },
    shell: { openExternal: async (url: string) => state.opened.push(url), openPath: async () => '' },
    utilityProcess: { fork: () => ({ on: () => {}, postMessage: () => {}, kill: () => {} }) },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('electron-updater', () => ({ default: { autoUpdater: {} } }));

const { state } = fake;

async function startMain(options: { isPackaged: boolean }) {
  state.isPackaged = options.isPackaged;
  vi.resetModules();
  await import('../../../electron/main');
  await vi.waitFor(() => expect(state.windows).toHaveLength(1));
  return state.windows[0]!;
}

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

/** A fake web contents run through the app's web-contents-created handler. */
function hardenedContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener = () => ({ action: 'allow' });
  const contents = {
    on: (name: string, fn: Listener) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: Listener) => (openHandler = fn),
  };
  state.appListeners.get('web-contents-created')?.({}, contents);
  const isPrevented = (name: string, url?: string) => {
    let prevented = false;
    listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { isPrevented, open: (url: string) => openHandler({ url }) };
}

describe('the Electron main process', () => {
  beforeEach(() => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    state.appListeners.clear();
    state.schemes.length = 0;
    state.protocolHandlers.clear();
    state.menus.length = 0;
    state.windows.length = 0;
    state.ipcChannels.length = 0;
    state.opened.length = 0;
  });
  afterEach(() => {
    delete process.env.ELECTRON_RENDERER_URL;
  });
  afterAll(() => {
    delete process.env.FAIRLEAD_DB;
    rmSync(state.dataDir, { recursive: true, force: true });
  });

  it('in a packaged build loads app:// whatever ELECTRON_RENDERER_URL says, with the production menu', async () => {
    const window = await startMain({ isPackaged: true });
    expect(window.loaded).toEqual(['app://fairlead/index.html']);
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ secure: true }) }]);
    expect(state.menus).toHaveLength(1);
    const roles = flatten(state.menus[0]!).map((item) => item.role?.toLowerCase());
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('toggledevtools');
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      devTools: false,
    });
    expect(String(window.options.icon)).toMatch(/resources[\\/]icon\.png$/);
    expect(state.ipcChannels.length).toBeGreaterThan(10);
    // The desktop PDF report's channel beside the contract's (electron/print-to-pdf.ts).
    expect(state.ipcChannels).toContain('fairlead:print-to-pdf');
    // The renderer's V8 flags, which the kanban benchmark measured (electron/renderer-v8-flags.ts).
    expect(state.switches).toContainEqual(['js-flags', '--max-semi-space-size=1']);
  });

  it('serves app:// with the CSP header and nothing from outside the renderer folder', async () => {
    await startMain({ isPackaged: true });
    const handler = state.protocolHandlers.get('app');
    const response = await handler!(new Request('app://fairlead/%2e%2e%2f%2e%2e%2fpackage.json'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self';");
  });

  it('refuses permissions, webviews, foreign navigation and new windows for every web contents', async () => {
    await startMain({ isPackaged: true });
    expect(state.permissionRequest).not.toBeNull();
    let granted: boolean | null = null;
    state.permissionRequest?.({}, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(state.permissionCheck?.({}, 'notifications')).toBe(false);
    const contents = hardenedContents();
    expect(contents.isPrevented('will-attach-webview')).toBe(true);
    expect(contents.isPrevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.isPrevented('will-redirect', 'http://localhost:5173/')).toBe(true);
    expect(contents.isPrevented('will-navigate', 'app://fairlead/index.html#/leads')).toBe(false);
    expect(contents.open('https://example.com/help')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://example.com/help']);
  });

  it('in an unpackaged development build loads the dev server and keeps the default menu', async () => {
    const window = await startMain({ isPackaged: false });
    expect(window.loaded).toEqual(['http://localhost:5173/']);
    expect(state.menus).toHaveLength(0);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, devTools: true });
  });
});
