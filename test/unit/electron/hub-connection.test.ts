import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallResult, PushedEvent } from '../../../core/api/contract';
import { ApiError, refusalData, TRANSPORT_ERRORS } from '../../../core/api/errors';
import type { PairedDevice } from '../../../core/lan/device-store';
import type { RepClient } from '../../../core/lan/rep-client';
import { SESSION_ERRORS } from '../../../core/api/session/errors';
import { createHubConnection } from '../../../electron/hub-connection';
import { createSafeDeviceStore } from '../../../electron/safe-device-store';

const device: PairedDevice = {
  hubUrl: 'https://127.0.0.1:5174',
  caPem: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----',
  caFingerprint256: Array.from({ length: 32 }, () => 'AB').join(':'),
  deviceId: 'dev_1',
  deviceToken: 'd'.repeat(43),
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fairlead-hubconn-'));
  dirs.push(dir);
  return dir;
}

const fakeSafeStorage = (available: boolean) => ({
  isEncryptionAvailable: () => available,
  encryptString: (text: string) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (data: Buffer) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
});

describe('the pairing kept in protected storage', () => {
  it('encrypts with the OS keyring when there is one: the token is not readable in the file', async () => {
    const dir = tempDir();
    const store = createSafeDeviceStore(dir, fakeSafeStorage(true), () => undefined);
    await store.save(device);
    expect(readFileSync(join(dir, 'hub-device.bin'), 'latin1')).not.toContain(device.deviceToken);
    expect(statSync(join(dir, 'hub-device.bin')).mode & 0o777).toBe(0o600);
    expect(await store.load()).toEqual(device);
    await store.clear();
    expect(await store.load()).toBeNull();
  });

  it('without a keyring says so and keeps a file only its user can read', async () => {
    const dir = tempDir();
    const warnings: string[] = [];
    const store = createSafeDeviceStore(dir, fakeSafeStorage(false), (m) => warnings.push(m));
    await store.save(device);
    expect(warnings).toHaveLength(1);
    expect(statSync(join(dir, 'hub-device.json')).mode & 0o777).toBe(0o600);
    expect(await store.load()).toEqual(device);
  });
});

function fakeRepClient(calls: string[], listeners: ((e: PushedEvent) => void)[]): RepClient {
  const rep = { repId: 'rep_1', name: '王芳' };
  let signedOut: typeof rep | null = null;
  return {
    deviceId: 'dev_1',
    client: {
      async call(name: string) {
        calls.push(name);
        if (name === 'leads.get')
          throw new ApiError(refusalData(TRANSPORT_ERRORS.hubUnreachable, { detail: 'x' }));
        return { from: 'hub' };
      },
      subscribe(listener: (e: PushedEvent) => void) {
        listeners.push(listener);
        return () => undefined;
      },
    } as unknown as RepClient['client'],
    actor: () => (signedOut ? null : { role: 'rep', ...rep }),
    signedOutRep: () => signedOut,
    async signOut() {
      calls.push('signOut');
      signedOut = rep;
    },
    async signInWithPin(repId, pin) {
      calls.push(`signInWithPin ${repId} ${pin}`);
      if (pin !== '246810') throw new ApiError(refusalData(SESSION_ERRORS.wrongPin, { triesLeft: 4 }, 'pin'));
      signedOut = null;
      return { role: 'rep', ...rep };
    },
    status: () => ({ state: 'connected' }),
    onStatus: () => () => undefined,
    close: () => undefined,
  };
}

