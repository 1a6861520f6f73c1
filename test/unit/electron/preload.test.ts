// The sandboxed preload exposes one object, window.fairlead, with the contract's two doors and nothing of Electron.
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  return {
    exposed,
    invoked,
    electron: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return { ok: true, value: null };
        },
        on: () => {},
        removeListener: () => {},
      },
    },
  };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
await import('../../../electron/preload');

describe('the preload', () => {
  it('exposes only window.fairlead, holding three functions and no Electron object', () => {
    expect([...fake.exposed.keys()]).toEqual(['fairlead']);
    const bridge = fake.exposed.get('fairlead') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent', 'printToPdf']);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it.each(['no.suchCall', '__proto__', 'constructor', 42, null])(
    'refuses a call name outside the contract without touching IPC: %s',
    async (name) => {
      const bridge = fake.exposed.get('fairlead') as {
        call: (name: unknown, input: unknown) => Promise<unknown>;
      };
      const before = fake.invoked.length;
      expect(await bridge.call(name, {})).toMatchObject({ ok: false });
      expect(fake.invoked.length).toBe(before);
    },
  );

  it('asks the main process for a PDF on the PDF channel only', async () => {
    const bridge = fake.exposed.get('fairlead') as {
      printToPdf: (request: unknown) => Promise<unknown>;
    };
    const request = { fileName: '报告', footer: '报告' };
    await bridge.printToPdf(request);
    expect(fake.invoked.at(-1)).toEqual(['fairlead:print-to-pdf', request]);
  });

  it('sends a contract call on its own channel', async () => {
    const bridge = fake.exposed.get('fairlead') as {
      call: (name: string, input: unknown) => Promise<unknown>;
    };
    await bridge.call('leads.list', {});
    expect(fake.invoked.at(-1)?.[0]).toMatch(/leads\.list/);
  });
});
