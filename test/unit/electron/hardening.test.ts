// The main process's security settings, checked without an Electron binary: pure builders and fakes.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildProductionMenu, OPEN_LOGS_ACCELERATOR } from '../../../electron/app-menu';
import { isDevelopment, resolveDevServerUrl } from '../../../electron/build-mode';
import { buildContentSecurityPolicy } from '../../../electron/content-security-policy';
import { refuseAllPermissions } from '../../../electron/session-hardening';
import { isTrustedRendererUrl } from '../../../electron/trusted-url';
import { buildWebPreferences, isSafeExternalUrl } from '../../../electron/window-options';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const production = { isDevBuild: false, isPackaged: true };
const devServer = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };

describe('the production menu', () => {
  it.each(['win32', 'darwin', 'linux'] as const)('has no Reload and no DevTools on %s', (platform) => {
    const items = flatten(buildProductionMenu({ platform, appName: 'Fairlead', openLogsFolder: () => {} }));
    const roles = items.map((item) => item.role?.toLowerCase());
    for (const role of ['reload', 'forcereload', 'toggledevtools', 'viewmenu', 'filemenu'])
      expect(roles).not.toContain(role);
    expect(items.map((item) => item.accelerator)).not.toContain('CmdOrCtrl+R');
    expect(roles).toContain('copy');
    expect(roles).toContain('paste');
  });

  it('hides an "open logs folder" item that still answers its shortcut', () => {
    let opened = 0;
    const items = flatten(
      buildProductionMenu({ platform: 'win32', appName: 'Fairlead', openLogsFolder: () => (opened += 1) }),
    );
    const logs = items.find((item) => item.label === 'Open logs folder');
    expect(logs).toMatchObject({ visible: false, acceleratorWorksWhenHidden: true });
    expect(logs?.accelerator).toBe(OPEN_LOGS_ACCELERATOR);
    (logs?.click as () => void)();
    expect(opened).toBe(1);
  });
});

describe('development-only behaviour', () => {
  it('is on only for an unpackaged development build', () => {
    expect(isDevelopment({ isDevBuild: true, isPackaged: false })).toBe(true);
    expect(isDevelopment({ isDevBuild: true, isPackaged: true })).toBe(false);
    expect(isDevelopment({ isDevBuild: false, isPackaged: false })).toBe(false);
    expect(isDevelopment(production)).toBe(false);
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged or production build', () => {
    expect(resolveDevServerUrl(production, devServer)).toBeNull();
    expect(resolveDevServerUrl({ isDevBuild: false, isPackaged: false }, devServer)).toBeNull();
    expect(resolveDevServerUrl({ isDevBuild: true, isPackaged: true }, devServer)).toBeNull();
    expect(resolveDevServerUrl({ isDevBuild: true, isPackaged: false }, devServer)).toBe(
      'http://localhost:5173/',
    );
  });

  it.each(['https://evil.example/', 'file:///tmp/x.html', 'javascript:alert(1)', 'not a url', ''])(
    'refuses a dev server that is not on this machine: %s',
    (value) => {
      expect(
        resolveDevServerUrl({ isDevBuild: true, isPackaged: false }, { ELECTRON_RENDERER_URL: value }),
      ).toBeNull();
    },
  );
});

describe('the window', () => {
  it('is isolated, sandboxed and without Node, and has DevTools only in development', () => {
    const prefs = buildWebPreferences({ preloadPath: '/app/preload/index.cjs', isDevelopment: false });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(buildWebPreferences({ preloadPath: '/p.cjs', isDevelopment: true }).devTools).toBe(true);
  });

  it.each([
    ['https://example.com/docs', true],
    ['http://192.168.1.10/', true],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['smb://server/share', false],
    ['javascript:alert(1)', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['https://user@evil.example/', false],
    ['nonsense', false],
  ])('opens %s in the system browser: %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });

  it('refuses every permission request and check', () => {
    const answers: boolean[] = [];
    let check: (() => boolean) | null = null;
    refuseAllPermissions({
      setPermissionRequestHandler: (handler) =>
        handler?.({} as never, 'media', (granted) => answers.push(granted), {} as never),
      setPermissionCheckHandler: (handler) => {
        check = handler as () => boolean;
      },
    });
    expect(answers).toEqual([false]);
    expect(check).not.toBeNull();
    expect((check as unknown as () => boolean)()).toBe(false);
  });

  it('trusts its own app:// page and the dev server only when one is given', () => {
    const options = { appUrl: 'app://fairlead/index.html', devServerUrl: null };
    expect(isTrustedRendererUrl('app://fairlead/index.html#/leads', options)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/', options)).toBe(false);
    expect(
      isTrustedRendererUrl('http://localhost:5173/', { ...options, devServerUrl: 'http://localhost:5173' }),
    ).toBe(true);
  });
});

describe('the Content-Security-Policy', () => {
  const directive = (csp: string, name: string) =>
    csp
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${name} `));

  it('lets the page connect to the app itself only', () => {
    const csp = buildContentSecurityPolicy();
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|\bws:|\bwss:(?!\/\/)|\*/);
  });

  it('adds the paired hub, over https and wss, and nothing else', () => {
    const csp = buildContentSecurityPolicy({ hubOrigin: 'https://192.168.1.10:5174' });
    expect(directive(csp, 'connect-src')).toBe(
      "connect-src 'self' https://192.168.1.10:5174 wss://192.168.1.10:5174",
    );
  });

  it.each([
    'http://192.168.1.10:5174',
    'https://hub.local/path',
    'https:',
    'wss://hub.local',
    'https://*.example',
  ])('refuses a hub origin that would widen the policy: %s', (hubOrigin) => {
    expect(() => buildContentSecurityPolicy({ hubOrigin })).toThrow();
  });
});
