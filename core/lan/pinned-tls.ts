// The rep PC's TLS to its hub: only the hub CA pinned at pairing is trusted (never the OS store), and the server
// certificate must be issued by exactly that CA. One set of TLS options serves both `fetch` and the WebSocket.
import { X509Certificate } from 'node:crypto';
import { Agent, request } from 'node:https';
import { checkServerIdentity as checkHostName, type PeerCertificate } from 'node:tls';
import { WebSocket as NodeWebSocket } from 'ws';

/** The hub's answers are small JSON; an export is the largest (a few MiB). */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
/** The push feed sends small events; the hub's own limit is 64 KiB per message. */
const MAX_EVENT_BYTES = 1024 * 1024;
const REQUEST_TIMEOUT_MS = 20_000;
const MAX_CA_PEM_BYTES = 16 * 1024;

export interface HubPin {
  /** The hub CA certificate (PEM), fetched once at pairing. */
  readonly caPem: string;
  /** Its SHA-256 fingerprint as Node prints it (`AB:CD:…`). */
  readonly caFingerprint256: string;
}

export function fingerprintOfPem(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

/**
 * TLS options that trust only the pinned CA. Node runs `checkServerIdentity` after the chain check passed
 * (shared/pitfalls.md); it also checks that the issuer is the pinned CA itself and that the certificate names
 * the host dialled.
 */
export function pinnedTlsOptions(pin: HubPin) {
  const expected = pin.caFingerprint256.toUpperCase();
  return {
    ca: pin.caPem,
    rejectUnauthorized: true,
    checkServerIdentity(host: string, cert: PeerCertificate): Error | undefined {
      const issuer = (cert as PeerCertificate & { issuerCertificate?: PeerCertificate }).issuerCertificate;
      if (!issuer || issuer.fingerprint256?.toUpperCase() !== expected) {
        return Object.assign(new Error('the certificate was not issued by the pinned hub CA'), {
          code: 'ERR_HUB_PIN_MISMATCH',
        });
      }
      return checkHostName(host, cert);
    },
  };
}

export type FetchLike = (input: Parameters<typeof fetch>[0], init?: RequestInit) => Promise<Response>;

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, key) => (out[key] = value));
  return out;
}

/** A kept-alive connection the hub closed just as it was reused: the request never reached it (Node docs). */
function isStaleReuse(error: unknown, wasReused: boolean): boolean {
  return wasReused && (error as { code?: unknown } | null)?.code === 'ECONNRESET';
}

/** A minimal `fetch` over node:https with the given agent; enough for the contract's POST /api/<call>. */
function fetchThrough(agent: Agent, extraHeaders: () => Record<string, string>): FetchLike {
  const send = (url: URL, init: RequestInit | undefined, mayRetry: boolean): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const body = init?.body;
      const headers = { ...headersOf(init), ...extraHeaders() };
      if (typeof body === 'string') headers['content-length'] = String(Buffer.byteLength(body));
      const req = request(url, {
        agent,
        method: init?.method ?? 'GET',
        headers,
        timeout: REQUEST_TIMEOUT_MS,
      });
      req.on('timeout', () => req.destroy(new Error('The hub did not answer in time.')));
      req.on('error', (error) => {
        if (mayRetry && isStaleReuse(error, req.reusedSocket)) resolve(send(url, init, false));
        else reject(error);
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) req.destroy(new Error('The hub answered too much.'));
          else chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 502;
          const responseHeaders = new Headers();
          for (const [key, value] of Object.entries(res.headers)) {
            if (typeof value === 'string') responseHeaders.set(key, value);
          }
          const hasBody = status !== 204 && status !== 304;
          resolve(new Response(hasBody ? Buffer.concat(chunks) : null, { status, headers: responseHeaders }));
        });
      });
      init?.signal?.addEventListener('abort', () => req.destroy(new Error('aborted')));
      req.end(typeof body === 'string' ? body : undefined);
    });
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'https:') throw new Error('A rep PC talks to its hub over HTTPS only.');
    const body = init?.body;
    if (body !== undefined && body !== null && typeof body !== 'string') {
      throw new Error('Only string bodies are sent to the hub.');
    }
    return send(url, init, true);
  };
}

