// Where a window's call goes: to this PC's own core (standalone), or — once the PC is connected to the team's
// hub — to the hub through the pinned rep client. The `client.*` calls are answered here, as only the desktop
// can connect a PC to a hub. A connected PC works only as its device's rep: a sign-in there (say "back to team
// lead") is refused, since the rep client's session, not the answer's, is what every later call runs as. Signing
// out there ends the device's session for good (the rep client opens no new one) until the device's rep signs in
// again with their PIN, which the rep client sends with the device token.
import type { CallResult, PushedEvent } from '../core/api/contract';
import { CLIENT_ERRORS } from '../core/api/client/errors';
import { ApiError, refusalData, TRANSPORT_ERRORS } from '../core/api/errors';
import type { DeviceStore } from '../core/lan/device-store';
import type { RepClient, RepClientStatus } from '../core/lan/rep-client';

export interface HubConnectionDeps {
  readonly store: DeviceStore;
  readonly pair: (options: {
    hubUrl: string;
    code: string;
    deviceName: string;
    store: DeviceStore;
    expectedFingerprint256?: string;
  }) => Promise<{
    actor: unknown;
  }>;
  /** The CA fingerprint a hub hands out, for the person to compare before connecting. */
  readonly probe: (hubUrl: string) => Promise<{ hubUrl: string; caFingerprint256: string }>;
  readonly connect: (store: DeviceStore) => Promise<RepClient>;
  /** The local core, for standalone calls (and to check who may connect this PC). */
  readonly local: (name: string, input: unknown, windowId: number) => Promise<CallResult<unknown>>;
  readonly onEvent: (event: PushedEvent) => void;
}

export interface HubConnection {
  /** Connects at start when this PC was paired before. */
  start(): Promise<void>;
  dispatch(name: string, input: unknown, windowId: number): Promise<CallResult<unknown>>;
  isRemote(): boolean;
  close(): void;
}

/** Calls that would open another session; on a rep's PC the device's session is the only one. */
const SIGN_IN_CALLS: ReadonlySet<string> = new Set(['session.signIn', 'session.redeemLink', 'devices.pair']);

function toResult(error: unknown): CallResult<never> {
  if (error instanceof ApiError) {
    return {
      ok: false,
      error: {
        code: error.code,
        reason: error.reason,
        message: error.message,
        ...(error.field === undefined ? {} : { field: error.field }),
        ...(error.details === undefined ? {} : { details: error.details }),
      },
    };
  }
  return { ok: false, error: refusalData(TRANSPORT_ERRORS.hubUnreachable, { detail: String(error) }) };
}

export function createHubConnection(deps: HubConnectionDeps): HubConnection {
  let remote: RepClient | null = null;
  let hubUrl: string | null = null;
  let caFingerprint: string | null = null;
  let stopEvents: (() => void) | null = null;

  function statusValue() {
    const status: RepClientStatus | null = remote?.status() ?? null;
    return {
      mode: remote ? ('hub-client' as const) : ('standalone' as const),
      hubUrl,
      state: status?.state ?? null,
      unreachableSince: status?.state === 'unreachable' ? status.since : null,
      caFingerprint256: caFingerprint,
      signedOutRep: remote?.signedOutRep() ?? null,
    };
  }

  async function attach(): Promise<void> {
    const device = await deps.store.load();
    if (!device) return;
    remote = await deps.connect(deps.store);
    hubUrl = device.hubUrl;
    caFingerprint = device.caFingerprint256;
    stopEvents = remote.client.subscribe(deps.onEvent);
  }

  return {
    async start() {
      await attach().catch(() => undefined);
    },
    isRemote: () => remote !== null,
    async dispatch(name, input, windowId) {
      if (name === 'client.status') return { ok: true, value: statusValue() };
      if (name === 'client.probe' || name === 'client.connect') {
        // The local core checks who may connect this PC (its team lead) and the input; it answers "desktop only"
        // when both are fine.
        const checked = await deps.local(name, input, windowId);
        if (checked.ok || checked.error.reason !== 'client.desktopOnly') return checked;
        if (name === 'client.probe') {
          try {
            return { ok: true, value: await deps.probe((input as { hubUrl: string }).hubUrl) };
          } catch (error) {
            return toResult(error);
          }
        }
        const {
          hubUrl: url,
          code,
          deviceName,
          caFingerprint256: expected,
        } = input as { hubUrl: string; code: string; deviceName: string; caFingerprint256?: string };
        try {
          const paired = await deps.pair({
            hubUrl: url,
            code,
            deviceName,
            store: deps.store,
            ...(expected === undefined ? {} : { expectedFingerprint256: expected }),
          });
          await attach();
          return { ok: true, value: { status: statusValue(), actor: paired.actor } };
        } catch (error) {
          return toResult(error);
        }
      }
      if (name === 'client.disconnect' && remote) {
        stopEvents?.();
        remote.close();
        remote = null;
        hubUrl = null;
        caFingerprint = null;
        await deps.store.clear();
        return { ok: true, value: statusValue() };
      }
      if (!remote) return deps.local(name, input, windowId);
      if (name === 'session.signOut') {
        try {
          await remote.signOut();
          return { ok: true, value: { signedOut: true } };
        } catch (error) {
          return toResult(error);
        }
      }
      const signedOutRep = remote.signedOutRep();
      const pinInput = input as { as?: unknown; repId?: unknown; pin?: unknown };
      if (
        name === 'session.signIn' &&
        signedOutRep &&
        pinInput.as === 'rep' &&
        typeof pinInput.pin === 'string' &&
        pinInput.repId === signedOutRep.repId
      ) {
        try {
          const actor = await remote.signInWithPin(signedOutRep.repId, pinInput.pin);
          // The session stays in this process, as the device's own does: the window never holds a token.
          return { ok: true, value: { actor, token: '', expiresAt: 0 } };
        } catch (error) {
          return toResult(error);
        }
      }
      if (SIGN_IN_CALLS.has(name)) {
        const actor = remote.actor();
        const who = actor?.role === 'rep' ? actor.name : (signedOutRep?.name ?? '');
        return { ok: false, error: refusalData(CLIENT_ERRORS.repPcSignIn, { name: who }) };
      }
      try {
        const value = await remote.client.call(name as never, input as never);
        return { ok: true, value };
      } catch (error) {
        return toResult(error);
      }
    },
    close() {
      stopEvents?.();
      remote?.close();
    },
  };
}
