// Development-only behaviour (the dev server page, the default menu with Reload and DevTools) is chosen here, from
// two facts an attacker cannot set from outside: the build's mode (electron-vite's import.meta.env.DEV, fixed when
// bundling) and whether Electron runs from a packaged app. Environment variables alone never turn it on.

export interface BuildFacts {
  /** import.meta.env.DEV as electron-vite compiled it: true only under `electron-vite dev`. */
  readonly isDevBuild: boolean;
  /** Electron's app.isPackaged. */
  readonly isPackaged: boolean;
}

/** True only for an unpackaged development build. */
export function isDevelopment(facts: BuildFacts): boolean {
  return facts.isDevBuild && !facts.isPackaged;
}

/**
 * The dev server to load instead of the built renderer: ELECTRON_RENDERER_URL in a development build only, and only
 * an http(s) address on this machine (electron-vite's own server), so a packaged or production build can never be
 * pointed at another page through the environment.
 */
export function resolveDevServerUrl(facts: BuildFacts, env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.ELECTRON_RENDERER_URL;
  if (!isDevelopment(facts) || !value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const isLocal = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLocal ? url.href : null;
}
