// The hub's server: the contract over HTTP(S) (core/api/transport/http-transport.ts), the scoped WebSocket push feed
// at /api/events, /api/health, and the built renderer for everything else. Only the hub's own host names are
// served; nothing answers another Host (DNS rebinding) or a foreign Origin.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { refusalData, TRANSPORT_ERRORS } from '../api/errors';
import type { Service } from '../api/service';
import {
  createApiHandler,
  isForeignOrigin,
  isOwnHost,
  sendJson,
  sessionTokenOf,
  type HubIdentity,
} from '../api/transport/http-transport';
import { findDatabaseWriteProblem } from '../store/database-health';
import { readSchemaVersion } from '../store/open-database';

export { SESSION_HEADER } from '../api/transport/http-transport';

/** Production CSP: no remote content; Mantine injects <style> for its CSS variables, hence 'unsafe-inline' styles. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

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

/** Messages a push-feed client may send (it should send none) before it is closed. */
const WS_ABUSE_LIMIT = 3;
/** Close code for a session that ended (sign-out, revocation, deactivation). */
export const WS_SESSION_ENDED = 4401;

export interface HubOptions {
  readonly service: Service;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Folder of the built renderer (index.html); without one only the API is served. */
  readonly rendererDir?: string | null;
  readonly appVersion?: string;
  /** Serve HTTPS/WSS with this certificate (LAN mode); plain HTTP otherwise (this computer only). */
  readonly tls?: { readonly key: string; readonly cert: string } | null;
  /**
   * Host names (without port) this hub answers to besides the loopback names, e.g. its LAN address and mDNS name.
   * Without LAN mode only loopback clients are answered.
   */
  readonly hostNames?: readonly string[];
  /** The hub CA's certificate, served at /api/ca.pem for pairing clients and office IT. */
  readonly caCertPem?: string;
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

function serveStatic(res: ServerResponse, rendererDir: string, pathname: string): void {
  const securityHeaders = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
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
  const isLan = (options.hostNames?.length ?? 0) > 0;
  const rendererDir = options.rendererDir ? normalize(options.rendererDir) : null;
  const sockets = new Map<WebSocket, { readonly tokenHash: string; readonly unsubscribe: () => void }>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const scheme = options.tls ? 'https' : 'http';
  const names = ['127.0.0.1', 'localhost', '[::1]', ...(options.hostNames ?? [])].map((n) => n.toLowerCase());
  // Built once the port is known (every request checks them); nothing is served before.
  let hosts: ReadonlySet<string> = new Set();
  let origins: ReadonlySet<string> = new Set();
  const identity: HubIdentity = {
    hosts: () => hosts,
    origins: () => origins,
    isHttps: options.tls != null,
  };
  const handleCall = createApiHandler({ service, identity, repSignInNeedsDevice: isLan });

  // A revoked session's feed closes at once.
  const stopRevoked = service.sessions.onRevoked((hashes) => {
    const ended = new Set(hashes);
    for (const [socket, info] of sockets) {
      if (ended.has(info.tokenHash)) socket.close(WS_SESSION_ENDED, 'session ended');
    }
  });

  function refuseOutsider(req: IncomingMessage, res: ServerResponse): boolean {
    if (!isLan && !isLoopback(req.socket.remoteAddress)) {
      sendJson(res, 403, { ok: false, error: refusalData(TRANSPORT_ERRORS.wrongHost) });
      return true;
    }
    if (!isOwnHost(req, identity)) {
      sendJson(res, 421, { ok: false, error: refusalData(TRANSPORT_ERRORS.wrongHost) });
      return true;
    }
    return false;
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    if (refuseOutsider(req, res)) return;
    const pathname = new URL(req.url ?? '/', 'http://hub').pathname;
    if (pathname === '/api/health' && req.method === 'GET') {
      // A database that cannot take a write is not healthy, though reads still work: say so, and why.
      const problem = findDatabaseWriteProblem(service.db);
      sendJson(res, problem ? 503 : 200, {
        ok: problem === null,
        version: options.appVersion ?? '0.1.0',
        schemaVersion: readSchemaVersion(service.db),
        ...(problem ? { reason: problem } : {}),
      });
      return;
    }
    if (pathname === '/api/ca.pem' && req.method === 'GET' && options.caCertPem) {
      res.writeHead(200, {
        'content-type': 'application/x-pem-file',
        'content-disposition': 'attachment; filename="fairlead-hub-ca.pem"',
        'cache-control': 'no-store',
      });
      res.end(options.caCertPem);
      return;
    }
    if (pathname.startsWith('/api/')) {
      handleCall(req, res, pathname.slice('/api/'.length)).catch((error: unknown) => {
        if (!res.headersSent) {
          sendJson(res, 500, {
            ok: false,
            error: refusalData(TRANSPORT_ERRORS.hubUnreachable, { detail: String(error) }),
          });
        }
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
  }

  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, onRequest)
    : createServer(onRequest);

  // Authenticate in the upgrade handler, before a socket exists (shared/pitfalls.md): the hub's Host, its own
  // Origin (a WebSocket is not bound by CORS), and a live session.
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const refuse = (status: string) => {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
    };
    const pathname = new URL(req.url ?? '/', 'http://hub').pathname;
    if (pathname !== '/api/events') return refuse('404 Not Found');
    if (!isLan && !isLoopback(req.socket.remoteAddress)) return refuse('403 Forbidden');
    if (!isOwnHost(req, identity)) return refuse('421 Misdirected Request');
    if (isForeignOrigin(req, identity)) return refuse('403 Forbidden');
    const token = sessionTokenOf(req);
    const session = token ? service.resolveSession(token) : null;
    if (!session) return refuse('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const unsubscribe = service.subscribe((event) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
      }, session.actor);
      sockets.set(ws, { tokenHash: session.tokenHash, unsubscribe });
      let strikes = 0;
      ws.on('close', () => {
        unsubscribe();
        sockets.delete(ws);
      });
      // A push-only feed: a client that talks is misbehaving; a few strikes and it is closed.
      ws.on('message', () => {
        strikes += 1;
        if (strikes >= WS_ABUSE_LIMIT) ws.close(1008, 'push-only feed');
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 5174, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  hosts = new Set(names.map((name) => `${name}:${address.port}`));
  origins = new Set(names.map((name) => `${scheme}://${name}:${address.port}`));
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `${scheme}://${hostForUrl === '0.0.0.0' || hostForUrl === '[::]' ? '127.0.0.1' : hostForUrl}:${address.port}`,
    port: address.port,
    async close() {
      stopRevoked();
      for (const [socket, info] of sockets) {
        info.unsubscribe();
        socket.terminate();
      }
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
