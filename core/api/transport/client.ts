// The client side of the contract, shared by every transport: a typed `call` and an event subscription.
import type { CallInput, CallName, CallOutput, CallResult, EventName, PushedEvent } from '../contract';
import { ApiError } from '../errors';

export interface FairleadClient {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Listens to pushed events; returns the function that stops listening. */
  subscribe(listener: (event: PushedEvent) => void): () => void;
  /** Switches who is calling (a rep's session token, or null for the team lead). */
  setSessionToken(token: string | null): void;
}

/** Turns a wire result into a value or a thrown ApiError, so UI code reads like ordinary async code. */
export function unwrapResult<T>(result: CallResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** Narrows a pushed event to one kind. */
export function isEvent<K extends EventName>(event: PushedEvent, name: K): event is PushedEvent<K> {
  return event.event === name;
}
