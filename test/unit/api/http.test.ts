import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHub, type RunningHub } from '../../../core/lan/hub-server';
import { LATEST_SCHEMA_VERSION } from '../../../core/store/migrations/index';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

describe('the hub over real HTTP and WebSocket on loopback', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let hub: RunningHub;
  let rendererDir: string;
  let token: string;

  beforeEach(async () => {
    const dir = tempDir();
    rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fairlead</title>');
    t = createTestService(dir);
    hub = await startHub({ service: t.service, port: 0, rendererDir });
    token = t.service.openTrustedSession({ role: 'lead' });
  });
  afterEach(async () => {
    await hub.close();
    t.close();
  });

  const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${hub.url}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fairlead-session': token, ...headers },
      body: JSON.stringify(body),
    });

  it('answers a valid call with 200 and the value', async () => {
    const res = await post('leads.create', { name: 'Emily Chen', email: 'emily@acme.com' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { name: 'Emily Chen' } });
  });

  it('answers invalid input with 400 naming the field, and stores nothing', async () => {
    const res = await post('leads.create', { name: 'Emily', email: 'emily-at-acme' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'email' } });
    expect((await (await post('leads.list', {})).json()).value.total).toBe(0);
  });

  it('answers a body that is not JSON with 400, and a body not sent as JSON with 415', async () => {
    const headers = { 'content-type': 'application/json', 'x-fairlead-session': token };
    const res = await fetch(`${hub.url}/api/leads.list`, { method: 'POST', headers, body: '{nope' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { reason: 'common.notJson' } });
    const text = await fetch(`${hub.url}/api/leads.list`, {
      method: 'POST',
      headers: { 'x-fairlead-session': token },
      body: '{}',
    });
    expect(text.status).toBe(415);
  });

  it('answers a call without a session with 401 and runs nothing', async () => {
    const res = await fetch(`${hub.url}/api/leads.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { reason: 'common.signInRequired' } });
    expect((await (await post('leads.list', {})).json()).value.total).toBe(0);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (CSRF), running nothing', async () => {
    // fetch will not send a Host of our choosing; a rebinding page's browser does, so send it by hand.
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${hub.url}/api/leads.create`,
        {
          method: 'POST',
          headers: {
            host: `evil.example:${hub.port}`,
            'content-type': 'application/json',
            'x-fairlead-session': token,
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.once('error', reject);
      req.end(JSON.stringify({ name: 'x' }));
    });
    expect(rebound).toBe(421);
    const crossSite = await post('leads.create', { name: 'x' }, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const fetchMeta = await post('leads.create', { name: 'x' }, { 'sec-fetch-site': 'cross-site' });
    expect(fetchMeta.status).toBe(403);
    expect((await (await post('leads.list', {})).json()).value.total).toBe(0);
    const sameOrigin = await post('leads.create', { name: 'ok' }, { origin: hub.url });
    expect(sameOrigin.status).toBe(200);
  });

  it('answers an oversized body with 413 and the JSON error, not a reset', async () => {
    const res = await post('leads.list', { text: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: 'too_large', reason: 'common.bodyTooLarge' },
    });
  });

  it('answers an unknown call or route with 404', async () => {
    expect((await post('leads.drop', {})).status).toBe(404);
    expect((await fetch(`${hub.url}/api/leads.list`)).status).toBe(404);
  });

  it('answers health with the version and schema version', async () => {
    const res = await fetch(`${hub.url}/api/health`);
    expect(await res.json()).toMatchObject({
      ok: true,
      version: '0.1.0',
      schemaVersion: LATEST_SCHEMA_VERSION,
    });
  });

  it('serves the renderer with a strict CSP and falls back to index.html for app routes', async () => {
    const res = await fetch(`${hub.url}/leads`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>Fairlead</title>');
    const escape = await fetch(`${hub.url}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('refuses a WebSocket without a session or from a foreign origin', async () => {
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/api/events`, { headers });
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('open', () => {
          ws.close();
          resolve(101);
        });
        ws.once('error', () => resolve(-1));
      });
    expect(await status({})).toBe(401);
    expect(await status({ 'x-fairlead-session': token, origin: 'https://evil.example' })).toBe(403);
    expect(await status({ 'x-fairlead-session': token })).toBe(101);
  });

  it('pushes events to WebSocket subscribers after a change commits', async () => {
    const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/api/events`, {
      headers: { 'x-fairlead-session': token },
    });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const received = new Promise<unknown>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    await post('leads.create', { name: '周杰' });
    expect(await received).toMatchObject({ event: 'leads.changed', payload: { reason: 'created' } });
    ws.close();
  });
});
