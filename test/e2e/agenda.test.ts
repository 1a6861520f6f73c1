// End to end in Chromium against a hub: a rep schedules "tomorrow morning" from the queue with the keyboard, finds it
// in the agenda, and completes it with one key.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSession, type HubSession } from './hub-harness';

const PIN = '246810';

describe('a rep’s agenda in a browser against the hub', () => {
  let session: HubSession;
  let page: Page;
  let leadId: string;

  beforeAll(async () => {
    session = await startHubSession({ viewport: { width: 1280, height: 720 } });
    page = session.page;
    // The lead waits in the pool (no rep yet), then the rep claims it.
    leadId = (
      await session.callApi<{ id: string }>('leads.create', { name: '日程客户', company: '日程科技' })
    ).id;
    const rep = await session.callApi<{ id: string }>('reps.create', { name: '王芳', tier: 'mid', pin: PIN });
    const token = await session.signInRep(rep.id, PIN);
    await session.callApi('pool.claim', { leadId }, token);
    // The page works as the rep from here on: their PIN on the shared PC.
    await page.goto(`${session.baseUrl}/#/queue`);
    await page.getByTestId('actor-menu').click();
    await page.getByRole('menuitem', { name: '王芳' }).click();
    await page.getByRole('dialog').getByLabel('PIN 码').fill(PIN);
    await page.getByRole('dialog').getByRole('button', { name: '登录' }).click();
    await page.getByTestId('actor-menu').getByText('王芳', { exact: true }).waitFor();
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('schedules tomorrow morning from the queue, sees it in the agenda and completes it with X', async () => {
    const row = page.locator(`[data-testid="queue-row"][data-lead-id="${leadId}"]`);
    await row.waitFor();
    await row.focus();
    await page.keyboard.press('f');
    const form = page.getByTestId('follow-up-form');
    await form.waitFor();
    await page.keyboard.type('客户要看方案');
    await page.keyboard.press('Alt+8');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await row.getByTestId('queue-next').waitFor();

    await page.goto(`${session.baseUrl}/#/agenda`);
    const item = page.getByTestId('agenda-row').filter({ hasText: '日程客户' });
    await item.waitFor();
    await item.focus();
    await page.keyboard.press('x');
    await item.waitFor({ state: 'detached' });
    const agenda = await session.callApi<{ items: unknown[] }>('followUps.agenda', {});
    expect(agenda.items).toEqual([]);
  });
});
