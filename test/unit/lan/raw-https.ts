// Hand-made HTTPS requests to a test hub, as an attacker's program or a rebinding page would send them: any Host,
// Origin, content type or body. TLS trusts the test hub's CA; the certificate's names are not checked here, since
// a forged Host header would otherwise fail before reaching the hub.
import { request } from 'node:https';
import { connect, type TLSSocket } from 'node:tls';
import type { LanHub } from '../../helpers/lan-hub';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json(): { ok: boolean; value?: unknown; error?: { code: string; reason: string } };
}

export function rawRequest(
  hub: LanHub,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: hub.port,
        path,
        method: options.method ?? 'POST',
        headers: { host: `127.0.0.1:${hub.port}`, ...options.headers },
        ca: hub.caPem,
        checkServerIdentity: () => undefined,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as ReturnType<RawAnswer['json']>,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A POST of JSON to /api/<name> with a session, as a rep client sends it. */
export function postJson(hub: LanHub, name: string, body: string, token: string | null): Promise<RawAnswer> {
  return rawRequest(hub, `/api/${name}`, {
    headers: { 'content-type': 'application/json', ...(token ? { 'x-fairlead-session': token } : {}) },
    body,
  });
}

/** One kept-alive TLS connection to the hub, for tests about what a connection may send before it is closed. */
export function openTlsConnection(hub: LanHub): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: '127.0.0.1',
      port: hub.port,
      ca: hub.caPem,
      checkServerIdentity: () => undefined,
    });
    socket.once('secureConnect', () => resolve(socket));
    socket.once('error', reject);
  });
}
