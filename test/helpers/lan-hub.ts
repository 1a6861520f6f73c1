// A real LAN-mode hub for tests: the built hub (scripts/hub.mjs) on a free loopback port with its own data folder,
// HTTPS from its own CA, mDNS off (multicast would leave loopback), and the team lead signed in through the
// one-time link it prints, over a connection that trusts only that hub's CA.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppClient } from '../../core/api/transport/app-client';
import { createHttpClient } from '../../core/api/transport/http-client';
import { SESSION_HEADER } from '../../core/api/transport/http-transport';
import { createPinnedTransport, fingerprintOfPem, type PinnedTransport } from '../../core/lan/pinned-tls';
import { findFreePort, spawnBuiltHub } from '../e2e/hub-harness';

export interface LanHub {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly caPem: string;
  readonly caFingerprint256: string;
  /** base64 SHA-256 of the server certificate's SPKI, for Chromium's --ignore-certificate-errors-spki-list. */
  readonly spkiPin: string;
  /** The team lead, signed in by the printed link. */
  readonly lead: AppClient;
  readonly leadToken: string;
  /** Pinned HTTPS without any session, for hand-made requests. */
  readonly transport: PinnedTransport;
  output(): string;
  stop(): Promise<void>;
}

/** Waits for a condition by bounded polling (no fixed sleeps). */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((next) => setTimeout(next, 25));
  }
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

export async function startLanHub(options: { readonly testHooks?: boolean } = {}): Promise<LanHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fairlead-lan-'));
  const port = await findFreePort();
  let output = '';
  const hub = spawnBuiltHub([
    '--lan',
    '--no-mdns',
    '--host',
    '127.0.0.1',
    '--names',
    '127.0.0.1',
    '--port',
    String(port),
    '--db',
    join(dataDir, 'fairlead.sqlite'),
    ...(options.testHooks ? ['--test-hooks'] : []),
  ]);
  hub.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  hub.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const link = await waitFor(
      'the hub to print its sign-in link',
      () => {
        if (hub.exitCode !== null) throw new Error(`The hub exited with ${hub.exitCode}:\n${output}`);
        return /Sign in as the team lead: (\S+)#signin=(\S+)/.exec(output);
      },
      60_000,
    );
    const spkiPin = /--ignore-certificate-errors-spki-list=(\S+)/.exec(output)?.[1] ?? '';
    const url = `https://127.0.0.1:${port}`;
    const caPem = readFileSync(join(dataDir, 'lan', 'ca-cert.pem'), 'utf8');
    const caFingerprint256 = fingerprintOfPem(caPem);
    let leadToken = '';
    const transport = createPinnedTransport({ caPem, caFingerprint256 }, () => ({}));
    const leadTransport = createPinnedTransport({ caPem, caFingerprint256 }, (): Record<string, string> =>
      leadToken ? { [SESSION_HEADER]: leadToken } : {},
    );
    const lead = createHttpClient({
      baseUrl: url,
      fetch: leadTransport.fetch as typeof fetch,
      createSocket: leadTransport.createSocket,
    });
    const signedIn = await lead.call('session.redeemLink', { code: link[2] ?? '' });
    leadToken = signedIn.token;
    return {
      url,
      port,
      dataDir,
      caPem,
      caFingerprint256,
      spkiPin,
      lead,
      leadToken,
      transport,
      output: () => output,
      async stop() {
        transport.close();
        leadTransport.close();
        await stopChild(hub);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopChild(hub);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
