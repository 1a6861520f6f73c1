// In Chromium against the hub: a rep sees a pool lead's phone masked (138****8000), claims it, then sees it whole;
// the team lead sees the reveal in the pool page's reveal log.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepPage, startHubSession, type HubSession } from './hub-harness';

const PIN = '135790';
const PHONE = '13800138000';

describe('masked contact data in the pool', () => {
  let session: HubSession;
  let repContext: BrowserContext;
  let repPage: Page;

  beforeAll(async () => {
    session = await startHubSession({ viewport: { width: 1280, height: 720 } });
    // Created before any rep exists, so distribution leaves it in the pool.
    await session.callApi('leads.create', { name: '张伟', company: '张伟科技有限公司', phone: PHONE });
    const rep = await session.callApi<{ id: string }>('reps.create', {
      name: '王芳',
      tier: 'mid',
      joinedOn: '2024-01-01',
      pin: PIN,
    });
    ({ context: repContext, page: repPage } = await openRepPage(session, rep.id, PIN));
  });

  afterAll(async () => {
    await repContext?.close();
    await session?.stop();
  });

  it('shows the rep 138****8000 in the pool, and the whole number once they claim it', async () => {
    await repPage.goto(`${session.baseUrl}/#/pool`);
    const row = repPage.getByTestId('pool-row').filter({ hasText: '张伟' });
    await row.waitFor();
    await expect.poll(() => row.getByTestId('masked-phone').innerText()).toBe('138****8000');
    expect(await repPage.locator('body').innerText()).not.toContain('138 0013 8000');
    expect(await repPage.content()).not.toContain(PHONE);
    await row.getByTestId('claim').click();
    await row.waitFor({ state: 'detached' });
    await repPage.goto(`${session.baseUrl}/#/queue`);
    const mine = repPage.getByTestId('queue-row').filter({ hasText: '张伟' });
    await mine.waitFor();
    await expect.poll(() => mine.locator('a[href^="tel:"]').getAttribute('href')).toBe(`tel:${PHONE}`);
  });

  it('shows the team lead the reveal in the reveal log', async () => {
    const page = session.page;
    await page.goto(`${session.baseUrl}/#/pool`);
    await page.getByRole('tab', { name: '查看记录' }).click();
    const reveal = page.getByTestId('reveal-row').first();
    await reveal.waitFor();
    const text = await reveal.innerText();
    expect(text).toContain('王芳');
    expect(text).toContain('张伟');
    expect(text).toContain('手机');
  });
});
