// Every attack on the LAN hub that was reproduced before identity existed, now refused: calls without a session or
// with an ended one (signed out, revoked device, deactivated rep), a forged Host (DNS rebinding), a foreign Origin,
// a text/plain body, a rep calling team-lead calls or guessing the team lead's password, and from a hostile page in
// the team lead's own Chromium: a cross-origin text/plain fetch, a plain HTML form post, and a WebSocket.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Renamed: page.evaluate bodies below use the browser's own WebSocket.
import { WebSocket as NodeWebSocket } from 'ws';
import { openLanBrowser, type LanBrowser } from '../../helpers/lan-browser';
import { startLanHub, type LanHub } from '../../helpers/lan-hub';
import { addRep, pairingCodeFor } from './lan-fixtures';
import { postJson, rawRequest } from './raw-https';

const PIN = '482916';
const LEAD_PASSWORD = 'harbour-lantern-42';

/** A rep's PIN sign-in from a device paired for them (on the LAN a PIN alone is refused: rep-device-sign-in). */
async function signInRep(hub: LanHub, repId: string): Promise<string> {
  const code = await pairingCodeFor(hub.lead, repId);
  const paired = await postJson(hub, 'devices.pair', JSON.stringify({ code, deviceName: 'rep PC' }), null);
  const { deviceToken } = paired.json().value as { deviceToken: string };
  const answer = await rawRequest(hub, '/api/session.signIn', {
    headers: { 'content-type': 'application/json', 'x-fairlead-device': deviceToken },
    body: JSON.stringify({ as: 'rep', repId, pin: PIN }),
  });
  expect(answer.status).toBe(200);
  return (answer.json().value as { token: string }).token;
}

/** Opens the push feed as a program would; resolves with how it ended (opened, or the refusal's status). */
function openFeed(
  hub: LanHub,
  headers: Record<string, string>,
): Promise<{ opened: true; socket: NodeWebSocket } | { opened: false; status: number }> {
  return new Promise((resolve) => {
    const socket = new NodeWebSocket(`wss://127.0.0.1:${hub.port}/api/events`, {
      ca: hub.caPem,
      headers,
    });
    socket.on('open', () => resolve({ opened: true, socket }));
    socket.on('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode ?? 0 });
      socket.terminate();
    });
    socket.on('error', () => resolve({ opened: false, status: 0 }));
  });
}