describe('where a desktop window’s calls go', () => {
  it('stays standalone until paired, then relays every call to the hub and never to the local core', async () => {
    const dir = tempDir();
    const store = createSafeDeviceStore(dir, fakeSafeStorage(true), () => undefined);
    const localCalls: string[] = [];
    const hubCalls: string[] = [];
    const listeners: ((e: PushedEvent) => void)[] = [];
    const events: PushedEvent[] = [];
    const connection = createHubConnection({
      store,
      pair: async (options) => {
        await options.store.save(device);
        return { actor: { role: 'rep', repId: 'rep_1', name: '王芳' } };
      },
      probe: async () => {
        throw new Error('must not probe');
      },
      connect: async () => fakeRepClient(hubCalls, listeners),
      local: async (name): Promise<CallResult<unknown>> => {
        localCalls.push(name);
        return name === 'client.connect'
          ? { ok: false, error: { code: 'conflict', reason: 'client.desktopOnly', message: '' } }
          : { ok: true, value: { from: 'local' } };
      },
      onEvent: (event) => events.push(event),
    });
    await connection.start();
    expect(await connection.dispatch('leads.list', {}, 1)).toEqual({ ok: true, value: { from: 'local' } });
    expect(await connection.dispatch('client.status', {}, 1)).toMatchObject({
      ok: true,
      value: { mode: 'standalone' },
    });

    const connected = await connection.dispatch(
      'client.connect',
      { hubUrl: device.hubUrl, code: 'x', deviceName: 'PC' },
      1,
    );
    expect(connected).toMatchObject({
      ok: true,
      value: { status: { mode: 'hub-client', state: 'connected' } },
    });
    expect(await connection.dispatch('leads.list', {}, 1)).toEqual({ ok: true, value: { from: 'hub' } });
    expect(await connection.dispatch('leads.get', { id: 'l' }, 1)).toMatchObject({
      ok: false,
      error: { reason: 'transport.hubUnreachable' },
    });
    expect(localCalls).toEqual(['leads.list', 'client.connect']);
    listeners[0]?.({ event: 'workspace.changed', payload: { reason: 'x' } } as PushedEvent);
    expect(events).toHaveLength(1);
  });

  it('lets the local core refuse a connect by someone who is not its team lead', async () => {
    const connection = createHubConnection({
      store: createSafeDeviceStore(tempDir(), fakeSafeStorage(true), () => undefined),
      pair: async () => {
        throw new Error('must not pair');
      },
      probe: async () => {
        throw new Error('must not probe');
      },
      connect: async () => {
        throw new Error('must not connect');
      },
      local: async () => ({
        ok: false,
        error: { code: 'forbidden', reason: 'common.teamLeadOnly', message: '' },
      }),
      onEvent: () => undefined,
    });
    expect(
      await connection.dispatch('client.connect', { hubUrl: 'https://h', code: 'x', deviceName: 'PC' }, 1),
    ).toMatchObject({
      ok: false,
      error: { reason: 'common.teamLeadOnly' },
    });
  });

  it('shows the hub’s CA fingerprint before connecting, and pairs only with the fingerprint confirmed', async () => {
    const pairedWith: (string | undefined)[] = [];
    const connection = createHubConnection({
      store: createSafeDeviceStore(tempDir(), fakeSafeStorage(true), () => undefined),
      pair: async (options) => {
        pairedWith.push(options.expectedFingerprint256);
        await options.store.save(device);
        return { actor: { role: 'rep', repId: 'rep_1', name: '王芳' } };
      },
      probe: async (hubUrl) => ({ hubUrl, caFingerprint256: device.caFingerprint256 }),
      connect: async () => fakeRepClient([], []),
      local: async () => ({
        ok: false,
        error: { code: 'conflict', reason: 'client.desktopOnly', message: '' },
      }),
      onEvent: () => undefined,
    });
    expect(await connection.dispatch('client.probe', { hubUrl: device.hubUrl }, 1)).toEqual({
      ok: true,
      value: { hubUrl: device.hubUrl, caFingerprint256: device.caFingerprint256 },
    });
    const input = { hubUrl: device.hubUrl, code: 'x', deviceName: 'PC' };
    await connection.dispatch('client.connect', { ...input, caFingerprint256: device.caFingerprint256 }, 1);
    expect(pairedWith).toEqual([device.caFingerprint256]);
  });

  it('on a rep’s PC refuses "back to team lead" (and any sign-in) instead of showing one actor and running as another', async () => {
    const store = createSafeDeviceStore(tempDir(), fakeSafeStorage(true), () => undefined);
    await store.save(device);
    const hubCalls: string[] = [];
    const localCalls: string[] = [];
    const connection = createHubConnection({
      store,
      pair: async () => {
        throw new Error('must not pair');
      },
      probe: async () => {
        throw new Error('must not probe');
      },
      connect: async () => fakeRepClient(hubCalls, []),
      local: async (name): Promise<CallResult<unknown>> => {
        localCalls.push(name);
        return { ok: true, value: { from: 'local' } };
      },
      onEvent: () => undefined,
    });
    await connection.start();
    expect(connection.isRemote()).toBe(true);
    const attempts: [string, unknown][] = [
      ['session.signIn', { as: 'lead', password: 'the-lead-password' }],
      ['session.signIn', { as: 'rep', repId: 'rep_2', pin: '123456' }],
      ['session.redeemLink', { code: 'c'.repeat(20) }],
      ['devices.pair', { code: 'x'.repeat(12), deviceName: 'PC' }],
    ];
    for (const [name, input] of attempts) {
      const answer = await connection.dispatch(name, input, 1);
      expect(answer, name).toMatchObject({
        ok: false,
        error: { code: 'conflict', reason: 'client.repPcSignIn', details: { name: '王芳' } },
      });
    }
    // Nothing reached the hub or the local core: the window still runs as the device's rep.
    expect(hubCalls).toEqual([]);
    expect(localCalls).toEqual([]);
    expect(await connection.dispatch('leads.list', {}, 1)).toEqual({ ok: true, value: { from: 'hub' } });
    expect(hubCalls).toEqual(['leads.list']);
  });

  it('on a rep’s PC signs out for good: no sign-in but the device rep’s PIN, which the rep client sends', async () => {
    const store = createSafeDeviceStore(tempDir(), fakeSafeStorage(true), () => undefined);
    await store.save(device);
    const hubCalls: string[] = [];
    const connection = createHubConnection({
      store,
      pair: async () => {
        throw new Error('must not pair');
      },
      probe: async () => {
        throw new Error('must not probe');
      },
      connect: async () => fakeRepClient(hubCalls, []),
      local: async () => {
        throw new Error('must not reach the local core');
      },
      onEvent: () => undefined,
    });
    await connection.start();
    expect(await connection.dispatch('client.status', {}, 1)).toMatchObject({
      value: { signedOutRep: null },
    });
    expect(await connection.dispatch('session.signOut', {}, 1)).toEqual({
      ok: true,
      value: { signedOut: true },
    });
    expect(hubCalls).toEqual(['signOut']);
    expect(await connection.dispatch('client.status', {}, 1)).toMatchObject({
      value: { mode: 'hub-client', signedOutRep: { repId: 'rep_1', name: '王芳' } },
    });
    // Signed out, still no other person: the lead's password and another rep's PIN are refused here.
    for (const input of [
      { as: 'lead', password: 'the-lead-password' },
      { as: 'rep', repId: 'rep_2', pin: '246810' },
    ]) {
      expect(await connection.dispatch('session.signIn', input, 1)).toMatchObject({
        ok: false,
        error: { reason: 'client.repPcSignIn', details: { name: '王芳' } },
      });
    }
    expect(
      await connection.dispatch('session.signIn', { as: 'rep', repId: 'rep_1', pin: '111111' }, 1),
    ).toMatchObject({ ok: false, error: { reason: 'session.wrongPin' } });
    const signedIn = await connection.dispatch(
      'session.signIn',
      { as: 'rep', repId: 'rep_1', pin: '246810' },
      1,
    );
    expect(signedIn).toMatchObject({
      ok: true,
      value: { actor: { role: 'rep', repId: 'rep_1' }, token: '' },
    });
    expect(hubCalls).toEqual(['signOut', 'signInWithPin rep_1 111111', 'signInWithPin rep_1 246810']);
    expect(await connection.dispatch('client.status', {}, 1)).toMatchObject({
      value: { signedOutRep: null },
    });
  });
});
