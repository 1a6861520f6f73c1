// The packaged renderer is served from app://fairlead/ instead of file:// (Electron security checklist: prefer a
// custom protocol): only files inside the renderer folder can be read, and every page carries the CSP header.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'fairlead';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Privileges for `protocol.registerSchemesAsPrivileged`: a standard, secure origin (like https) with fetch. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * The file an app:// URL names inside `rootDir`, or null for another host, a path that escapes the folder
 * (`..`, encoded or not, backslashes, NUL) or a URL that does not parse. `/` is the index page.
 */
export function resolveAppFile(url: string, rootDir: string): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (path.includes('\0') || path.includes('\\')) return null;
  const root = resolve(rootDir);
  const file = resolve(join(root, path === '/' ? 'index.html' : path));
  const inside = relative(root, file);
  const escapes = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  if (inside === '' || escapes) return null;
  return file;
}

export interface AppProtocolOptions {
  /** The built renderer folder (out/renderer), inside the asar archive when packaged. */
  readonly rootDir: string;
  /** The Content-Security-Policy header every response carries. */
  readonly contentSecurityPolicy: string;
  /** Reads a file; Electron's fs reads inside the asar archive. Tests pass their own. */
  readonly read?: (path: string) => Promise<Uint8Array>;
}

/** The handler for `protocol.handle(APP_SCHEME, …)`: 404 for anything outside the renderer folder or missing. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const read = options.read ?? readFile;
  const headers = (type: string) => ({
    'content-type': type,
    'content-security-policy': options.contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
  });
  return async (request) => {
    const file = request.method === 'GET' ? resolveAppFile(request.url, options.rootDir) : null;
    if (file) {
      try {
        const body = await read(file);
        const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
        return new Response(new Uint8Array(body), { status: 200, headers: headers(type) });
      } catch {
        // Missing or unreadable: the same answer as a refused path.
      }
    }
    return new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
  };
}
