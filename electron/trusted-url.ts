// Which pages may call Fairlead over IPC or be navigated to: the app's own page, or the dev server in development.
export interface TrustedUrlOptions {
  /** The packaged renderer page, e.g. file:///…/out/renderer/index.html; null in development. */
  readonly appFileUrl?: string | null;
  /** electron-vite's dev server, e.g. http://localhost:5173; null when packaged. */
  readonly devServerUrl: string | null;
}

export function isTrustedRendererUrl(url: string, options: TrustedUrlOptions): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (options.devServerUrl) {
    const dev = new URL(options.devServerUrl);
    if (parsed.protocol === dev.protocol && parsed.host === dev.host) return true;
  }
  if (parsed.protocol === 'file:' && options.appFileUrl) {
    const app = new URL(options.appFileUrl);
    return parsed.pathname === app.pathname;
  }
  return false;
}
