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
  let repId: string;

  beforeAll(async () => {
    session = await startHubSession({ viewport: { width: 1280, height: 720 } });
    page = session.page;
    // The lead waits in the pool (no rep yet), then the rep claims it.
    leadId = (
      await session.callApi<{ id: string }>('leads.create', { name: '日程客户', company: '日程科技' })
    ).id;
    const rep = await session.callApi<{ id: string }>('reps.create', { name: '王芳', tier: 'mid', pin: PIN });
    repId = rep.id;
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

  it('schedules an exact time with the date picker, which speaks Chinese and types a time as typed', async () => {
    const row = page.locator(`[data-testid="queue-row"][data-lead-id="${leadId}"]`);
    await page.goto(`${session.baseUrl}/#/queue`);
    await row.waitFor();
    await row.focus();
    await page.keyboard.press('f');
    const form = page.getByTestId('follow-up-form');
    await form.waitFor();
    await page.keyboard.type('约好下个月演示');
    await form.getByTestId('next-at').click();
    // Next month's 10th: a day in the future whatever day the test runs.
    const [year = 0, month = 0] = await page.evaluate(() => {
      const now = new Date();
      const next = new Date(now.getFullYear(), now.getMonth() + 1, 1);
      return [next.getFullYear(), next.getMonth() + 1];
    });
    await page.getByRole('button', { name: '下个月' }).click();
    // The heading and the days read as Chinese dates ("2027年1月", "2027年1月10日"), not "一月 2027".
    await page
      .getByRole('button', { name: '选择月份' })
      .getByText(`${year}年${month}月`, { exact: true })
      .waitFor();
    await page.getByRole('button', { name: `${year}年${month}月10日` }).click();
    // A click on the hours selects them, so "1430" reads 14:30 (not "10" then "04").
    await page.getByRole('spinbutton', { name: '小时' }).click();
    await page.keyboard.type('1430');
    // Enter in the picker closes it; it does not save the follow-up.
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '下个月' }).waitFor({ state: 'hidden' });
    const pad = (n: number) => String(n).padStart(2, '0');
    await form
      .getByTestId('next-at')
      .getByText(`${year}-${pad(month)}-10 14:30`)
      .waitFor();
    expect(await form.count()).toBe(1);
    await form.getByRole('textbox', { name: '沟通内容' }).press('Enter');
    await form.waitFor({ state: 'detached' });

    const expected = await page.evaluate(({ y, m }) => new Date(y, m - 1, 10, 14, 30).getTime(), {
      y: year,
      m: month,
    });
    // Next month is past the agenda's week: the rep's queue shows it as the lead's next step.
    const queue = await session.callApi<{ items: { id: string; nextAt: number | null }[] }>('queue.list', {
      repId,
    });
    expect(queue.items).toEqual([expect.objectContaining({ id: leadId, nextAt: expected })]);
  });
});
