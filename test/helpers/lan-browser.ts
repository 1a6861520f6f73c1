// Debian's Chromium as a rep's (or the team lead's) browser on a LAN hub: it trusts the hub's server certificate
// through Chromium's SPKI pin flag (which needs a user data folder of its own), and calls the hub from inside the
// page, so the browser's own cookie, Origin and Fetch Metadata rules apply.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/hub-harness';

const CHROMIUM = process.env.FAIRLEAD_CHROMIUM ?? '/usr/bin/chromium';

export interface LanBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** POST /api/<name> from the page (same origin, the browser's cookie): status and parsed body. */
  callInPage(name: string, input: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function openLanBrowser(spkiPin: string, hubUrl: string): Promise<LanBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'fairlead-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${spkiPin}`],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Any document of the hub's origin will do: with no renderer built the hub answers a short text page.
  await page.goto(`${hubUrl}/`);
  return {
    context,
    page,
    callInPage(name, input) {
      return page.evaluate(
        async ({ name, input }) => {
          const response = await fetch(`/api/${name}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
          return { status: response.status, body: (await response.json()) as unknown };
        },
        { name, input },
      );
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the hub's event feed inside the page; events land in `window.__events`. */
export async function openFeedInPage(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as { __events: unknown[] };
        w.__events = [];
        const socket = new WebSocket(`wss://${location.host}/api/events`);
        socket.onmessage = (message) => w.__events.push(JSON.parse(String(message.data)));
        socket.onopen = () => resolve();
        socket.onerror = () => reject(new Error('the feed did not open'));
      }),
  );
}

export function eventsInPage(page: Page): Promise<{ event: string; payload: Record<string, unknown> }[]> {
  return page.evaluate(
    () => (window as unknown as { __events: { event: string; payload: Record<string, unknown> }[] }).__events,
  );
}
