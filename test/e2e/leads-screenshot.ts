// The README's picture, the Leads page with the demo workspace: taken the same way by the e2e test (into
// test-results/) and by `npm run screenshot` (into docs/screenshot.png, on purpose only).
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';

/** Opens the Leads page afresh (no "demo loaded" toast), waits for its rows and writes a PNG; returns its size. */
export async function screenshotLeadsPage(page: Page, baseUrl: string, path: string): Promise<number> {
  await page.goto(baseUrl);
  await page.locator('[data-lead-id]').first().waitFor();
  await page.getByTestId('lead-count').waitFor();
  await page.mouse.move(0, 0);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
  return statSync(path).size;
}
