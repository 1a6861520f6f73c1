// A rep PC's connection to its hub, in Node (Electron's core, tests): the renderer's own HTTP/WebSocket client
// (renderer/src/api/http-client.ts) over TLS that trusts only the hub CA pinned at pairing. It signs in with the
// device token, opens a new session when one ends (unless the rep signed out: then only their PIN, sent with the
// device token, signs in again), says plainly when the hub is unreachable and reconnects by
// itself; it never falls back to a local database or to anyone else's powers. Everything above it sees only a
// FairleadClient, so a local replica can later sit behind the same interface.
import { ApiError, refusalData, TRANSPORT_ERRORS, type ApiErrorData } from '../api/errors';
import type { Actor, CallInput, CallName, CallOutput, PushedEvent } from '../api/contract';
import { DEVICE_HEADER, SESSION_HEADER } from '../api/transport/http-transport';
import type { AppClient, ConnectionState } from '../api/transport/app-client';
import { computeBackoffMs } from '../api/transport/http-client';
import type { DeviceStore } from './device-store';
import { createPinnedTransport, type HubPin } from './pinned-tls';
import { REP_CLIENT_ERRORS } from './rep-client-errors';
import { httpClientFor, isUnreachable, pinFailureOf } from './rep-pairing';
import { WS_SESSION_ENDED } from './hub-server';

export type RepClientStatus =
  | { readonly state: 'connecting' }
  | { readonly state: 'connected' }
  /** "Hub unreachable since 10:42 — retrying": the client keeps trying by itself. */
  | { readonly state: 'unreachable'; readonly since: number; readonly error: ApiErrorData }
  /** The device was revoked (or its rep deactivated): nothing more is tried; pair again. */
  | { readonly state: 'stopped'; readonly error: ApiErrorData };

export interface RepClient {
  /** The contract as this device's rep (the renderer's client interface); a call while stopped throws why. */
  readonly client: AppClient;
  readonly deviceId: string;
  actor(): Actor | null;
  /** The device's rep while they are signed out on this PC (the PIN form's rep); null while signed in. */
  signedOutRep(): RepOfDevice | null;
  /** Ends the session on the hub; no new one opens by itself (kept across restarts) until signInWithPin. */
  signOut(): Promise<void>;
  /** The device's rep signs in again with their PIN; the hub checks it against this device. */
  signInWithPin(repId: string, pin: string): Promise<Actor>;
  status(): RepClientStatus;
  onStatus(listener: (status: RepClientStatus) => void): () => void;
  close(): void;
}

export interface RepOfDevice {
  readonly repId: string;
  readonly name: string;
}

export interface RepClientOptions {
  readonly clock?: () => number;
}

function isSessionOver(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.reason === 'common.sessionEnded' || error.reason === 'common.signInRequired')
  );
}

/** The hub refused the device itself (revoked, or its rep deactivated): no retry can help. */
function isRefusedForGood(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.code === 'unauthenticated' || error.code === 'forbidden');
}

function dataOf(error: unknown): ApiErrorData {
  if (error instanceof ApiError) {
    return { code: error.code, reason: error.reason, message: error.message, details: error.details };
  }
  return refusalData(TRANSPORT_ERRORS.hubUnreachable, { detail: String(error) });
}

/**
 * Connects a paired PC: signs in with the device token and keeps a session and the push feed open. Resolves once
 * the first sign-in was tried (connected, or unreachable and retrying); rejects only when the PC is not paired or
 * its device was revoked.
 */
