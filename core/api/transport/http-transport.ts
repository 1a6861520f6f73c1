// The HTTP(S) transport, generated from the contract: POST /api/<call> with a JSON body. It refuses what browsers'
// cross-site tricks send before the service sees anything: a Host that is not the hub's (DNS rebinding), a
// foreign Origin or a form/text body (CSRF), an oversized or malformed body; the session comes from the
// HttpOnly cookie (browsers) or the session header (rep clients); on the LAN a rep's PIN sign-in also needs the
// device credential (a paired browser's device cookie, or the device header).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { calls, type CallResult } from '../contract';
import type { CallSpec } from '../contract-kit';
import { COMMON_ERRORS, refusalData, TRANSPORT_ERRORS, type ApiErrorData, type ErrorKind } from '../errors';
import type { Service } from '../service';

export const SESSION_HEADER = 'x-fairlead-session';
export const SESSION_COOKIE = 'fairlead_session';
/** A paired device's credential sent with a rep's PIN sign-in (programs; browsers carry the device cookie). */
export const DEVICE_HEADER = 'x-fairlead-device';
/** A browser's device credential, set when it pairs; sent only to the sign-in call (its cookie path). */
export const DEVICE_COOKIE = 'fairlead_device';
const DEVICE_COOKIE_PATH = '/api/session.signIn';
/** Browsers cap a cookie's life at 400 days; revocation on the hub ends it sooner. */
const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 3600;
/**
 * An oversized body is read and thrown away up to this size, so the client hears the 413 instead of a reset
 * (an answer sent while it is still writing breaks its pipe); past it the connection is closed.
 */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
/** Malformed requests one connection may send before it is closed. */
const ABUSE_LIMIT = 10;

export const STATUS_OF: Record<ErrorKind, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  unknown_call: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

/** Which requests are the hub's own: its host names and its origins (both include the port). */
export interface HubIdentity {
  /** `Host` header values served, lower-case, e.g. `127.0.0.1:5174`, `fairlead-hub.local:5174`. */
  readonly hosts: () => ReadonlySet<string>;
  /** `Origin` values of the hub's own pages, e.g. `https://fairlead-hub.local:5174`. */
  readonly origins: () => ReadonlySet<string>;
  /** Cookies get `Secure` on HTTPS. */
  readonly isHttps: boolean;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function sendRefusal(res: ServerResponse, error: ApiErrorData, headers: Record<string, string> = {}): void {
  sendJson(res, STATUS_OF[error.code], { ok: false, error }, headers);
}

/** True when the Host header names this hub; without this a rebinding domain reaches loopback (pitfalls.md). */
export function isOwnHost(req: IncomingMessage, identity: HubIdentity): boolean {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && identity.hosts().has(host);
}

/**
 * A browser request from another site: an Origin that is not the hub's, or Fetch Metadata saying cross-site.
 * Requests without either header come from programs (rep clients), which carry their session explicitly.
 */
export function isForeignOrigin(req: IncomingMessage, identity: HubIdentity): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !identity.origins().has(origin.toLowerCase())) return true;
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

/** The session token a request carries: the session header, a bearer token, or the browser's cookie. */
export function sessionTokenOf(req: IncomingMessage): string | null {
  const header = req.headers[SESSION_HEADER];
  if (typeof header === 'string' && header.length > 0) return header;
  const authorization = req.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length) || null;
  return readCookie(req, SESSION_COOKIE);
}

/** The device credential a request carries: the device header (a rep's PC) or a paired browser's cookie. */
export function deviceTokenOf(req: IncomingMessage): string | null {
  const header = req.headers[DEVICE_HEADER];
  if (typeof header === 'string' && header.length > 0) return header;
  return readCookie(req, DEVICE_COOKIE);
}

function isBrowser(req: IncomingMessage): boolean {
  return req.headers.origin !== undefined || req.headers['sec-fetch-mode'] !== undefined;
}

function sessionCookie(token: string, identity: HubIdentity, maxAgeSeconds: number): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    ...(identity.isHttps ? ['Secure'] : []),
  ].join('; ');
}

/** HttpOnly, SameSite=Strict (Secure on HTTPS), and sent only to the sign-in call. */
function deviceCookie(deviceToken: string, identity: HubIdentity): string {
  return [
    `${DEVICE_COOKIE}=${deviceToken}`,
    'HttpOnly',
    'SameSite=Strict',
    `Path=${DEVICE_COOKIE_PATH}`,
    `Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}`,
    ...(identity.isHttps ? ['Secure'] : []),
  ].join('; ');
}

type BodyResult = { readonly text: string } | { readonly tooLarge: true };

/** Reads and drops a body to its end. */
function drainBody(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.on('data', () => undefined);
    req.once('end', () => resolve());
    req.once('error', () => resolve());
    req.once('close', () => resolve());
    req.resume();
  });
}

