// Which pages may call Fairlead over IPC or be navigated to: the app's own pages (app://fairlead/…), or the dev
// server in a development build.
export interface TrustedUrlOptions {
  /** The packaged renderer page, app://fairlead/index.html (electron/app-protocol.ts). */
  readonly appUrl: string;
  /** electron-vite's dev server, e.g. http://localhost:5173; null unless this is a development build. */
  readonly devServerUrl: string | null;
}

export function isTrustedRendererUrl(url: string, options: TrustedUrlOptions): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const trusted = [options.appUrl, ...(options.devServerUrl ? [options.devServerUrl] : [])].map(
    (t) => new URL(t),
  );
  return trusted.some(
    (t) =>
      parsed.protocol === t.protocol &&
      parsed.host === t.host &&
      parsed.username === '' &&
      parsed.password === '',
  );
}
