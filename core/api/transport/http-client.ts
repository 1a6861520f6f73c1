// The LAN/browser transport: POST /api/<call> with a JSON body, and the /api/events WebSocket push feed. The
// session is the hub's HttpOnly cookie, which a same-origin fetch and WebSocket send by themselves.
import { unwrapResult } from './client';
import type { CallOutput, CallResult, PushedEvent } from '../contract';
import { ApiError, refusalData, TRANSPORT_ERRORS } from '../errors';
import type { AppClient, ConnectionState } from './app-client';

export interface HttpClientOptions {
  /** The hub's origin, e.g. `http://127.0.0.1:5174`. */
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly createSocket?: (url: string) => WebSocket;
  /** Schedules a reconnect; injected so tests control time. */
  readonly schedule?: (run: () => void, delayMs: number) => unknown;
  /** When the feed dropped; injected so tests control time. */
  readonly now?: () => number;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 15_000;

/** Doubles the wait after each failed connection, capped, so a hub that is down is not hammered. */
export function computeBackoffMs(attempt: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt));
}

function isCallResult(value: unknown): value is CallResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function isPushedEvent(value: unknown): value is PushedEvent {
  return (
    typeof value === 'object' && value !== null && typeof (value as { event?: unknown }).event === 'string'
  );
}

export function createHttpClient(options: HttpClientOptions): AppClient {
  const doFetch =
    options.fetch ?? ((input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, init));
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const schedule = options.schedule ?? ((run: () => void, delayMs: number) => setTimeout(run, delayMs));
  const now = options.now ?? (() => Date.now());
  const listeners = new Set<(event: PushedEvent) => void>();
  const watchers = new Set<(state: ConnectionState) => void>();
  let socket: WebSocket | null = null;
  let attempt = 0;
  let hasConnectedBefore = false;
  let connection: ConnectionState = { downSince: null };

  const eventsUrl = new URL('/api/events', options.baseUrl);
  eventsUrl.protocol = eventsUrl.protocol === 'https:' ? 'wss:' : 'ws:';

  function deliver(event: PushedEvent): void {
    for (const listener of listeners) listener(event);
  }

  function noteConnection(isUp: boolean): void {
    if (isUp === (connection.downSince === null)) return;
    connection = { downSince: isUp ? null : now() };
    for (const watcher of watchers) watcher(connection);
  }

  function connect(): void {
    if (listeners.size === 0 || socket) return;
    const current = createSocket(eventsUrl.toString());
    socket = current;
    current.onopen = () => {
      attempt = 0;
      noteConnection(true);
      // Events pushed while we were away are lost: tell listeners to refetch everything.
      if (hasConnectedBefore) deliver({ event: 'workspace.changed', payload: { reason: 'reconnected' } });
      hasConnectedBefore = true;
    };
    current.onmessage = (message: MessageEvent) => {
      if (typeof message.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      if (isPushedEvent(parsed)) deliver(parsed);
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      if (listeners.size === 0) return;
      noteConnection(false);
      const delay = computeBackoffMs(attempt);
      attempt += 1;
      schedule(connect, delay);
    };
  }

  function disconnect(): void {
    const current = socket;
    socket = null;
    current?.close();
  }

  return {
    async call(name, input) {
      let response: Response;
      try {
        response = await doFetch(new URL(`/api/${name}`, options.baseUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
      } catch (error) {
        throw new ApiError(refusalData(TRANSPORT_ERRORS.hubUnreachable, { detail: String(error) }));
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new ApiError(refusalData(TRANSPORT_ERRORS.badAnswer, { status: response.status }));
      }
      if (!isCallResult(body))
        throw new ApiError(refusalData(TRANSPORT_ERRORS.badAnswer, { status: response.status }));
      return unwrapResult(body) as CallOutput<typeof name>;
    },
    subscribe(listener) {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) disconnect();
      };
    },
    watchConnection(watcher) {
      watchers.add(watcher);
      watcher(connection);
      return () => watchers.delete(watcher);
    },
    reconnectEvents() {
      attempt = 0;
      disconnect();
      connect();
    },
  };
}
