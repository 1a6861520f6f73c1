// Pairing a rep PC with a LAN hub, and every way it is refused with a clear message: a mistyped, expired, reused or
// voided code, an impostor hub, a hub presenting another certificate, and a revoked device coming back.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRepClient } from '../../../core/lan/rep-client';
import { pairWithHub, probeHub } from '../../../core/lan/rep-pairing';
import { startLanHub, waitFor, type LanHub } from '../../helpers/lan-hub';
import { useTempDir } from '../../helpers/temp-dir';
import { addRep, pairingCodeFor, refusalOf, storeIn } from './lan-fixtures';

describe('pairing a rep PC', () => {
  const tempDir = useTempDir();
  let hub: LanHub;
  let repId: string;
  beforeAll(async () => {
    hub = await startLanHub({ testHooks: true });
    repId = await addRep(hub.lead, '李娜');
  });
  afterAll(() => hub?.stop());

  it('pins the hub CA, keeps the device token in a file only its user can read, and signs in as the rep', async () => {
    const { path, store } = storeIn(tempDir());
    const code = await pairingCodeFor(hub.lead, repId);
    const paired = await pairWithHub({ hubUrl: hub.url, code, deviceName: 'Li Na PC', store });
    expect(paired.actor).toMatchObject({ role: 'rep', repId });
    expect(paired.device.caFingerprint256).toBe(hub.caFingerprint256);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const rep = await connectRepClient(store);
    try {
      expect(rep.status()).toEqual({ state: 'connected' });
      expect(rep.actor()).toMatchObject({ role: 'rep', repId });
      expect((await rep.client.call('session.status', {})).actor).toMatchObject({ repId });
      const devices = await hub.lead.call('devices.list', {});
      expect(devices.find((d) => d.id === paired.device.deviceId)).toMatchObject({ name: 'Li Na PC' });
    } finally {
      rep.close();
    }
  });

  it('refuses a mistyped code (the hub says the code is not valid)', async () => {
    const code = await pairingCodeFor(hub.lead, repId);
    // Same fingerprint part, another secret.
    const wrong = `${code.startsWith('A') ? 'B' : 'A'}${code.slice(1)}`;
    const error = await refusalOf(
      pairWithHub({ hubUrl: hub.url, code: wrong, deviceName: 'x', store: storeIn(tempDir()).store }),
    );
    expect(error.reason).toBe('devices.codeInvalid');
    expect(error.message).toMatch(/not valid/);
  });

  it('refuses something that is not a pairing code before contacting anyone', async () => {
    const error = await refusalOf(
      pairWithHub({ hubUrl: hub.url, code: 'hello', deviceName: 'x', store: storeIn(tempDir()).store }),
    );
    expect(error.reason).toBe('repClient.codeMalformed');
  });

  it('refuses a code used once already', async () => {
    const code = await pairingCodeFor(hub.lead, repId);
    await pairWithHub({ hubUrl: hub.url, code, deviceName: 'first', store: storeIn(tempDir()).store });
    const error = await refusalOf(
      pairWithHub({ hubUrl: hub.url, code, deviceName: 'second', store: storeIn(tempDir()).store }),
    );
    expect(error.reason).toBe('devices.codeInvalid');
  });

  /** Wrong guesses of a code's secret (with the right fingerprint part), each refused. */
  async function guessWrong(code: string, count: number, letter: string): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const guess = `${letter.repeat(5)}-${letter.repeat(4)}${i}-${code.slice(-8)}`;
      const error = await refusalOf(
        pairWithHub({ hubUrl: hub.url, code: guess, deviceName: 'guess', store: storeIn(tempDir()).store }),
      );
      expect(error.reason).toBe('devices.codeInvalid');
    }
  }

  it('voids a code after 5 wrong tries, so the 6th try fails even with the right code', async () => {
    const code = await pairingCodeFor(hub.lead, repId);
    await guessWrong(code, 5, 'Z');
    const error = await refusalOf(
      pairWithHub({ hubUrl: hub.url, code, deviceName: 'late', store: storeIn(tempDir()).store }),
    );
    expect(error.reason).toBe('devices.codeInvalid');
  });

  it('still takes the right code after 4 wrong tries', async () => {
    const code = await pairingCodeFor(hub.lead, repId);
    await guessWrong(code, 4, 'Y');
    const paired = await pairWithHub({
      hubUrl: hub.url,
      code,
      deviceName: 'ok',
      store: storeIn(tempDir()).store,
    });
    expect(paired.actor).toMatchObject({ repId });
  });

  it('refuses a revoked device coming back, with a message that says to pair again', async () => {
    const { store } = storeIn(tempDir());
    const code = await pairingCodeFor(hub.lead, repId);
    const paired = await pairWithHub({ hubUrl: hub.url, code, deviceName: 'to revoke', store });
    await hub.lead.call('devices.revoke', { id: paired.device.deviceId });
    const error = await refusalOf(connectRepClient(store));
    expect(error.reason).toBe('session.deviceRevoked');
    expect(error.message).toMatch(/no longer paired/);
  });

  it('stops a connected client at once when its device is revoked, and refuses its calls after', async () => {
    const { store } = storeIn(tempDir());
    const code = await pairingCodeFor(hub.lead, repId);
    const paired = await pairWithHub({ hubUrl: hub.url, code, deviceName: 'live', store });
    const rep = await connectRepClient(store);
    try {
      await waitFor('the feed to open', () => rep.status().state === 'connected');
      await hub.lead.call('devices.revoke', { id: paired.device.deviceId });
      const status = await waitFor('the client to stop', () => {
        const now = rep.status();
        return now.state === 'stopped' ? now : null;
      });
      expect(status.error.reason).toBe('session.deviceRevoked');
      const error = await refusalOf(rep.client.call('queue.list', {}));
      expect(error.reason).toBe('session.deviceRevoked');
    } finally {
      rep.close();
    }
  });

  // Last in this file: it moves the hub's clock.
  it('refuses a code after its 10 minutes', async () => {
    const code = await pairingCodeFor(hub.lead, repId);
    await hub.lead.call('dev.advanceClock', { minutes: 11 });
    const error = await refusalOf(
      pairWithHub({ hubUrl: hub.url, code, deviceName: 'late', store: storeIn(tempDir()).store }),
    );
    expect(error.reason).toBe('devices.codeInvalid');
    expect(error.message).toMatch(/expired/);
  });
});