/** Verification failures: the hub's certificate does not chain to, or was not issued by, the pinned CA. */
const TRUST_ERROR_CODES = new Set([
  'ERR_HUB_PIN_MISMATCH',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function isTrustFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRUST_ERROR_CODES.has(code);
}

/** What happens to the push feed's socket, for the connection's status. */
export interface SocketHooks {
  opened(): void;
  closed(code: number): void;
  /** The upgrade was answered with an HTTP status instead (401: the session ended). */
  refused(status: number): void;
  /** No connection: the hub is down, unreachable, or failed the pin (`isPinFailure`). */
  failed(error: Error, isPinFailure: boolean): void;
}

export interface PinnedTransport {
  readonly fetch: FetchLike;
  createSocket(url: string): WebSocket;
  onSocket(hooks: SocketHooks): void;
  /** The last trust failure since asked (and forgets it): a different certificate was presented. */
  takePinFailure(): string | null;
  /** Closes kept-alive connections. */
  close(): void;
}

/**
 * `fetch` and WebSocket factories that trust only the pinned CA and carry the session header (`sessionHeaders`
 * is read on every request, so a renewed session applies at once).
 */
export function createPinnedTransport(
  pin: HubPin,
  sessionHeaders: () => Record<string, string>,
): PinnedTransport {
  const tls = pinnedTlsOptions(pin);
  const agent = new Agent({ ...tls, keepAlive: true, maxSockets: 8 });
  let pinFailure: string | null = null;
  let hooks: SocketHooks | null = null;
  const notePinFailure = (error: unknown) => {
    if (isTrustFailure(error)) pinFailure = error instanceof Error ? error.message : String(error);
  };
  const fetchPinned = fetchThrough(agent, sessionHeaders);
  return {
    fetch: (input, init) =>
      fetchPinned(input, init).catch((error: unknown) => {
        notePinFailure(error);
        throw error;
      }),
    createSocket(url) {
      const socket = new NodeWebSocket(url, {
        ...tls,
        headers: sessionHeaders(),
        maxPayload: MAX_EVENT_BYTES,
        handshakeTimeout: REQUEST_TIMEOUT_MS,
      });
      let wasRefused = false;
      socket.on('unexpected-response', (_req, res) => {
        wasRefused = true;
        hooks?.refused(res.statusCode ?? 0);
        socket.terminate();
      });
      // Without a listener ws throws a failed connection as an uncaught error.
      socket.on('error', (error: Error) => {
        if (wasRefused) return;
        notePinFailure(error);
        hooks?.failed(error, isTrustFailure(error));
      });
      socket.on('open', () => hooks?.opened());
      socket.on('close', (code: number) => hooks?.closed(code));
      // ws implements the browser WebSocket's onopen/onmessage/onclose, which is all the shared client uses.
      return socket as unknown as WebSocket;
    },
    onSocket(next) {
      hooks = next;
    },
    takePinFailure() {
      const detail = pinFailure;
      pinFailure = null;
      return detail;
    },
    close() {
      agent.destroy();
    },
  };
}

/**
 * Downloads the hub's CA certificate without trusting the connection yet: the caller must compare its fingerprint
 * with the pairing code before using it. Only this one request skips verification.
 */
export async function fetchUnverifiedCaPem(hubUrl: string): Promise<string> {
  const agent = new Agent({ rejectUnauthorized: false, keepAlive: false });
  try {
    const response = await fetchThrough(agent, () => ({}))(new URL('/api/ca.pem', hubUrl));
    const text = await response.text();
    if (!response.ok || text.length > MAX_CA_PEM_BYTES || !text.includes('BEGIN CERTIFICATE')) {
      throw new Error(`the hub did not hand out its CA certificate (HTTP ${response.status})`);
    }
    return text;
  } finally {
    agent.destroy();
  }
}
