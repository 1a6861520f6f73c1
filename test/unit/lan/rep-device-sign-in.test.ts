// On the LAN a rep's PIN opens a session only on a device paired for that rep: a browser without the device cookie
// (or a program without the device header), a revoked device, or another rep's device is refused (audited, before a
// try is charged); a paired browser signs in with its HttpOnly device cookie; revoking the device ends its
// sessions at once. The team lead's password and the one-time link still work from any browser on the hub's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLanHub, type LanHub } from '../../helpers/lan-hub';
import { addRep, pairingCodeFor } from './lan-fixtures';
import { postJson, rawRequest, type RawAnswer } from './raw-https';

const PIN = '735194';
const OTHER_PIN = '618230';
const LEAD_PASSWORD = 'harbour-lantern-42';

/** Headers a browser on the hub's own page sends with a same-origin fetch. */
function browserHeaders(hub: LanHub, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'content-type': 'application/json',
    origin: `https://127.0.0.1:${hub.port}`,
    'sec-fetch-site': 'same-origin',
    'sec-fetch-mode': 'cors',
    ...extra,
  };
}

function cookiesOf(answer: RawAnswer): string[] {
  const header = answer.headers['set-cookie'];
  return Array.isArray(header) ? header : header ? [header] : [];
}

/** `name=value` of a Set-Cookie line, as the browser sends it back. */
function cookiePair(answer: RawAnswer, name: string): string {
  const line = cookiesOf(answer).find((cookie) => cookie.startsWith(`${name}=`));
  expect(line, `${name} cookie`).toBeDefined();
  return line!.split(';')[0]!;
}

function pinSignIn(hub: LanHub, repId: string, pin: string, headers: Record<string, string>) {
  return rawRequest(hub, '/api/session.signIn', {
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ as: 'rep', repId, pin }),
  });
}

async function pairByProgram(hub: LanHub, repId: string): Promise<{ deviceToken: string; deviceId: string }> {
  const code = await pairingCodeFor(hub.lead, repId);
  const paired = await postJson(hub, 'devices.pair', JSON.stringify({ code, deviceName: 'rep PC' }), null);
  expect(paired.status).toBe(200);
  return paired.json().value as { deviceToken: string; deviceId: string };
}

