import { mkdirSync, writeFileSync } from 'node:fs';
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

  beforeEach(async () => {
    const dir = tempDir();
    rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fairlead</title>');
    t = createTestService(dir);
    hub = await startHub({ service: t.service, port: 0, rendererDir });
  });
  afterEach(async () => {
    await hub.close();
    t.close();
  });

  const post = (name: string, body: unknown) =>
    fetch(`${hub.url}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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

  it('answers a body that is not JSON with 400', async () => {
    const res = await fetch(`${hub.url}/api/leads.list`, { method: 'POST', body: '{nope' });
    expect(res.status).toBe(400);
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

  it('pushes events to WebSocket subscribers after a change commits', async () => {
    const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/api/events`);
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