describe('the LAN hub refuses on the wire', () => {
  let hub: LanHub;
  let repId: string;
  beforeAll(async () => {
    hub = await startLanHub();
    repId = await addRep(hub.lead, '王芳', PIN);
  });
  afterAll(() => hub?.stop());

  it('refuses a call without a session', async () => {
    for (const name of ['leads.list', 'queue.list', 'reps.create', 'audit.list']) {
      const answer = await postJson(hub, name, '{}', null);
      expect(answer.status, name).toBe(401);
      expect(answer.json().error?.reason, name).toBe('common.signInRequired');
    }
  });

  it('refuses a made-up session token and a signed-out one', async () => {
    expect((await postJson(hub, 'leads.list', '{}', 'x'.repeat(43))).json().error?.reason).toBe(
      'common.sessionEnded',
    );
    const token = await signInRep(hub, repId);
    expect((await postJson(hub, 'leads.list', '{}', token)).status).toBe(200);
    expect((await postJson(hub, 'session.signOut', '{}', token)).status).toBe(200);
    const stale = await postJson(hub, 'leads.list', '{}', token);
    expect(stale.status).toBe(401);
    expect(stale.json().error?.reason).toBe('common.sessionEnded');
  });

  it('refuses the session of a revoked device, and closes its feed with 4401', async () => {
    const code = await pairingCodeFor(hub.lead, repId);
    const paired = await postJson(
      hub,
      'devices.pair',
      JSON.stringify({ code, deviceName: 'to revoke' }),
      null,
    );
    const { token, deviceId } = paired.json().value as { token: string; deviceId: string };
    const feed = await openFeed(hub, { 'x-fairlead-session': token });
    expect(feed.opened).toBe(true);
    const closed = new Promise<number>((resolve) =>
      (feed as { socket: NodeWebSocket }).socket.on('close', (code) => resolve(code)),
    );
    await hub.lead.call('devices.revoke', { id: deviceId });
    expect(await closed).toBe(4401);
    expect((await postJson(hub, 'leads.list', '{}', token)).json().error?.reason).toBe('common.sessionEnded');
  });

  it('refuses a deactivated rep’s session and device, and lets neither sign in again', async () => {
    const other = await addRep(hub.lead, '赵敏', PIN);
    const token = await signInRep(hub, other);
    const code = await pairingCodeFor(hub.lead, other);
    const paired = await postJson(hub, 'devices.pair', JSON.stringify({ code, deviceName: 'PC' }), null);
    const { deviceToken } = paired.json().value as { deviceToken: string };
    await hub.lead.call('reps.setActive', { id: other, isActive: false });
    expect((await postJson(hub, 'queue.list', '{}', token)).json().error?.reason).toBe('common.sessionEnded');
    const device = await postJson(hub, 'session.signIn', JSON.stringify({ as: 'device', deviceToken }), null);
    expect(device.status).toBe(401);
    expect(device.json().error?.reason).toBe('session.deviceRevoked');
  });

  it('answers 421 to a forged Host (DNS rebinding), for calls, health and the feed', async () => {
    const headers = { host: `evil.example:${hub.port}`, 'content-type': 'application/json' };
    const call = await rawRequest(hub, '/api/leads.list', {
      headers: { ...headers, 'x-fairlead-session': hub.leadToken },
      body: '{}',
    });
    expect(call.status).toBe(421);
    expect((await rawRequest(hub, '/api/health', { method: 'GET', headers })).status).toBe(421);
    expect(
      await openFeed(hub, { host: `evil.example:${hub.port}`, 'x-fairlead-session': hub.leadToken }),
    ).toEqual({ opened: false, status: 421 });
  });

  it('refuses a foreign Origin, a cross-site fetch and a non-JSON body even with the team lead’s session', async () => {
    const session = { 'x-fairlead-session': hub.leadToken };
    const body = JSON.stringify({ name: 'CSRF', tier: 'mid' });
    const foreign = await rawRequest(hub, '/api/reps.create', {
      headers: { ...session, 'content-type': 'application/json', origin: 'https://evil.example' },
      body,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json().error?.reason).toBe('transport.foreignOrigin');
    const crossSite = await rawRequest(hub, '/api/reps.create', {
      headers: { ...session, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body,
    });
    expect(crossSite.status).toBe(403);
    const text = await rawRequest(hub, '/api/reps.create', {
      headers: { ...session, 'content-type': 'text/plain' },
      body,
    });
    expect(text.status).toBe(415);
    const reps = await hub.lead.call('reps.list', { includeInactive: true });
    expect(reps.some((rep) => rep.name === 'CSRF')).toBe(false);
  });

  it('opens the feed only for a live session from no origin or the hub’s own', async () => {
    expect(await openFeed(hub, {})).toEqual({ opened: false, status: 401 });
    expect(
      await openFeed(hub, { 'x-fairlead-session': hub.leadToken, origin: 'https://evil.example' }),
    ).toEqual({ opened: false, status: 403 });
    const own = await openFeed(hub, { 'x-fairlead-session': hub.leadToken, origin: hub.url });
    expect(own.opened).toBe(true);
    if (own.opened) own.socket.close();
  });

  it('refuses a rep every team-lead call, and the team lead’s powers without the password', async () => {
    const token = await signInRep(hub, repId);
    const leadOnly: [string, unknown][] = [
      ['reps.create', { name: 'x', tier: 'mid' }],
      ['leads.export', { format: 'csv' }],
      ['devices.createPairingCode', { repId }],
      ['devices.list', {}],
      ['session.setLeadPassword', { password: 'a-new-password' }],
      ['audit.list', {}],
      ['dashboard.summary', {}],
    ];
    for (const [name, input] of leadOnly) {
      const answer = await postJson(hub, name, JSON.stringify(input), token);
      expect(answer.status, name).toBe(403);
      expect(answer.json().error?.reason, name).toBe('common.teamLeadOnly');
    }
    await hub.lead.call('session.setLeadPassword', { password: LEAD_PASSWORD });
    const guess = await postJson(
      hub,
      'session.signIn',
      JSON.stringify({ as: 'lead', password: 'password123' }),
      token,
    );
    expect(guess.json().error?.reason).toBe('session.wrongPassword');
    const status = await postJson(hub, 'session.status', '{}', token);
    expect(status.json().value).toMatchObject({ actor: { role: 'rep', repId } });
  });
});

describe('a hostile page in the team lead’s Chromium', () => {
  let hub: LanHub;
  let browser: LanBrowser;
  let evil: Server;
  let evilUrl: string;
  beforeAll(async () => {
    hub = await startLanHub();
    await hub.lead.call('session.setLeadPassword', { password: LEAD_PASSWORD });
    browser = await openLanBrowser(hub.spkiPin, hub.url);
    const signedIn = await browser.callInPage('session.signIn', { as: 'lead', password: LEAD_PASSWORD });
    expect(signedIn.status).toBe(200);
    // The attacker's site: another loopback server on another port, so another origin and another site.
    evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>cute cats</title>');
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => evil?.close(resolve));
    await hub?.stop();
  });

  async function repNames(): Promise<string[]> {
    return (await hub.lead.call('reps.list', { includeInactive: true })).map((rep) => rep.name);
  }

  it('has a live team-lead cookie on the hub’s own page (so the refusals below are not for want of one)', async () => {
    const own = await browser.callInPage('reps.create', { name: 'Own page', tier: 'mid' });
    expect(own.status).toBe(200);
    expect(await repNames()).toContain('Own page');
  });

  it('refuses a cross-origin text/plain fetch: nothing is created', async () => {
    const page = await browser.context.newPage();
    await page.goto(evilUrl);
    const hubCalls = new Promise<number>((resolve) =>
      page.on('response', (response) => {
        if (response.url().includes('/api/reps.create')) resolve(response.status());
      }),
    );
    await page.evaluate(async (url) => {
      await fetch(`${url}/api/reps.create`, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ name: 'CSRF fetch', tier: 'mid' }),
      }).catch(() => undefined);
    }, hub.url);
    expect([403, 415]).toContain(await hubCalls);
    expect(await repNames()).not.toContain('CSRF fetch');
    await page.close();
  });

  it('refuses a plain HTML form post: nothing is created', async () => {
    const page = await browser.context.newPage();
    await page.goto(evilUrl);
    const navigation = page.waitForURL(`${hub.url}/api/reps.create`);
    await page.evaluate((url) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = `${url}/api/reps.create`;
      form.enctype = 'text/plain';
      const input = document.createElement('input');
      input.name = '{"name":"CSRF form","tier":"mid","x":"';
      input.value = '"}';
      form.append(input);
      document.body.append(form);
      form.submit();
    }, hub.url);
    await navigation;
    const answer = JSON.parse((await page.locator('body').innerText()) || '{}') as {
      ok: boolean;
      error: { reason: string };
    };
    expect(answer.ok).toBe(false);
    expect(answer.error.reason).toBe('transport.foreignOrigin');
    expect(await repNames()).not.toContain('CSRF form');
    await page.close();
  });

  it('refuses a WebSocket to the feed from the hostile page', async () => {
    const page = await browser.context.newPage();
    await page.goto(evilUrl);
    const outcome = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`${url.replace('https:', 'wss:')}/api/events`);
          socket.onopen = () => resolve('opened');
          socket.onclose = () => resolve('refused');
        }),
      hub.url,
    );
    expect(outcome).toBe('refused');
    await page.close();
  });

  it('still lets the hub’s own page open the feed with the cookie', async () => {
    const outcome = await browser.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`wss://${location.host}/api/events`);
          socket.onopen = () => {
            socket.close();
            resolve('opened');
          };
          socket.onclose = () => resolve('refused');
        }),
    );
    expect(outcome).toBe('opened');
  });
});