/** Resolves at the end of the body, or as soon as it passes `maxBytes` (the rest is then drained and thrown away). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let isOver = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (isOver) {
        if (size > DRAIN_LIMIT_BYTES) req.socket.destroy();
        return;
      }
      if (size > maxBytes) {
        isOver = true;
        chunks.length = 0;
        resolve({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!isOver) resolve({ text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', reject);
  });
}

export interface ApiHandlerOptions {
  readonly service: Service;
  readonly identity: HubIdentity;
  /** The LAN transport: a rep's PIN sign-in must come from a paired, unrevoked device of that rep. */
  readonly repSignInNeedsDevice?: boolean;
}

/** Answers POST /api/<call>; the caller has already checked Host. */
export function createApiHandler(options: ApiHandlerOptions) {
  const { service, identity } = options;
  const repSignInNeedsDevice = options.repSignInNeedsDevice === true;
  const abuse = new WeakMap<object, number>();

  function noteAbuse(req: IncomingMessage): void {
    const count = (abuse.get(req.socket) ?? 0) + 1;
    abuse.set(req.socket, count);
    if (count >= ABUSE_LIMIT) req.socket.destroy();
  }

  return async function handleCall(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      sendRefusal(res, refusalData(COMMON_ERRORS.unknownCall, { name: `${req.method} ${name}` }), {
        allow: 'POST',
      });
      return;
    }
    if (isForeignOrigin(req, identity)) {
      noteAbuse(req);
      sendRefusal(res, refusalData(TRANSPORT_ERRORS.foreignOrigin));
      return;
    }
    // A form post or a text/plain fetch is a "simple request" a foreign page can send without asking first.
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/json') {
      noteAbuse(req);
      sendJson(res, 415, { ok: false, error: refusalData(TRANSPORT_ERRORS.notJsonContentType) });
      return;
    }
    if (!Object.hasOwn(calls, name)) {
      noteAbuse(req);
      sendRefusal(res, refusalData(COMMON_ERRORS.unknownCall, { name: name.slice(0, 80) }));
      return;
    }
    const spec = (calls as Record<string, CallSpec>)[name]!;
    const declared = Number(req.headers['content-length'] ?? NaN);
    // A declared oversized body is read to its end and dropped before answering, so the client, still writing,
    // hears the 413 rather than a broken pipe; one past the drain limit is answered at once.
    const isDeclaredTooLarge = declared > spec.maxBodyBytes;
    if (isDeclaredTooLarge && declared <= DRAIN_LIMIT_BYTES) await drainBody(req);
    const body = isDeclaredTooLarge ? { tooLarge: true as const } : await readBody(req, spec.maxBodyBytes);
    if ('tooLarge' in body) {
      noteAbuse(req);
      // Answer, then close: the rest of the body is not read.
      sendRefusal(res, refusalData(COMMON_ERRORS.bodyTooLarge, { maxBytes: spec.maxBodyBytes }));
      // Keep reading (and discarding) what the client still sends, so it hears this answer instead of a reset;
      // the connection closes once the body has ended, or at once past the drain limit.
      let drained = 0;
      req.on('data', (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > DRAIN_LIMIT_BYTES) req.socket.destroy();
      });
      req.resume();
      res.on('finish', () => {
        if (req.complete) req.socket.destroySoon();
        else req.once('end', () => req.socket.destroySoon());
      });
      return;
    }
    let input: unknown;
    try {
      input = body.text.length === 0 ? {} : (JSON.parse(body.text) as unknown);
    } catch {
      noteAbuse(req);
      sendRefusal(res, refusalData(COMMON_ERRORS.notJson));
      return;
    }
    const result: CallResult<unknown> = await service.dispatch(name, input, {
      token: sessionTokenOf(req),
      address: req.socket.remoteAddress ?? null,
      deviceToken: name === 'session.signIn' ? deviceTokenOf(req) : null,
      repSignInNeedsDevice,
    });
    if (!result.ok) {
      if (result.error.code === 'invalid_input') noteAbuse(req);
      sendRefusal(res, result.error);
      return;
    }
    const headers: Record<string, string | string[]> = {};
    let value = result.value;
    if (
      isBrowser(req) &&
      (name === 'session.signIn' || name === 'session.redeemLink' || name === 'devices.pair')
    ) {
      // The page never holds the token: the browser keeps it as an HttpOnly cookie, so a reload keeps the actor
      // and a script cannot read it.
      const signedIn = value as { token: string; expiresAt: number };
      const maxAge = Math.max(0, Math.floor((signedIn.expiresAt - Date.now()) / 1000));
      const cookies = [sessionCookie(signedIn.token, identity, maxAge)];
      // A browser pairs as itself: its device token becomes an HttpOnly cookie the page never sees, which its
      // rep's PIN sign-ins on the LAN then need (revoking the device on the hub voids it).
      if (name === 'devices.pair') {
        cookies.push(deviceCookie((value as { deviceToken: string }).deviceToken, identity));
      }
      headers['set-cookie'] = cookies;
      value = { ...signedIn, token: '', ...(name === 'devices.pair' ? { deviceToken: '' } : {}) };
    }
    if (name === 'session.signOut') headers['set-cookie'] = sessionCookie('', identity, 0);
    sendJson(res, 200, { ok: true, value }, headers);
  };
}
