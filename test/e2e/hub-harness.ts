// What every end-to-end test needs: the real hub on a free loopback port with its own temp database, signed in as the
// team lead (the hub's one-time link, then a password), and Debian's Chromium (never a downloaded browser) with one
// page open on it, signed in too (the hub's HttpOnly cookie).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CORE_V8_FLAGS } from '../../core/core-v8-flags';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererIndex = join(root, 'out', 'renderer', 'index.html');
const CHROMIUM = process.env.FAIRLEAD_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let isHostBuilt = false;

/**
 * The hub as `npm run hub` runs it: core/host.ts bundled into out/hub/host.mjs (rebuilt by scripts/hub.mjs when a
 * source is newer), started with plain node instead of tsx compiling every source at each start.
 */
export function spawnBuiltHub(args: readonly string[]): ChildProcess {
  if (!isHostBuilt) {
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'hub.mjs'), '--build-host'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`Building the hub failed:\n${build.stdout}${build.stderr}`);
    isHostBuilt = true;
  }
  return spawn(process.execPath, [...CORE_V8_FLAGS, join(root, 'out', 'hub', 'host.mjs'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A Chinese office PC, whatever the CI machine's locale: phones without +86 are read as Chinese.
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
}

export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Polls until the hub answers, a bounded number of times; the hub's own output explains a failure. */
async function waitForHealth(url: string, hub: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (hub.exitCode !== null) throw new Error(`The hub exited with ${hub.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((next) => setTimeout(next, 100));
  }
  throw new Error(`The hub did not answer /api/health in time:\n${output()}`);
}

/** The team lead's password every e2e hub gets. */
export const LEAD_PASSWORD = 'e2e-team-lead-password';
/** What `workspace.loadDemo` sets (core/api/workspace/handlers.ts DEMO_LEAD_PASSWORD). */
const DEMO_LEAD_PASSWORD = 'fairlead-demo';

/** Waits for the hub to print its one-time team-lead sign-in link, and returns the code in it. */
async function waitForSignInCode(hub: ChildProcess, output: () => string): Promise<string> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const match = /Sign in as the team lead: \S+#signin=(\S+)/.exec(output());
    if (match?.[1]) return match[1];
    if (hub.exitCode !== null) throw new Error(`The hub exited with ${hub.exitCode}:\n${output()}`);
    await new Promise((next) => setTimeout(next, 100));
  }
  throw new Error(`The hub printed no sign-in link:\n${output()}`);
}

/**
 * One call as a program, with a session token or none. Plain node:http, not fetch: fetch sends Fetch Metadata
 * headers, and a caller that looks like a browser gets its token as a cookie instead of in the body.
 */
function postCall<T>(baseUrl: string, name: string, input: unknown, token: string | null): Promise<T> {
  const body = JSON.stringify(input);
  return new Promise((resolveCall, reject) => {
    const request = httpRequest(
      `${baseUrl}/api/${name}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { 'x-fairlead-session': token } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; value: T };
            if (answer.ok) resolveCall(answer.value);
            else reject(new Error(`${name} failed: ${JSON.stringify(answer)}`));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Signs the page in as the team lead: a same-origin fetch, so the hub sets its HttpOnly cookie on the page. */
export async function signPageIn(page: Page, baseUrl: string, password = LEAD_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/api/health`);
  const answer = await page.evaluate(async (secret) => {
    const response = await fetch('/api/session.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'lead', password: secret }),
    });
    return (await response.json()) as { ok: boolean };
  }, password);
  if (!answer.ok) throw new Error(`The page could not sign in: ${JSON.stringify(answer)}`);
}

/** Signs a page in as a rep with their PIN: a same-origin fetch, so the hub sets its session cookie on that page. */
export async function signPageInAsRep(
  page: Page,
  baseUrl: string,
  repId: string,
  pin: string,
): Promise<void> {
  await page.goto(`${baseUrl}/api/health`);
  const answer = await page.evaluate(
    async ({ id, secret }) => {
      const response = await fetch('/api/session.signIn', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ as: 'rep', repId: id, pin: secret }),
      });
      return (await response.json()) as { ok: boolean };
    },
    { id: repId, secret: pin },
  );
  if (!answer.ok) throw new Error(`The rep could not sign in: ${JSON.stringify(answer)}`);
}

/**
 * A browser context of its own signed in as a rep (a rep's PC beside the team lead's page), 1280×720 in Chinese;
 * `prepare` runs on the page before it signs in (listeners, Playwright's clock).
 */
export async function openRepPage(
  session: Pick<HubSession, 'browser' | 'baseUrl'>,
  repId: string,
  pin: string,
  prepare?: (page: Page) => Promise<void> | void,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await prepare?.(page);
  await signPageInAsRep(page, session.baseUrl, repId, pin);
  return { context, page };
}

export interface HubSession {
  readonly baseUrl: string;
  readonly browser: Browser;
  readonly page: Page;
  /** The team lead's session token, for calls made by the test itself (never by the page). */
  readonly leadToken: string;
  /** Calls the API as the team lead (or with a rep's session token) and returns the value, or throws. */
  callApi<T>(name: string, input: unknown, token?: string | null): Promise<T>;
  /** Signs a rep in with their PIN and returns the rep's session token. */
  signInRep(repId: string, pin: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startHubSession(
  options: {
    hubArgs?: readonly string[];
    viewport?: { width: number; height: number };
    /** False: the page is left signed out (it shows the sign-in screen). */
    isSignedIn?: boolean;
  } = {},
): Promise<HubSession> {
  if (!existsSync(rendererIndex)) {
    throw new Error(
      'out/renderer/index.html is missing: run `npm run build:renderer` (or `npm run test:e2e`) first.',
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'fairlead-e2e-'));
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let hubOutput = '';
  const hub = spawnBuiltHub([
    '--port',
    String(port),
    '--db',
    join(dataDir, 'fairlead.sqlite'),
    ...(options.hubArgs ?? []),
  ]);
  hub.stdout?.on('data', (chunk: Buffer) => (hubOutput += chunk.toString()));
  hub.stderr?.on('data', (chunk: Buffer) => (hubOutput += chunk.toString()));
  await waitForHealth(baseUrl, hub, () => hubOutput);
  const code = await waitForSignInCode(hub, () => hubOutput);
  const { token: leadToken } = await postCall<{ token: string }>(
    baseUrl,
    'session.redeemLink',
    { code },
    null,
  );
  // A hub started with --demo already has the demo's team-lead password, which the change must name.
  const isDemo = (options.hubArgs ?? []).includes('--demo');
  await postCall(
    baseUrl,
    'session.setLeadPassword',
    { password: LEAD_PASSWORD, ...(isDemo ? { currentPassword: DEMO_LEAD_PASSWORD } : {}) },
    leadToken,
  );

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  if (options.isSignedIn !== false) await signPageIn(page, baseUrl);

  return {
    baseUrl,
    browser,
    page,
    leadToken,
    callApi<T>(name: string, input: unknown, token?: string | null): Promise<T> {
      return postCall<T>(baseUrl, name, input, token ?? leadToken);
    },
    async signInRep(repId, pin) {
      const signedIn = await postCall<{ token: string }>(
        baseUrl,
        'session.signIn',
        { as: 'rep', repId, pin },
        null,
      );
      return signedIn.token;
    },
    async stop() {
      await browser.close();
      if (hub.exitCode === null) {
        const exited = new Promise((done) => hub.once('exit', done));
        hub.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Drags a kanban card onto a column with the mouse, in small steps (dnd-kit needs moves past its activation
 * distance), dropping a little below the column's top.
 */
export async function dragCard(page: Page, card: Locator, target: Locator): Promise<void> {
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('no layout');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 12; step += 1) {
    await page.mouse.move(
      from.x + from.width / 2 + ((to.x + to.width / 2 - from.x - from.width / 2) * step) / 12,
      from.y + from.height / 2 + ((to.y + 120 - from.y - from.height / 2) * step) / 12,
    );
  }
  await page.mouse.up();
}