export async function connectRepClient(
  store: DeviceStore,
  options: RepClientOptions = {},
): Promise<RepClient> {
  const device = await store.load();
  if (!device) throw new ApiError(refusalData(REP_CLIENT_ERRORS.notPaired));
  const clock = options.clock ?? Date.now;
  const pin: HubPin = { caPem: device.caPem, caFingerprint256: device.caFingerprint256 };
  const statusListeners = new Set<(status: RepClientStatus) => void>();
  const eventListeners = new Set<(event: PushedEvent) => void>();
  let token: string | null = null;
  let actor: Actor | null = null;
  /** The rep signed out here: nothing renews the session until their PIN signs in. */
  let signedOut: RepOfDevice | null = device.signedOut ?? null;
  let sendDevice = false;
  let status: RepClientStatus = { state: 'connecting' };
  let renewing: Promise<void> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryAttempt = 0;
  let stopFeed: (() => void) | null = null;
  let isClosed = false;
  const isStopped = () => status.state === 'stopped' || isClosed;

  const transport = createPinnedTransport(pin, (): Record<string, string> => ({
    ...(token ? { [SESSION_HEADER]: token } : {}),
    ...(sendDevice ? { [DEVICE_HEADER]: device.deviceToken } : {}),
  }));
  const base = httpClientFor(device.hubUrl, transport);

  function setStatus(next: RepClientStatus): void {
    if (status.state === 'stopped') return;
    if (next.state === 'unreachable' && status.state === 'unreachable') return; // keep the first "since"
    if (next.state === status.state && next.state !== 'unreachable') return;
    status = next;
    for (const listener of statusListeners) listener(status);
  }

  function markUnreachable(error: ApiErrorData): void {
    setStatus({ state: 'unreachable', since: clock(), error });
  }

  function stop(error: ApiErrorData): void {
    setStatus({ state: 'stopped', error });
    stopFeed?.();
    stopFeed = null;
    token = null;
    if (retryTimer) clearTimeout(retryTimer);
  }

  /** The push feed, opened once signed in; the shared client reconnects it with backoff. */
  function openFeed(): void {
    if (stopFeed || isStopped()) return;
    stopFeed = base.subscribe((event) => {
      for (const listener of eventListeners) listener(event);
    });
  }

  async function signIn(): Promise<void> {
    token = null;
    try {
      const signedIn = await base.call('session.signIn', { as: 'device', deviceToken: device!.deviceToken });
      token = signedIn.token;
      actor = signedIn.actor;
      retryAttempt = 0;
      setStatus({ state: 'connected' });
      openFeed();
    } catch (error) {
      const pinFailure = pinFailureOf(error, transport);
      if (isRefusedForGood(error)) {
        // The hub answered and said no: a revoked device or a deactivated rep. Trying again cannot help.
        stop(dataOf(error));
        return;
      }
      markUnreachable(dataOf(pinFailure ?? error));
      if (!isStopped()) {
        retryTimer = setTimeout(() => {
          retryTimer = null;
          void renewSession();
        }, computeBackoffMs(retryAttempt));
        retryAttempt += 1;
      }
    }
  }

  function renewSession(): Promise<void> {
    if (isStopped() || signedOut) return Promise.resolve();
    renewing ??= signIn().finally(() => {
      renewing = null;
    });
    return renewing;
  }

  function stoppedError(): ApiError {
    return new ApiError(status.state === 'stopped' ? status.error : refusalData(REP_CLIENT_ERRORS.notPaired));
  }

  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    if (isStopped()) throw stoppedError();
    if (renewing) await renewing;
    if (isStopped()) throw stoppedError();
    try {
      const value = await base.call(name, input);
      setStatus({ state: 'connected' });
      return value;
    } catch (error) {
      if (isSessionOver(error) && !signedOut) {
        await renewSession();
        if (isStopped()) throw stoppedError();
        return base.call(name, input);
      }
      const pinFailure = pinFailureOf(error, transport);
      if (pinFailure || isUnreachable(error)) {
        markUnreachable(dataOf(pinFailure ?? error));
        if (!renewing && !retryTimer) void renewSession();
      }
      throw pinFailure ?? error;
    }
  }

  const client: AppClient = {
    call,
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    watchConnection(listener) {
      const toState = (next: RepClientStatus): ConnectionState => ({
        downSince: next.state === 'unreachable' ? next.since : null,
      });
      listener(toState(status));
      const watch = (next: RepClientStatus) => listener(toState(next));
      statusListeners.add(watch);
      return () => statusListeners.delete(watch);
    },
    reconnectEvents() {
      stopFeed?.();
      stopFeed = null;
      openFeed();
    },
  };

  transport.onSocket({
    opened: () => setStatus({ state: 'connected' }),
    closed: (code) => {
      if (code === WS_SESSION_ENDED) void renewSession();
    },
    refused: (httpStatus) => {
      if (httpStatus === 401) void renewSession();
    },
    failed: (error, isPinFailure) =>
      markUnreachable(
        isPinFailure
          ? refusalData(REP_CLIENT_ERRORS.pinMismatch, { detail: error.message })
          : refusalData(TRANSPORT_ERRORS.hubUnreachable, { detail: error.message }),
      ),
  });

  async function saveSignedOut(rep: RepOfDevice | null): Promise<void> {
    const { signedOut: _was, ...paired } = device!;
    await store.save(rep ? { ...paired, signedOut: rep } : paired);
  }

  async function signOut(): Promise<void> {
    if (isStopped()) throw stoppedError();
    if (signedOut) return;
    if (renewing) await renewing;
    const rep = actor?.role === 'rep' ? { repId: actor.repId, name: actor.name } : null;
    if (!rep) throw stoppedError();
    signedOut = rep;
    await saveSignedOut(rep);
    stopFeed?.();
    stopFeed = null;
    try {
      if (token) await base.call('session.signOut', {});
    } catch (error) {
      // An unreachable hub ends the session by itself when it expires; this PC keeps no token either way.
      if (!isUnreachable(error) && !isSessionOver(error)) throw error;
    } finally {
      token = null;
      actor = null;
    }
  }

  async function signInWithPin(repId: string, pinCode: string): Promise<Actor> {
    if (isStopped()) throw stoppedError();
    sendDevice = true;
    let signedIn: CallOutput<'session.signIn'>;
    try {
      signedIn = await base.call('session.signIn', { as: 'rep', repId, pin: pinCode });
    } catch (error) {
      const pinFailure = pinFailureOf(error, transport);
      if (pinFailure || isUnreachable(error)) markUnreachable(dataOf(pinFailure ?? error));
      // A revoked device: nothing more can sign in from here.
      if (error instanceof ApiError && error.reason === 'session.deviceRevoked') stop(dataOf(error));
      throw pinFailure ?? error;
    } finally {
      sendDevice = false;
    }
    token = signedIn.token;
    actor = signedIn.actor;
    signedOut = null;
    await saveSignedOut(null);
    setStatus({ state: 'connected' });
    openFeed();
    return signedIn.actor;
  }

  /** Signed out at start: only asks whether the hub answers (no session to open). */
  async function checkReachable(): Promise<void> {
    try {
      await base.call('session.status', {});
      setStatus({ state: 'connected' });
    } catch (error) {
      markUnreachable(dataOf(pinFailureOf(error, transport) ?? error));
    }
  }

  if (signedOut) await checkReachable();
  else await renewSession();
  if (isStopped()) {
    transport.close();
    throw stoppedError();
  }
  return {
    client,
    deviceId: device.deviceId,
    actor: () => actor,
    signedOutRep: () => signedOut,
    signOut,
    signInWithPin,
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      isClosed = true;
      if (retryTimer) clearTimeout(retryTimer);
      stopFeed?.();
      stopFeed = null;
      transport.close();
    },
  };
}
