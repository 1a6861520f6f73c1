import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../../core/api/contract';
import {
  bindContractToIpc,
  ipcChannelFor,
  type IpcInvokeEvent,
  type IpcMainLike,
} from '../../../core/api/transport/ipc-binding';
import { isTrustedRendererUrl } from '../../../electron/trusted-url';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

/** Records handlers the way Electron's ipcMain does, so a test can invoke them as a renderer would. */
function createFakeIpcMain() {
  const handlers = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  async function invoke(channel: string, frameUrl: string, ...args: unknown[]) {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: { url: frameUrl }, sender: { id: 1 } }, ...args);
  }
  return { ipcMain, handlers, invoke };
}

describe('the IPC binding generated from the contract', () => {
  const tempDir = useTempDir();
  let t: TestService;
  beforeEach(() => {
    t = createTestService(tempDir());
  });
  afterEach(() => t.close());

  const appUrl = 'app://fairlead/index.html';

  let leadToken = '';
  function bind() {
    leadToken = t.service.openTrustedSession({ role: 'lead' });
    const fake = createFakeIpcMain();
    const unbind = bindContractToIpc(
      fake.ipcMain,
      // The main process's window session: here the test's own team-lead session for window 1.
      async (name, input) => t.service.dispatch(name, input, { token: leadToken }),
      (url) => isTrustedRendererUrl(url, { appUrl, devServerUrl: null }),
    );
    return { ...fake, unbind };
  }

  it('registers exactly one channel per contract call and removes them all on unbind', () => {
    const { handlers, unbind } = bind();
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map(ipcChannelFor).sort());
    unbind();
    expect(handlers.size).toBe(0);
  });

  it('runs a valid call from the app page', async () => {
    const { invoke } = bind();
    const result = await invoke(ipcChannelFor('leads.create'), appUrl, { name: '孙丽' }, null);
    expect(result).toMatchObject({ ok: true, value: { name: '孙丽' } });
  });

  it('refuses an invalid payload with the field named, before the service runs', async () => {
    const { invoke } = bind();
    const result = await invoke(ipcChannelFor('leads.create'), appUrl, { name: '孙丽', phone: 'abc' }, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'phone' } });
    expect((await t.client.call('leads.list', {})).total).toBe(0);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5174/',
    'file:///tmp/other.html',
    'file:///opt/Fairlead/resources/app.asar/out/renderer/index.html',
    'app://evil/index.html',
    'app://user@fairlead/index.html',
    '',
    'devtools://devtools/x',
    'not a url',
  ])('refuses a call from an untrusted frame %s', async (url) => {
    const { invoke } = bind();
    const result = await invoke(ipcChannelFor('leads.create'), url, { name: 'x' }, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await t.client.call('leads.list', {})).total).toBe(0);
  });
});
