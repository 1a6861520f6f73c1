// At 1280×720, in Chinese, on the demo workspace: the Queue and Pool pages cut no name, phone or badge text.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSession, type HubSession } from './hub-harness';

/** Elements matching `selector` whose text does not fit their box (ellipsis or clipping). */
async function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) =>
    elements
      .filter(
        (el) => el instanceof HTMLElement && el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1,
      )
      .map((el) => (el as HTMLElement).innerText),
  );
}

const SELECTORS = '[data-testid="lead-name"], a[href^="tel:"], .mantine-Badge-label';

describe('the working pages at 1280×720', () => {
  let session: HubSession;
  let page: Page;

  beforeAll(async () => {
    session = await startHubSession({ viewport: { width: 1280, height: 720 } });
    page = session.page;
    await session.callApi('workspace.loadDemo', {});
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('cuts nothing on the queue', async () => {
    await page.goto(`${session.baseUrl}/#/queue`);
    await page.getByTestId('queue-row').first().waitFor();
    expect(await page.getByTestId('queue-row').count()).toBeGreaterThan(10);
    expect(await cutTexts(page, SELECTORS)).toEqual([]);
    // The gauge can fail: a name squeezed into 40 px is reported.
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.dataset.testid = 'lead-name';
      probe.id = 'cut-probe';
      probe.style.cssText = 'width:40px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis';
      probe.textContent = '一个很长很长的客户名称';
      document.body.append(probe);
    });
    expect(await cutTexts(page, SELECTORS)).toEqual(['一个很长很长的客户名称']);
    await page.evaluate(() => document.getElementById('cut-probe')?.remove());
  });

  it('cuts nothing on the pool table', async () => {
    await page.goto(`${session.baseUrl}/#/pool`);
    await page.getByTestId('pool-table').waitFor();
    expect(await cutTexts(page, SELECTORS)).toEqual([]);
  });
});
