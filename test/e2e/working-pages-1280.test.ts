// At 1280×720, on the demo workspace, in Chinese and in English: the Queue, Pool, Leads and Team pages cut no name,
// phone or badge text, and the
// pages that count overdue leads show the same number.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PIN } from './a11y-scan';
import { openRepPage, startHubSession, type HubSession } from './hub-harness';

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

const SELECTORS =
  '[data-testid="lead-name"], [data-testid="lead-phone"], [data-testid="rep-name"], a[href^="tel:"], .mantine-Badge-label';

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

  /** The number in a badge or tile's text ("超时 56 条" → 56). */
  async function numberIn(testId: string): Promise<number> {
    const locator = page.getByTestId(testId).first();
    await locator.waitFor();
    const digits = (await locator.innerText()).replace(/[,\s]/g, '').match(/\d+/);
    if (!digits) throw new Error(`no number in ${testId}`);
    return Number(digits[0]);
  }

  it('shows one overdue count on the Dashboard, the Queue and the Funnel, and a rep’s agenda agrees with their queue', async () => {
    // The hub's scheduler runs on the real clock, recycling overdue leads as it goes, so the three pages are read
    // in quick succession, and read again (a few times at most) if a recycle fell between two of them.
    let counts = { dashboard: -1, queue: -2, funnel: -3 };
    for (let attempt = 0; attempt < 3 && new Set(Object.values(counts)).size > 1; attempt += 1) {
      await page.goto(`${session.baseUrl}/#/dashboard`);
      await page.reload(); // Nothing from the cache: each page asks the hub.
      const dashboard =
        (await numberIn('dashboard-overdue-first-contact')) + (await numberIn('dashboard-overdue-follow-up'));
      await page.goto(`${session.baseUrl}/#/queue`);
      const queue = await numberIn('queue-overdue');
      await page.goto(`${session.baseUrl}/#/funnel`);
      await page.getByRole('switch', { name: '只看超时' }).check({ force: true });
      const funnel = await numberIn('funnel-overdue-count');
      counts = { dashboard, queue, funnel };
    }
    const { dashboard } = counts;
    expect(counts).toEqual({ dashboard, queue: dashboard, funnel: dashboard });
    expect(dashboard).toBeGreaterThan(0);

    // A rep's agenda: its overdue section holds exactly the queue's leads whose scheduled activity is overdue. The
    // demo is dated from today, so which rep has overdue activities changes by the day: the rep with the most is
    // taken (an empty overdue section is not drawn at all, and would check nothing).
    const reps = await session.callApi<{ id: string; name: string }[]>('reps.list', {});
    let rep: { id: string; name: string } | undefined;
    let overdueActivities = 0;
    for (const candidate of reps) {
      const repQueue = await session.callApi<{
        items: { sla: { isOverdue: boolean; trigger: string } | null }[];
      }>('queue.list', { repId: candidate.id, limit: 1000 });
      const overdue = repQueue.items.filter(
        (card) => card.sla?.isOverdue === true && card.sla.trigger === 'next_activity',
      ).length;
      if (overdue > overdueActivities) [rep, overdueActivities] = [candidate, overdue];
    }
    if (!rep) throw new Error('No demo rep has an overdue activity.');
    await page.goto(`${session.baseUrl}/#/agenda`);
    await page.getByRole('combobox', { name: '查看' }).click();
    await page.getByRole('option', { name: rep.name }).click();
    const section = page.locator('[data-testid="agenda-section"][data-section="overdue"]');
    await section.filter({ hasText: `（${overdueActivities}）` }).waitFor();
    expect(await page.locator('[data-testid="agenda-row"]').filter({ hasText: '已超时' }).count()).toBe(
      overdueActivities,
    );
  });

  it('cuts no name, phone or badge on the leads table', async () => {
    await page.goto(`${session.baseUrl}/#/leads`);
    await page.getByTestId('lead-phone').first().waitFor();
    expect(await page.getByTestId('lead-name').count()).toBeGreaterThan(10);
    expect(await cutTexts(page, SELECTORS)).toEqual([]);
  });

  it('cuts no rep name, tier, skill or territory badge on the team page', async () => {
    await page.goto(`${session.baseUrl}/#/team`);
    await page.getByTestId('rep-name').first().waitFor();
    await page.getByTestId('rep-fit').first().waitFor();
    expect(await cutTexts(page, SELECTORS)).toEqual([]);
    // Every badge keeps at least two characters' width: squeezed columns once cut skills to one character.
    const narrow = await page.$$eval('.mantine-Badge-label', (labels) =>
      labels
        .filter((label) => label instanceof HTMLElement && label.offsetParent !== null)
        .filter((label) => (label as HTMLElement).getBoundingClientRect().width < 14)
        .map((label) => (label as HTMLElement).innerText),
    );
    expect(narrow).toEqual([]);
  });

  it('cuts nothing on the pool table', async () => {
    await page.goto(`${session.baseUrl}/#/pool`);
    await page.getByTestId('pool-table').waitFor();
    expect(await cutTexts(page, SELECTORS)).toEqual([]);
  });

  it('shows every number of the scoring model in its field', async () => {
    // The dimension weights and caps once sat three cards abreast at 1280 px: the field's label ("权重", "Weight")
    // and its arrows left no room for the number, so the team lead saw empty fields.
    await page.goto(`${session.baseUrl}/#/rules`);
    await page.getByRole('tab', { name: '线索评分' }).click();
    await page.getByTestId('dimension-weight-fit').waitFor();
    const fields = await page.$$eval(
      'input[data-testid^="dimension-"], input[data-testid^="threshold-"]',
      (inputs) =>
        inputs.map((input) => {
          const field = input as HTMLInputElement;
          const style = getComputedStyle(field);
          const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          const context = document.createElement('canvas').getContext('2d');
          if (context === null) throw new Error('no 2D canvas');
          context.font = style.font;
          return {
            id: field.dataset.testid,
            value: field.value,
            fits: context.measureText(field.value).width <= room,
          };
        }),
    );
    expect(fields.length).toBe(9);
    expect(fields.every((field) => field.value !== '')).toBe(true);
    expect(fields.filter((field) => !field.fits)).toEqual([]);
  });

  it('gives a rep the figures of their own Dashboard one line each', async () => {
    // The grade mix ("A 0 · B 9 · C 12 · D 7") wrapped onto a second line in its quarter-width card.
    const reps = await session.callApi<{ id: string }[]>('reps.list', {});
    const rep = await openRepPage(session, reps[0]?.id ?? '', DEMO_PIN);
    try {
      await rep.page.goto(`${session.baseUrl}/#/dashboard`);
      const heights: Record<string, number> = {};
      for (const id of ['mine-response', 'mine-within', 'mine-conversion', 'mine-mix']) {
        const value = rep.page.getByTestId(`${id}-value`);
        await value.waitFor();
        heights[id] = await value.evaluate((el) => {
          const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
          return Math.round(el.getBoundingClientRect().height / lineHeight);
        });
      }
      expect(heights).toEqual({ 'mine-response': 1, 'mine-within': 1, 'mine-conversion': 1, 'mine-mix': 1 });
    } finally {
      await rep.context.close();
    }
  });

  it('cuts no name, phone or badge in English either', async () => {
    // English words run longer than their Chinese ("Junior" for 初级, "Available" for 可接单): the tier and status
    // badges on the team page were cut to "Ju…" and "AVAILA…" here.
    await page.goto(`${session.baseUrl}/#/queue`);
    await page.getByText('EN', { exact: true }).first().click();
    await page.getByRole('heading', { name: 'My queue' }).waitFor();
    try {
      const cut: Record<string, string[]> = {};
      for (const [route, ready] of [
        ['queue', 'queue-row'],
        ['leads', 'lead-phone'],
        ['team', 'rep-fit'],
        ['pool', 'pool-table'],
      ] as const) {
        await page.goto(`${session.baseUrl}/#/${route}`);
        await page.getByTestId(ready).first().waitFor();
        cut[route] = await cutTexts(page, SELECTORS);
      }
      expect(cut).toEqual({ queue: [], leads: [], team: [], pool: [] });
    } finally {
      await page.goto(`${session.baseUrl}/#/queue`);
      await page.getByText('中文', { exact: true }).first().click();
      await page.getByRole('heading', { name: '我的待办' }).waitFor();
    }
  });
});