describe('a rep’s PIN sign-in on the LAN needs a device paired for that rep', () => {
  let hub: LanHub;
  let repId: string;
  let otherId: string;
  beforeAll(async () => {
    hub = await startLanHub();
    repId = await addRep(hub.lead, '王芳', PIN);
    otherId = await addRep(hub.lead, '赵敏', OTHER_PIN);
    await hub.lead.call('session.setLeadPassword', { password: LEAD_PASSWORD });
  });
  afterAll(() => hub?.stop());

  async function refusalsFor(person: string): Promise<Record<string, unknown>[]> {
    const entries = await hub.lead.call('audit.list', { limit: 500 });
    return entries
      .filter((entry) => entry.action === 'session.deviceRefused' && entry.actor === person)
      .map((entry) => entry.detail);
  }

  it('refuses the right PIN from a browser or program without a device, and charges no try', async () => {
    for (let i = 0; i < 7; i += 1) {
      const answer = await pinSignIn(hub, repId, PIN, browserHeaders(hub));
      expect(answer.status).toBe(403);
      expect(answer.json().error?.reason).toBe('session.deviceNotPaired');
      expect(cookiesOf(answer)).toEqual([]);
    }
    const program = await pinSignIn(hub, repId, PIN, {});
    expect(program.json().error?.reason).toBe('session.deviceNotPaired');
    const forged = await pinSignIn(hub, repId, PIN, { 'x-fairlead-device': 'd'.repeat(43) });
    expect(forged.json().error?.reason).toBe('session.deviceNotPaired');
    const refusals = await refusalsFor(`rep:${repId}`);
    expect(refusals.length).toBeGreaterThanOrEqual(9);
    expect(refusals.every((detail) => detail.reason === 'not paired')).toBe(true);
    // The refusals charged no try: the rep, once paired, is not locked out.
    const { deviceToken } = await pairByProgram(hub, repId);
    expect((await pinSignIn(hub, repId, PIN, { 'x-fairlead-device': deviceToken })).status).toBe(200);
  });

  it('refuses a device paired for another rep', async () => {
    const { deviceToken, deviceId } = await pairByProgram(hub, otherId);
    const answer = await pinSignIn(hub, repId, PIN, { 'x-fairlead-device': deviceToken });
    expect(answer.status).toBe(403);
    expect(answer.json().error?.reason).toBe('session.deviceNotPaired');
    expect(await refusalsFor(`rep:${repId}`)).toContainEqual(
      expect.objectContaining({ reason: 'paired for another person', refusedDeviceId: deviceId }),
    );
    // The same device still signs its own rep in.
    expect((await pinSignIn(hub, otherId, OTHER_PIN, { 'x-fairlead-device': deviceToken })).status).toBe(200);
  });

  it('lets a paired browser sign in with its device cookie, and a revocation ends it at once', async () => {
    const code = await pairingCodeFor(hub.lead, repId);
    const paired = await rawRequest(hub, '/api/devices.pair', {
      headers: browserHeaders(hub),
      body: JSON.stringify({ code, deviceName: 'Chromium' }),
    });
    expect(paired.status).toBe(200);
    const value = paired.json().value as { deviceToken: string; token: string; deviceId: string };
    // The page sees neither token: both are HttpOnly cookies.
    expect(value.deviceToken).toBe('');
    expect(value.token).toBe('');
    const deviceLine = cookiesOf(paired).find((cookie) => cookie.startsWith('fairlead_device='))!;
    expect(deviceLine).toMatch(/; HttpOnly/);
    expect(deviceLine).toMatch(/; SameSite=Strict/);
    expect(deviceLine).toMatch(/; Secure/);
    expect(deviceLine).toMatch(/; Path=\/api\/session\.signIn/);
    const deviceCookie = cookiePair(paired, 'fairlead_device');

    const signedIn = await pinSignIn(hub, repId, PIN, browserHeaders(hub, { cookie: deviceCookie }));
    expect(signedIn.status).toBe(200);
    const session = cookiePair(signedIn, 'fairlead_session');
    const queue = await rawRequest(hub, '/api/queue.list', {
      headers: browserHeaders(hub, { cookie: session }),
      body: '{}',
    });
    expect(queue.status).toBe(200);

    await hub.lead.call('devices.revoke', { id: value.deviceId });
    const after = await rawRequest(hub, '/api/queue.list', {
      headers: browserHeaders(hub, { cookie: session }),
      body: '{}',
    });
    expect(after.status).toBe(401);
    expect(after.json().error?.reason).toBe('common.sessionEnded');
    // The browser hears that its own pairing was revoked (so it asks to pair again), not a generic refusal.
    const again = await pinSignIn(hub, repId, PIN, browserHeaders(hub, { cookie: deviceCookie }));
    expect(again.status).toBe(401);
    expect(again.json().error?.reason).toBe('session.deviceRevoked');
    expect(cookiesOf(again).some((cookie) => cookie.startsWith('fairlead_session='))).toBe(false);
    expect(await refusalsFor(`rep:${repId}`)).toContainEqual(
      expect.objectContaining({ reason: 'revoked', refusedDeviceId: value.deviceId }),
    );
  });

  it('still lets the team lead sign in with the password from a browser without a device', async () => {
    const answer = await rawRequest(hub, '/api/session.signIn', {
      headers: browserHeaders(hub),
      body: JSON.stringify({ as: 'lead', password: LEAD_PASSWORD }),
    });
    expect(answer.status).toBe(200);
    expect(cookiePair(answer, 'fairlead_session')).toMatch(/^fairlead_session=.+/);
  });
});
