import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreRelay, type CoreMessage, type CoreRequest } from '../../../electron/core-relay';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

/** Wires a relay to a real service the way electron/core-process.ts does, with an async hop in between. */
function connect(t: TestService) {
  const toMain = new Set<(message: CoreMessage) => void>();
  const deliver = (message: CoreMessage) =>
    queueMicrotask(() => toMain.forEach((listener) => listener(message)));
  t.service.subscribe((event) => deliver({ type: 'event', windowId: 1, event }));
  const relay = createCoreRelay({
    postMessage: (request: CoreRequest) =>
      setTimeout(async () => {
        if (request.type === 'openLocalSession') {
          deliver({ type: 'session', id: request.id, token: t.service.openTrustedSession({ role: 'lead' }) });
        } else if (request.type === 'call') {
          deliver({
            type: 'result',
            id: request.id,
            result: await t.service.dispatch(request.name, request.input, { token: request.token }),
          });
        }
      }, 0),
    onMessage: (listener) => toMain.add(listener),
  });
  return relay;
}

describe('the main-process relay to the core utility process', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  it('answers concurrent calls each with its own result', async () => {
    const relay = connect(t);
    const token = await relay.openLocalSession();
    const [a, b, bad] = await Promise.all([
      relay.dispatch('leads.create', { name: '甲' }, token),
      relay.dispatch('leads.create', { name: '乙' }, token),
      relay.dispatch('leads.create', { name: '' }, token),
    ]);
    expect(a).toMatchObject({ ok: true, value: { name: '甲' } });
    expect(b).toMatchObject({ ok: true, value: { name: '乙' } });
    expect(bad).toMatchObject({ ok: false, error: { field: 'name' } });
  });

  it('forwards pushed events', async () => {
    const relay = connect(t);
    const received = new Promise((resolve) => relay.onEvent((_windowId, event) => resolve(event)));
    await relay.dispatch('leads.create', { name: '丙' }, await relay.openLocalSession());
    expect(await received).toMatchObject({ event: 'leads.changed' });
  });

  it('refuses a call without the window’s session', async () => {
    const relay = connect(t);
    expect(await relay.dispatch('leads.list', {}, null)).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });

  it('fails waiting calls with a clear error when the core stops', async () => {
    const relay = createCoreRelay({ postMessage: () => undefined, onMessage: () => undefined });
    const pending = relay.dispatch('leads.list', {}, null);
    relay.failPending('The Fairlead core stopped (exit code 1).');
    expect(await pending).toMatchObject({
      ok: false,
      error: { code: 'internal', reason: 'transport.coreStopped' },
    });
  });
});
