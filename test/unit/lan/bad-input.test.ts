// Bad input to the LAN hub, sent with the team lead's own session so that anything accepted would apply: malformed
// JSON, oversized bodies (a 413 answer in JSON, not a reset), unknown fields, `__proto__` and other crafted keys.
// Nothing is applied; a connection that keeps sending them is closed, and so is a feed client that talks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startLanHub, waitFor, type LanHub } from '../../helpers/lan-hub';
import { openTlsConnection, postJson } from './raw-https';

describe('bad input to the LAN hub', () => {
  let hub: LanHub;
  beforeAll(async () => {
    hub = await startLanHub();
  });
  afterAll(() => hub?.stop());

  const repCount = async () => (await hub.lead.call('reps.list', { includeInactive: true })).length;

  it('refuses malformed JSON as such', async () => {
    const before = await repCount();
    for (const body of ['{"name":"x",', '{name: "x"}', '\u0000', '[1,2', '{"name":"x","tier":"mid"}}']) {
      const answer = await postJson(hub, 'reps.create', body, hub.leadToken);
      expect(answer.status, body).toBe(400);
      expect(answer.json().error?.reason, body).toBe('common.notJson');
    }
    expect(await repCount()).toBe(before);
  });

  it('answers an oversized body with a 413 in JSON, declared or not', async () => {
    const before = await repCount();
    const huge = JSON.stringify({ name: 'x', tier: 'mid', phone: '1'.repeat(2 * 1024 * 1024) });
    const answer = await postJson(hub, 'reps.create', huge, hub.leadToken);
    expect(answer.status).toBe(413);
    expect(answer.json()).toMatchObject({ ok: false, error: { reason: 'common.bodyTooLarge' } });
    // Without a Content-Length (chunked), the hub stops reading at the limit and answers the same.
    const chunked = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      void openTlsConnection(hub).then((socket) => {
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
        socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]), text }));
        socket.on('error', reject);
        socket.write(
          `POST /api/reps.create HTTP/1.1\r\nHost: 127.0.0.1:${hub.port}\r\ncontent-type: application/json\r\n` +
            `x-fairlead-session: ${hub.leadToken}\r\ntransfer-encoding: chunked\r\n\r\n`,
        );
        const piece = Buffer.alloc(256 * 1024, 'a');
        for (let i = 0; i < 6; i += 1) socket.write(`${piece.length.toString(16)}\r\n${piece}\r\n`);
      });
    });
    expect(chunked.status).toBe(413);
    expect(chunked.text).toContain('"reason":"common.bodyTooLarge"');
    expect(await repCount()).toBe(before);
  });

  it('refuses unknown fields, __proto__ and crafted keys, and applies nothing', async () => {
    const before = await repCount();
    const bodies = [
      '{"name":"A","tier":"mid","isAdmin":true}',
      '{"name":"B","tier":"mid","__proto__":{"isAdmin":true}}',
      '{"name":"C","tier":"mid","constructor":{"prototype":{"polluted":true}}}',
      '{"name":"D","tier":"mid","tier\\u0000":"senior"}',
      `{"name":"E","tier":"mid","${'k'.repeat(5000)}":1}`,
      '{"name":"F","tier":"mid","skills":{"__proto__":["x"]}}',
      '{"name":"G","tier":"mid","leave":[{"from":"2025-01-01","to":"2025-01-02","__proto__":{}}]}',
    ];
    for (const body of bodies) {
      const answer = await postJson(hub, 'reps.create', body, hub.leadToken);
      expect(answer.status, body.slice(0, 60)).toBe(400);
      expect(answer.json().error?.code, body.slice(0, 60)).toBe('invalid_input');
    }
    expect(await repCount()).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // The hub itself is unharmed: a well-formed call still works.
    const fine = await postJson(hub, 'reps.create', '{"name":"Fine","tier":"mid"}', hub.leadToken);
    expect(fine.status).toBe(200);
  });

  it('closes a connection that keeps sending bad requests', async () => {
    const socket = await openTlsConnection(hub);
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const bad =
      `POST /api/reps.create HTTP/1.1\r\nHost: 127.0.0.1:${hub.port}\r\ncontent-type: application/json\r\n` +
      `x-fairlead-session: ${hub.leadToken}\r\ncontent-length: 5\r\n\r\n{bad}`;
    for (let i = 0; i < 12; i += 1) {
      if (socket.destroyed) break;
      socket.write(bad);
      // One answer at a time, so the count of answers is the count the hub chose to give.
      await waitFor(`answer ${i + 1}`, () => socket.destroyed || text.split('HTTP/1.1 ').length - 1 > i);
    }
    await closed;
    const answers = text.split('HTTP/1.1 ').length - 1;
    expect(answers).toBeGreaterThanOrEqual(9);
    expect(answers).toBeLessThan(12);
  });

  it('closes a feed client that sends messages on the push-only feed', async () => {
    const socket = new WebSocket(`wss://127.0.0.1:${hub.port}/api/events`, {
      ca: hub.caPem,
      headers: { 'x-fairlead-session': hub.leadToken },
    });
    await new Promise((resolve, reject) => {
      socket.on('open', resolve);
      socket.on('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    for (let i = 0; i < 3; i += 1)
      socket.send(JSON.stringify({ call: 'reps.create', input: { name: 'ws' } }));
    expect(await closed).toBe(1008);
    expect((await hub.lead.call('reps.list', { includeInactive: true })).some((r) => r.name === 'ws')).toBe(
      false,
    );
  });
});
