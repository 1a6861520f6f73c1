// The client as the renderer sees it: calls and pushed events, and never a session token (the hub keeps the
// browser's session in an HttpOnly cookie; in Electron the main process holds the window's session).
import type { CallInput, CallName, CallOutput, PushedEvent } from '../contract';

/** The hub's event feed: `downSince` is when it dropped (epoch ms), null while connected or not yet tried. */
export interface ConnectionState {
  readonly downSince: number | null;
}

export interface AppClient {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Listens to pushed events; returns the function that stops listening. */
  subscribe(listener: (event: PushedEvent) => void): () => void;
  /** Only a feed over the network can drop (the hub's WebSocket); IPC has none of this. */
  watchConnection?(listener: (state: ConnectionState) => void): () => void;
  /** Reopens the event feed at once, so it runs as the person who just signed in. */
  reconnectEvents?(): void;
}
