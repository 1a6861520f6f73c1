// End to end in Chromium against a hub with test hooks: the funnel board, the queue, the public pool, SLA recycling.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dragCard, LEAD_PASSWORD, startHubSession, type HubSession } from './hub-harness';

/** Clocks that never pause (no calendar), so the test does not depend on the day it runs. */
const RULE = {
  firstContactMinutes: 30,
  followUpMinutes: 1440,
  escalateAfterMinutes: 120,
  recycleAfterMinutes: 240,
};
/** The reps' PINs, which they type to take over the shared PC. */
const PIN_A = '246810';
const PIN_B = '135790';

const POLICY = {
  grades: { A: RULE, B: RULE, C: RULE, D: RULE, ungraded: RULE },
  recycleTarget: 'pool',
  calendar: null,
};

describe('working the leads in a browser against the hub', () => {
  let session: HubSession;
  let baseUrl: string;
  let page: Page;
  const ids: Record<string, string> = {};

  function callApi<T>(name: string, input: unknown, token: string | null = null): Promise<T> {
    return session.callApi<T>(name, input, token);
  }

  async function createLead(name: string, stage: string): Promise<string> {
    return (await callApi<{ id: string }>('leads.create', { name, company: `${name}有限公司`, stage })).id;
  }

  /** Hands the PC to a rep (their PIN), or back to the team lead (the team lead's password). */
  async function switchActor(name: string, secret: string): Promise<void> {
    await page.getByTestId('actor-menu').click();
    const item = name === '销售主管' ? '切换回销售主管' : name;
    await page.getByRole('menuitem', { name: item }).click();
    await page
      .getByRole('dialog')
      .getByLabel(name === '销售主管' ? '销售主管密码' : 'PIN 码')
      .fill(secret);
    await page.getByRole('dialog').getByRole('button', { name: '登录' }).click();
    await page.getByTestId('actor-menu').getByText(name, { exact: true }).waitFor();
  }

  beforeAll(async () => {
    session = await startHubSession({ hubArgs: ['--test-hooks'], viewport: { width: 1600, height: 900 } });
    baseUrl = session.baseUrl;
    page = session.page;

    // Leads first, while there is no rep to distribute them to: they wait in the public pool.
    await callApi('sla.savePolicy', { policy: POLICY });
    ids.moving = await createLead('拖拽客户', 'mql');
    ids.queued = await createLead('待办客户', 'sql');
    ids.claimable = await createLead('公海客户', 'raw');
    ids.overdue = await createLead('超时客户', 'raw');
    const repA = await callApi<{ id: string }>('reps.create', { name: '王芳', tier: 'mid', pin: PIN_A });
    await callApi<{ id: string }>('reps.create', { name: '李强', tier: 'mid', pin: PIN_B });
    ids.repA = repA.id;
    const token = await session.signInRep(repA.id, PIN_A);
    for (const lead of [ids.moving, ids.queued, ids.overdue])
      await callApi('pool.claim', { leadId: lead }, token);
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('drags a card from MQL to SQL and finds it there after a reload', async () => {
    await page.goto(`${baseUrl}/#/funnel`);
    const card = page.getByTestId('column-mql').locator(`[data-lead-id="${ids.moving}"]`);
    await card.waitFor();
    await dragCard(page, card, page.getByTestId('column-sql'));
    await page.getByTestId('column-sql').locator(`[data-lead-id="${ids.moving}"]`).waitFor();
    await page.reload();
    await page.getByTestId('column-sql').locator(`[data-lead-id="${ids.moving}"]`).waitFor();
    expect(await page.getByTestId('column-mql').locator(`[data-lead-id="${ids.moving}"]`).count()).toBe(0);
    const detail = await callApi<{ lead: { stage: string } }>('leads.get', { id: ids.moving });
    expect(detail.lead.stage).toBe('sql');
  });

  it('logs a follow-up from the queue with the keyboard alone', async () => {
    await page.goto(`${baseUrl}/#/queue`);
    const row = page.locator(`[data-testid="queue-row"][data-lead-id="${ids.queued}"]`);
    await row.waitFor();
    await page.locator('[data-testid="queue-row"]').first().focus();
    for (let i = 0; i < 5; i += 1) {
      if ((await row.getAttribute('aria-current')) === 'true') break;
      await page.keyboard.press('ArrowDown');
    }
    expect(await row.getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('f');
    const form = page.getByTestId('follow-up-form');
    await form.waitFor();
    await page.keyboard.press('Alt+2');
    await page.keyboard.type('介绍了新产品，客户要报价');
    await page.keyboard.press('Tab');
    await page.keyboard.type('很感兴趣');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    const detail = await callApi<{ followUps: { said: string; channel: string; reaction: string | null }[] }>(
      'leads.get',
      { id: ids.queued },
    );
    expect(detail.followUps).toEqual([
      expect.objectContaining({ said: '介绍了新产品，客户要报价', channel: 'wechat', reaction: '很感兴趣' }),
    ]);
  });

  it('lets a rep claim a lead from the public pool', async () => {
    await page.goto(`${baseUrl}/#/pool`);
    await switchActor('李强', PIN_B);
    const row = page.locator(`[data-testid="pool-row"][data-lead-id="${ids.claimable}"]`);
    await row.getByTestId('claim').click();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('claim-quota').getByText('今天还可领取 19 条').waitFor();
    const detail = await callApi<{ lead: { ownerId: string | null } }>('leads.get', { id: ids.claimable });
    expect(detail.lead.ownerId).not.toBeNull();
    await switchActor('销售主管', LEAD_PASSWORD);
  });

  it('recycles an overdue lead into the public pool once the clock moves past its deadline', async () => {
    await page.goto(`${baseUrl}/#/pool`);
    await page.getByTestId('pool-table').or(page.getByText('公海池里没有线索')).first().waitFor();
    expect(await page.locator(`[data-testid="pool-row"][data-lead-id="${ids.overdue}"]`).count()).toBe(0);
    const tick = await callApi<{ recycled: number }>('dev.advanceClock', { minutes: 241 });
    expect(tick.recycled).toBeGreaterThanOrEqual(1);
    const row = page.locator(`[data-testid="pool-row"][data-lead-id="${ids.overdue}"]`);
    await row.waitFor();
    await row.getByTestId('recycled-badge').waitFor();
  });
});
