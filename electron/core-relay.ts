// Correlates contract calls sent from the main process to the core utility process with their answers.
import type { CallResult, PushedEvent } from '../core/api/contract';
import { refusalData, TRANSPORT_ERRORS } from '../core/api/errors';

export type CoreRequest =
  | {
      readonly type: 'call';
      readonly id: number;
      readonly name: string;
      readonly input: unknown;
      readonly token: string | null;
    }
  /** A window's first session: the team lead, when this PC opens as the team lead (a workspace setting). */
  | { readonly type: 'openLocalSession'; readonly id: number }
  /** Push this window the events its session may see (null: none). */
  | { readonly type: 'watch'; readonly windowId: number; readonly token: string | null };
export type CoreMessage =
  | { readonly type: 'result'; readonly id: number; readonly result: CallResult<unknown> }
  | { readonly type: 'session'; readonly id: number; readonly token: string | null }
  | { readonly type: 'event'; readonly windowId: number; readonly event: PushedEvent }
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string };

/** The two ends the relay needs of a utilityProcess (or a fake in tests). */
export interface CorePort {
  postMessage(message: CoreRequest): void;
  onMessage(listener: (message: CoreMessage) => void): void;
}

export interface CoreRelay {
  dispatch(name: string, input: unknown, token: string | null): Promise<CallResult<unknown>>;
  onEvent(listener: (windowId: number, event: PushedEvent) => void): void;
  openLocalSession(): Promise<string | null>;
  watch(windowId: number, token: string | null): void;
  /** Fails every call still waiting, e.g. when the core process died. */
  failPending(message: string): void;
}

export function createCoreRelay(port: CorePort): CoreRelay {
  let nextId = 1;
  const pending = new Map<number, (result: CallResult<unknown>) => void>();
  const eventListeners = new Set<(windowId: number, event: PushedEvent) => void>();
  const pendingSessions = new Map<number, (token: string | null) => void>();

  port.onMessage((message) => {
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.type === 'session') {
      pendingSessions.get(message.id)?.(message.token);
      pendingSessions.delete(message.id);
    } else if (message.type === 'event') {
      for (const listener of eventListeners) listener(message.windowId, message.event);
    }
  });

  return {
    dispatch(name, input, token) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        port.postMessage({ type: 'call', id, name, input, token });
      });
    },
    openLocalSession() {
      const id = nextId++;
      return new Promise((resolve) => {
        pendingSessions.set(id, resolve);
        port.postMessage({ type: 'openLocalSession', id });
      });
    },
    watch(windowId, token) {
      port.postMessage({ type: 'watch', windowId, token });
    },
    onEvent(listener) {
      eventListeners.add(listener);
    },
    failPending(message) {
      for (const resolve of pending.values())
        resolve({ ok: false, error: refusalData(TRANSPORT_ERRORS.coreStopped, { detail: message }) });
      pending.clear();
      for (const resolve of pendingSessions.values()) resolve(null);
      pendingSessions.clear();
    },
  };
}
