// axe-core (WCAG 2.0/2.1 A and AA) in Chromium over every page and main dialog, in Chinese and English, as the
// team lead and as a rep on the demo workspace: no serious or critical violation.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanAll, scanNow, signPageInAsDemoRep } from './a11y-scan';
import { signPageIn, startHubSession, type HubSession } from './hub-harness';

describe('accessibility of every page and main dialog (axe-core, WCAG 2.1 AA)', () => {
  let session: HubSession;
  let page: Page;

  beforeAll(async () => {
    session = await startHubSession({ hubArgs: ['--demo'], viewport: { width: 1280, height: 720 } });
    page = session.page;
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('reports a low-contrast text and an unnamed button it is shown (the gauge can fail)', async () => {
    await page.goto(`${session.baseUrl}/#/leads`);
    await page.locator('main h2').first().waitFor();
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'a11y-probe';
      probe.innerHTML =
        '<p style="color:#aaaaaa;background:#ffffff;font-size:12px">faint text</p><button type="button"></button>';
      document.querySelector('main')?.append(probe);
    });
    const rules = (await scanNow(page, 'probe')).map((finding) => finding.rule);
    expect(rules).toContain('color-contrast');
    expect(rules).toContain('button-name');
    await page.evaluate(() => document.getElementById('a11y-probe')?.remove());
  });

  it('finds no serious or critical violation as the team lead, in both languages', async () => {
    expect(await scanAll(session, 'lead')).toEqual([]);
  }, 600_000);

  it('finds no serious or critical violation as a rep, in both languages', async () => {
    await signPageInAsDemoRep(session, page);
    try {
      expect(await scanAll(session, 'rep')).toEqual([]);
    } finally {
      await signPageIn(page, session.baseUrl);
    }
  }, 600_000);
});
