// The HTTP + WebSocket transport, generated from the contract: POST /api/<call>, GET /api/events (push),
// GET /api/health, and the built renderer for everything else.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiErrorData, CallResult } from '../api/contract';
import type { Service } from '../api/service';
import { readSchemaVersion } from '../store/open-database';

export const SESSION_HEADER = 'x-fairlead-session';
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Calls that carry a whole file (base64) get a bigger allowance. */
const MAX_UPLOAD_BODY_BYTES = 400 * 1024 * 1024;
const UPLOAD_CALLS: ReadonlySet<string> = new Set(['import.upload', 'backups.restoreUpload']);

/** Production CSP: no remote content; Mantine injects <style> for its CSS variables, hence 'unsafe-inline' styles. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const STATUS_OF: Record<ApiErrorData['code'], number> = {
  invalid_input: 400,
  not_found: 404,
  unknown_call: 404,
  forbidden: 403,
  conflict: 409,
  internal: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface HubOptions {
  readonly service: Service;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Folder of the built renderer (index.html); without one only the API is served. */
  readonly rendererDir?: string | null;
  readonly appVersion?: string;
  /**
   * Answer only loopback clients until LAN pairing exists, so a hub bound to 0.0.0.0 by mistake leaks nothing.
   */
  readonly loopbackOnly?: boolean;
}

export interface RunningHub {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

function isLoopback(address: string | undefined): boolean {
  return (
    address === '127.0.0.1' ||
    address === '::1' ||
    address === '::ffff:127.0.0.1' ||
    !!address?.startsWith('127.')
  );
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(res: ServerResponse, rendererDir: string, pathname: string): void {
  const securityHeaders = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    res.writeHead(400).end();
    return;
  }
  let file = join(rendererDir, relative);
  if (!file.startsWith(rendererDir + sep) && file !== rendererDir) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) file = join(rendererDir, 'index.html'); // client-side routes
  if (!existsSync(file)) {
    res
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      .end('The renderer is not built: run npm run build:renderer.');
    return;
  }
  const isHtml = file.endsWith('.html');
  res.writeHead(200, {
    ...securityHeaders,
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': isHtml ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(res);
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const { service } = options;
  const loopbackOnly = options.loopbackOnly ?? true;
  const rendererDir = options.rendererDir ? normalize(options.rendererDir) : null;
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });

  const unsubscribe = service.subscribe((event) => {
    const text = JSON.stringify(event);
    for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(text);
  });

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/api/health' && req.method === 'GET') {
      sendJson(res, 200, {
        ok: true,
        version: options.appVersion ?? '0.1.0',
        schemaVersion: readSchemaVersion(service.db),
      });
      return;
    }
    const name = pathname.slice('/api/'.length);
    if (req.method !== 'POST') {
      sendJson(res, 404, {
        ok: false,
        error: { code: 'unknown_call', message: `No route ${req.method} ${pathname}.` },
      });
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req, UPLOAD_CALLS.has(name) ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES);
      input = body.length === 0 ? {} : (JSON.parse(body) as unknown);
    } catch (error) {
      const message =
        error instanceof Error && error.message === 'body too large'
          ? 'The request body is too large.'
          : 'The request body is not valid JSON.';
      sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message } });
      return;
    }
    const tokenHeader = req.headers[SESSION_HEADER];
    const token = typeof tokenHeader === 'string' && tokenHeader.length > 0 ? tokenHeader : null;
    const result: CallResult<unknown> = await service.dispatch(name, input, { token });
    sendJson(res, result.ok ? 200 : STATUS_OF[result.error.code], result);
  }

  const server: Server = createServer((req, res) => {
    if (loopbackOnly && !isLoopback(req.socket.remoteAddress)) {
      sendJson(res, 403, {
        ok: false,
        error: { code: 'forbidden', message: 'This hub answers this computer only.' },
      });
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname.startsWith('/api/')) {
      handleApi(req, res, pathname).catch((error: unknown) => {
        sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (!rendererDir) {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('No renderer is served by this hub.');
      return;
    }
    serveStatic(res, rendererDir, pathname);
  });

  // Authenticate in the upgrade handler, before a socket exists (shared/pitfalls.md).
  server.on('upgrade', (req, socket, head) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname !== '/api/events' || (loopbackOnly && !isLoopback(req.socket.remoteAddress))) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', () => undefined); // push-only feed: client messages are ignored
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 5174, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    async close() {
      unsubscribe();
      for (const socket of sockets) socket.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
