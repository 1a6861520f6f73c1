// The main process holds each window's session, never the page: a reload keeps the actor, a page script cannot
// read the token, and a window left idle locks itself (its session is signed out).
import type { CallResult } from '../core/api/contract';

/** Calls whose answer carries a new session token for the calling window. */
const SIGN_IN_CALLS: ReadonlySet<string> = new Set(['session.signIn', 'session.redeemLink', 'devices.pair']);

export interface WindowSessionsOptions {
  readonly clock: () => number;
  /** A window with no call for this long is signed out before its next call. */
  readonly idleLockMs: number;
  /** Opens the window's first session (the team lead on the PC holding the workspace, when that is on). */
  readonly openInitial: () => Promise<string | null>;
  readonly signOut: (token: string) => Promise<void>;
}

export interface WindowSessions {
  /** The token to send with this window's call (after the idle lock and the first session are applied). */
  tokenFor(windowId: number): Promise<string | null>;
  /** Reads a relayed answer: keeps a new token, forgets a signed-out one, and hides the token from the page. */
  observe(windowId: number, name: string, result: CallResult<unknown>): CallResult<unknown>;
  /** The actor the window last signed in as, for its desktop notifications ('lead' or a rep id). */
  recipientOf(windowId: number): string | null;
  forget(windowId: number): void;
}

interface WindowState {
  token: string | null;
  lastCallAt: number;
  recipient: string | null;
  isStarted: boolean;
}

export function createWindowSessions(options: WindowSessionsOptions): WindowSessions {
  const windows = new Map<number, WindowState>();

  function stateOf(windowId: number): WindowState {
    let state = windows.get(windowId);
    if (!state) {
      state = { token: null, lastCallAt: options.clock(), recipient: null, isStarted: false };
      windows.set(windowId, state);
    }
    return state;
  }

  return {
    async tokenFor(windowId) {
      const state = stateOf(windowId);
      const now = options.clock();
      if (!state.isStarted) {
        state.isStarted = true;
        state.token = await options.openInitial();
        state.recipient = state.token ? 'lead' : null;
      } else if (state.token && now - state.lastCallAt > options.idleLockMs) {
        const ended = state.token;
        state.token = null;
        state.recipient = null;
        await options.signOut(ended);
      }
      state.lastCallAt = now;
      return state.token;
    },
    observe(windowId, name, result) {
      const state = stateOf(windowId);
      if (result.ok && SIGN_IN_CALLS.has(name)) {
        const value = result.value as {
          token?: string;
          deviceToken?: string;
          actor?: { role: string; repId?: string };
        };
        state.token = value.token ?? null;
        state.recipient = value.actor?.role === 'rep' ? (value.actor.repId ?? null) : 'lead';
        return {
          ok: true,
          value: { ...value, token: '', ...(value.deviceToken ? { deviceToken: '' } : {}) },
        };
      }
      if (name === 'session.signOut' || (!result.ok && result.error.code === 'unauthenticated')) {
        state.token = null;
        state.recipient = null;
      }
      return result;
    },
    recipientOf(windowId) {
      return windows.get(windowId)?.recipient ?? null;
    },
    forget(windowId) {
      windows.delete(windowId);
    },
  };
}
