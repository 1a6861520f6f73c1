// The main window's web preferences, in one place so a test can hold every Electron security checklist setting.
import type { WebPreferences } from 'electron';

export function buildWebPreferences(options: {
  readonly preloadPath: string;
  readonly isDevelopment: boolean;
}): WebPreferences {
  return {
    preload: options.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // DevTools exist only in a development build; the production menu has no entry for them either.
    devTools: options.isDevelopment,
    spellcheck: false,
  };
}

/** Only web pages leave the app, and they open in the system browser (never file:, smb:, custom schemes). */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '';
  } catch {
    return false;
  }
}
