// Reaching a hub from a rep PC before any session: the hub's origin (https only), its CA fetched without trust and
// compared with the pairing code, and pairing over a connection that trusts only that CA. The connected client
// (rep-client.ts) reuses the origin, transport and pin-failure helpers.
import { fingerprintPrefix, parsePairingCode } from '../api/devices/pairing-code';
import type { Actor } from '../api/contract';
import { ApiError, refusalData } from '../api/errors';
import { createHttpClient } from '../api/transport/http-client';
import type { DeviceStore, PairedDevice } from './device-store';
import {
  createPinnedTransport,
  fetchUnverifiedCaPem,
  fingerprintOfPem,
  type PinnedTransport,
} from './pinned-tls';
import { REP_CLIENT_ERRORS } from './rep-client-errors';

export function originOf(hubUrl: string): string {
  const url = new URL(hubUrl);
  if (url.protocol !== 'https:') throw new Error('A hub on the LAN is reached over https:// only.');
  return url.origin;
}

export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && error.reason === 'transport.hubUnreachable';
}

/** A failed TLS trust check names the pin, not a network problem. */
export function pinFailureOf(error: unknown, transport: PinnedTransport): ApiError | null {
  const detail = transport.takePinFailure();
  if (!detail || !isUnreachable(error)) return null;
  return new ApiError(refusalData(REP_CLIENT_ERRORS.pinMismatch, { detail }));
}

export function httpClientFor(hubUrl: string, transport: PinnedTransport) {
  return createHttpClient({
    baseUrl: hubUrl,
    fetch: transport.fetch as typeof fetch,
    createSocket: transport.createSocket,
  });
}

async function fetchCaOf(hubUrl: string): Promise<string> {
  try {
    return await fetchUnverifiedCaPem(hubUrl);
  } catch (error) {
    throw new ApiError(
      refusalData(REP_CLIENT_ERRORS.caUnavailable, {
        hubUrl,
        detail: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}

/**
 * The CA fingerprint a hub hands out, unverified: shown to the person connecting, who compares it with the one in
 * the team lead's Settings before pairing (pairWithHub then refuses any other).
 */
export async function probeHub(
  hubUrl: string,
): Promise<{ readonly hubUrl: string; readonly caFingerprint256: string }> {
  const origin = originOf(hubUrl);
  return { hubUrl: origin, caFingerprint256: fingerprintOfPem(await fetchCaOf(origin)) };
}

/**
 * Pairs this PC with a hub: fetches the hub's CA without trusting it, refuses it unless its fingerprint starts with
 * the code's prefix, then pairs over a connection that trusts only that CA, and keeps the pairing in `store`.
 */
export async function pairWithHub(options: {
  readonly hubUrl: string;
  readonly code: string;
  readonly deviceName: string;
  readonly store: DeviceStore;
  /** The whole CA fingerprint the person compared and confirmed (probeHub); any other CA is refused. */
  readonly expectedFingerprint256?: string;
}): Promise<{ readonly device: PairedDevice; readonly actor: Actor }> {
  const parsed = parsePairingCode(options.code);
  if (!parsed) throw new ApiError(refusalData(REP_CLIENT_ERRORS.codeMalformed, {}, 'code'));
  const hubUrl = originOf(options.hubUrl);
  const caPem = await fetchCaOf(hubUrl);
  const caFingerprint256 = fingerprintOfPem(caPem);
  if (fingerprintPrefix(caFingerprint256) !== parsed.prefix) {
    throw new ApiError(
      refusalData(REP_CLIENT_ERRORS.notYourHub, { fingerprint: fingerprintPrefix(caFingerprint256) }, 'code'),
    );
  }
  if (
    options.expectedFingerprint256 !== undefined &&
    options.expectedFingerprint256.toUpperCase() !== caFingerprint256.toUpperCase()
  ) {
    throw new ApiError(refusalData(REP_CLIENT_ERRORS.hubChanged, { fingerprint: caFingerprint256 }));
  }
  const transport = createPinnedTransport({ caPem, caFingerprint256 }, () => ({}));
  try {
    const paired = await httpClientFor(hubUrl, transport)
      .call('devices.pair', { code: options.code, deviceName: options.deviceName })
      .catch((error: unknown) => {
        throw pinFailureOf(error, transport) ?? error;
      });
    const device: PairedDevice = {
      hubUrl,
      caPem,
      caFingerprint256,
      deviceId: paired.deviceId,
      deviceToken: paired.deviceToken,
    };
    await options.store.save(device);
    return { device, actor: paired.actor };
  } finally {
    transport.close();
  }
}
