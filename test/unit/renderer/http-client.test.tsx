import { describe, expect, it } from 'vitest';
import type { PushedEvent } from '../../../core/api/contract';
import { ApiError } from '../../../core/api/errors';
import type { ConnectionState } from '../../../core/api/transport/app-client';
import { computeBackoffMs, createHttpClient } from '../../../core/api/transport/http-client';

class FakeSocket {
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  isClosed = false;
  constructor(readonly url: string) {}
  close(): void {
    this.isClosed = true;
  }
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('the HTTP client', () => {
  it('posts the call as same-origin JSON to /api/<name>, carrying no session token of its own', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const client = createHttpClient({
      baseUrl: 'http://127.0.0.1:5174',
      fetch: async (url, init) => {
        requests.push({ url: String(url), init: init ?? {} });
        return jsonResponse(200, { ok: true, value: { total: 0, rows: [] } });
      },
    });
    await expect(client.call('leads.list', { text: 'acme' })).resolves.toEqual({ total: 0, rows: [] });
    expect(requests[0]?.url).toBe('http://127.0.0.1:5174/api/leads.list');
    expect(requests[0]?.init.method).toBe('POST');
    // The hub's HttpOnly cookie is the session: the page has no token to send.
    expect(requests[0]?.init.headers).toEqual({ 'content-type': 'application/json' });
    expect(requests[0]?.init.credentials).toBe('same-origin');
    expect(JSON.parse(String(requests[0]?.init.body))).toEqual({ text: 'acme' });
  });

  it('turns a refusal into an ApiError naming the field', async () => {
    const client = createHttpClient({
      baseUrl: 'http://127.0.0.1:5174',
      fetch: async () =>
        jsonResponse(400, {
          ok: false,
          error: { code: 'invalid_input', reason: 'input.invalid', message: 'bad email', field: 'email' },
        }),
    });
    const error = await client.call('leads.create', { name: 'A', email: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'email' });
  });

  it('delivers pushed events and reconnects with growing waits after the feed drops', () => {
    const sockets: FakeSocket[] = [];
    const waits: number[] = [];
    const pending: (() => void)[] = [];
    const client = createHttpClient({
      baseUrl: 'https://hub.local:5174',
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
      schedule: (run, delay) => {
        waits.push(delay);
        pending.push(run);
      },
    });
    const received: PushedEvent[] = [];
    client.subscribe((event) => received.push(event));
    expect(sockets[0]?.url).toBe('wss://hub.local:5174/api/events');
    sockets[0]?.onopen?.();
    sockets[0]?.onmessage?.({ data: JSON.stringify({ event: 'reps.changed', payload: { repIds: ['r1'] } }) });
    expect(received).toEqual([{ event: 'reps.changed', payload: { repIds: ['r1'] } }]);

    sockets[0]?.onclose?.();
    pending.shift()?.();
    sockets[1]?.onclose?.();
    pending.shift()?.();
    expect(waits).toEqual([computeBackoffMs(0), computeBackoffMs(1)]);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? 0);

    sockets[2]?.onopen?.();
    expect(received.at(-1)).toEqual({ event: 'workspace.changed', payload: { reason: 'reconnected' } });
  });

  it('closes the feed when the last listener leaves', () => {
    const sockets: FakeSocket[] = [];
    const client = createHttpClient({
      baseUrl: 'http://127.0.0.1:5174',
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
      schedule: () => undefined,
    });
    const stop = client.subscribe(() => undefined);
    stop();
    expect(sockets[0]?.isClosed).toBe(true);
  });

  it('reports when the feed dropped and when it is back', () => {
    const sockets: FakeSocket[] = [];
    let now = 1_000;
    const client = createHttpClient({
      baseUrl: 'http://127.0.0.1:5174',
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
      schedule: () => undefined,
      now: () => now,
    });
    const states: ConnectionState[] = [];
    client.watchConnection?.((state) => states.push(state));
    client.subscribe(() => undefined);
    sockets[0]?.onopen?.();
    now = 5_000;
    sockets[0]?.onclose?.();
    expect(states).toEqual([{ downSince: null }, { downSince: 5_000 }]);
    client.reconnectEvents?.();
    sockets[1]?.onopen?.();
    expect(states.at(-1)).toEqual({ downSince: null });
  });

  it('reopens the feed at once after a sign-in, so it runs as the new person', () => {
    const sockets: FakeSocket[] = [];
    const client = createHttpClient({
      baseUrl: 'http://127.0.0.1:5174',
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
      schedule: () => undefined,
    });
    client.subscribe(() => undefined);
    sockets[0]?.onopen?.();
    client.reconnectEvents?.();
    expect(sockets[0]?.isClosed).toBe(true);
    expect(sockets).toHaveLength(2);
  });
});
