// A rep signing out on their paired PC stays signed out: the rep client opens no new session by itself (not on the
// next call, not after a restart) until the rep's PIN, sent with the device token, signs in again; a wrong PIN or a
// revoked device is refused by the hub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRepClient } from '../../../core/lan/rep-client';
import { pairWithHub } from '../../../core/lan/rep-pairing';
import { startLanHub, type LanHub } from '../../helpers/lan-hub';
import { useTempDir } from '../../helpers/temp-dir';
import { addRep, pairingCodeFor, refusalOf, storeIn } from './lan-fixtures';

const PIN = '246810';

describe('signing out on a rep’s paired PC', () => {
  const tempDir = useTempDir();
  let hub: LanHub;
  let repId: string;
  beforeAll(async () => {
    hub = await startLanHub();
    repId = await addRep(hub.lead, '李娜', PIN);
  });
  afterAll(() => hub?.stop());

  async function pairedStore() {
    const { store } = storeIn(tempDir());
    const code = await pairingCodeFor(hub.lead, repId);
    const paired = await pairWithHub({ hubUrl: hub.url, code, deviceName: 'Li Na PC', store });
    return { store, deviceId: paired.device.deviceId };
  }

  it('ends the session and opens no new one until the rep’s PIN signs in again', async () => {
    const { store } = await pairedStore();
    const rep = await connectRepClient(store);
    try {
      expect((await rep.client.call('session.status', {})).actor).toMatchObject({ repId });
      await rep.signOut();
      expect(rep.actor()).toBeNull();
      expect(rep.signedOutRep()).toEqual({ repId, name: '李娜' });
      // Neither a call nor the session status signs the rep back in.
      expect((await rep.client.call('session.status', {})).actor).toBeNull();
      expect((await refusalOf(rep.client.call('queue.list', {}))).code).toBe('unauthenticated');
      expect((await rep.client.call('session.status', {})).actor).toBeNull();

      const wrong = await refusalOf(rep.signInWithPin(repId, '135791'));
      expect(wrong.reason).toBe('session.wrongPin');
      expect(rep.signedOutRep()).not.toBeNull();

      const actor = await rep.signInWithPin(repId, PIN);
      expect(actor).toMatchObject({ role: 'rep', repId });
      expect(rep.signedOutRep()).toBeNull();
      expect((await rep.client.call('session.status', {})).actor).toMatchObject({ repId });
      await rep.client.call('queue.list', {});
    } finally {
      rep.close();
    }
  });

  it('stays signed out after the app restarts, and the PIN still signs in then', async () => {
    const { store } = await pairedStore();
    const first = await connectRepClient(store);
    await first.signOut();
    first.close();
    expect((await store.load())?.signedOut).toEqual({ repId, name: '李娜' });

    const again = await connectRepClient(store);
    try {
      expect(again.status()).toEqual({ state: 'connected' });
      expect(again.signedOutRep()).toEqual({ repId, name: '李娜' });
      expect((await again.client.call('session.status', {})).actor).toBeNull();
      await again.signInWithPin(repId, PIN);
      expect((await again.client.call('session.status', {})).actor).toMatchObject({ repId });
      expect((await store.load())?.signedOut).toBeUndefined();
    } finally {
      again.close();
    }
  });

  it('refuses the PIN once the device is revoked, saying the device is no longer paired', async () => {
    const { store, deviceId } = await pairedStore();
    const rep = await connectRepClient(store);
    try {
      await rep.signOut();
      await hub.lead.call('devices.revoke', { id: deviceId });
      const error = await refusalOf(rep.signInWithPin(repId, PIN));
      expect(error.reason).toBe('session.deviceRevoked');
      expect(rep.status().state).toBe('stopped');
    } finally {
      rep.close();
    }
  });
});
