// Hub mode switched from Settings, as the desktop app's core does it: the team lead turns it on, a real HTTPS hub
// answers on loopback with the hub's own CA and pairing codes can be made; off, it stops answering. The choice is
// kept for the next start and audited; a rep cannot switch it; a port in use leaves it off with the reason; the
// headless hub (no switch) says it is set at start.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HUB_MODE_SETTING } from '../../../core/api/network/handlers';
import { createService, type Service } from '../../../core/api/service';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import { createHubModeControl, type HubModeSwitch } from '../../../core/lan/hub-mode';
import { startLanHub } from '../../../core/lan/lan-hub';
import { openDatabase } from '../../../core/store/open-database';
import { readSetting } from '../../../core/store/settings';
import { useTempDir } from '../../helpers/temp-dir';
import { refusalOf } from './lan-fixtures';

const NOW = Date.UTC(2026, 10, 23, 2, 0, 0);

/** GET over HTTPS trusting only `caPem`: the status, or the connection's error code. */
function getHealth(port: number, caPem: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/health', method: 'GET', ca: caPem, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

describe('hub mode from Settings (the desktop app)', () => {
  const tempDir = useTempDir();
  const open: { service: Service; hubMode: HubModeSwitch | null; close(): void }[] = [];
  afterEach(async () => {
    for (const one of open.splice(0)) {
      await one.hubMode?.close();
      one.close();
    }
  });

  function workspace(port = 0, withSwitch = true) {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'fairlead.sqlite'));
    const hubMode = withSwitch
      ? createHubModeControl(() =>
          startLanHub({
            service,
            dataDir: dir,
            names: ['localhost'],
            host: '127.0.0.1',
            port,
            rendererDir: null,
            appVersion: 'test',
            mdns: null,
            now: NOW,
          }),
        )
      : null;
    const service: Service = createService({
      db,
      clock: () => NOW,
      validateOutputs: true,
      ...(hubMode ? { hubMode } : {}),
    });
    open.push({ service, hubMode, close: () => db.close() });
    return {
      dir,
      db,
      lead: createInProcessClient(service, { as: { role: 'lead' } }),
      asRep: (repId: string) => createInProcessClient(service, { as: { role: 'rep', repId } }),
    };
  }

  it('serves HTTPS with its own CA once turned on, makes pairing codes, and stops when turned off', async () => {
    const w = workspace();
    expect(await w.lead.call('network.hubMode', {})).toEqual({
      on: false,
      switchable: true,
      names: [],
      port: null,
      caFingerprint256: null,
    });
    const rep = await w.lead.call('reps.create', { name: '王芳', tier: 'mid' });
    // Pairing needs hub mode: the code carries the CA's fingerprint.
    await refusalOf(w.lead.call('devices.createPairingCode', { repId: rep.id }));

    const on = await w.lead.call('network.setHubMode', { on: true });
    expect(on).toMatchObject({ on: true, switchable: true, names: ['localhost'] });
    expect(on.port).toBeGreaterThan(0);
    const caPem = readFileSync(join(w.dir, 'lan', 'ca-cert.pem'), 'utf8');
    expect(await getHealth(on.port!, caPem)).toBe(200);
    const code = await w.lead.call('devices.createPairingCode', { repId: rep.id });
    expect(code.code.endsWith(on.caFingerprint256!.replace(/:/g, '').slice(0, 8))).toBe(true);
    expect(readSetting<boolean>(w.db, HUB_MODE_SETTING)).toBe(true);

    // A rep can see neither the switch nor its state.
    expect((await refusalOf(w.asRep(rep.id).call('network.setHubMode', { on: false }))).code).toBe(
      'forbidden',
    );
    expect((await refusalOf(w.asRep(rep.id).call('network.hubMode', {}))).code).toBe('forbidden');
    expect(await getHealth(on.port!, caPem)).toBe(200);

    const off = await w.lead.call('network.setHubMode', { on: false });
    expect(off).toEqual({ on: false, switchable: true, names: [], port: null, caFingerprint256: null });
    expect(await getHealth(on.port!, caPem)).toBe('ECONNREFUSED');
    expect(readSetting<boolean>(w.db, HUB_MODE_SETTING)).toBe(false);
    const audit = await w.lead.call('audit.list', { entityId: HUB_MODE_SETTING });
    expect(audit.map((row) => [row.action, (row.detail as { on: boolean }).on])).toEqual([
      ['network.setHubMode', false],
      ['network.setHubMode', true],
    ]);
  });

  it('stays off, saying why, when its port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const w = workspace(port);
      const refusal = await refusalOf(w.lead.call('network.setHubMode', { on: true }));
      expect(refusal.reason).toBe('network.startFailed');
      expect(refusal.message).toContain('EADDRINUSE');
      expect(await w.lead.call('network.hubMode', {})).toMatchObject({ on: false });
      expect(readSetting<boolean>(w.db, HUB_MODE_SETTING)).toBeUndefined();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('on the headless hub, says hub mode is set when the hub starts', async () => {
    const w = workspace(0, false);
    expect(await w.lead.call('network.hubMode', {})).toMatchObject({ on: false, switchable: false });
    expect((await refusalOf(w.lead.call('network.setHubMode', { on: true }))).reason).toBe(
      'network.fixedByHost',
    );
  });
});