describe('a hub that is not the one paired with', () => {
  const tempDir = useTempDir();
  let hubA: LanHub;
  let hubB: LanHub;
  let repId: string;
  beforeAll(async () => {
    [hubA, hubB] = await Promise.all([startLanHub(), startLanHub()]);
    repId = await addRep(hubA.lead, '张伟');
  });
  afterAll(async () => {
    await Promise.all([hubA?.stop(), hubB?.stop()]);
  });

  it('refuses to pair with a hub whose CA does not match the code: "this is not your team\'s hub"', async () => {
    expect(hubB.caFingerprint256).not.toBe(hubA.caFingerprint256);
    const code = await pairingCodeFor(hubA.lead, repId);
    const error = await refusalOf(
      pairWithHub({ hubUrl: hubB.url, code, deviceName: 'x', store: storeIn(tempDir()).store }),
    );
    expect(error.reason).toBe('repClient.notYourHub');
    expect(error.message).toMatch(/not your team’s hub/);
    // The code was never sent to the impostor: it still pairs with the real hub.
    const paired = await pairWithHub({
      hubUrl: hubA.url,
      code,
      deviceName: 'x',
      store: storeIn(tempDir()).store,
    });
    expect(paired.actor).toMatchObject({ repId });
  });

  it('refuses a hub presenting another certificate at the paired address: the pin does not match', async () => {
    const { path, store } = storeIn(tempDir());
    const code = await pairingCodeFor(hubA.lead, repId);
    await pairWithHub({ hubUrl: hubA.url, code, deviceName: 'pinned', store });
    // Another computer (hub B, its own CA) now answers where the rep PC expects its hub.
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { hubUrl: string };
    writeFileSync(path, JSON.stringify({ ...saved, hubUrl: hubB.url }), { mode: 0o600 });
    const rep = await connectRepClient(store);
    try {
      const status = rep.status();
      expect(status.state).toBe('unreachable');
      expect(status.state === 'unreachable' && status.error.reason).toBe('repClient.pinMismatch');
      const error = await refusalOf(rep.client.call('queue.list', {}));
      expect(error.reason).toBe('repClient.pinMismatch');
      expect(error.message).toMatch(/not the one paired with/);
    } finally {
      rep.close();
    }
  });

  it('shows the hub’s whole CA fingerprint before pairing, and refuses any other CA than the one confirmed', async () => {
    expect(await probeHub(`${hubA.url}/`)).toEqual({
      hubUrl: hubA.url,
      caFingerprint256: hubA.caFingerprint256,
    });
    const code = await pairingCodeFor(hubA.lead, repId);
    // The person confirmed hub B's fingerprint; hub A answers the pairing: nothing is sent to it.
    const error = await refusalOf(
      pairWithHub({
        hubUrl: hubA.url,
        code,
        deviceName: 'x',
        store: storeIn(tempDir()).store,
        expectedFingerprint256: hubB.caFingerprint256,
      }),
    );
    expect(error.reason).toBe('repClient.hubChanged');
    expect(error.message).toContain(hubA.caFingerprint256);
    const paired = await pairWithHub({
      hubUrl: hubA.url,
      code,
      deviceName: 'x',
      store: storeIn(tempDir()).store,
      expectedFingerprint256: hubA.caFingerprint256.toLowerCase(),
    });
    expect(paired.actor).toMatchObject({ repId });
  });
});
