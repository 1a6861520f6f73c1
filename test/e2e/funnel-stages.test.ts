// End to end in Chromium against the hub: the team lead adds a working stage, drags a lead into it, hides a stage.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dragCard, startHubSession, type HubSession } from './hub-harness';

interface StageSetting {
  readonly key: string;
  readonly en: string;
  readonly hidden: boolean;
}

describe('configuring the funnel stages in a browser', () => {
  let hub: HubSession;
  let page: Page;
  const ids: Record<string, string> = {};

  async function createLead(name: string, stage: string): Promise<string> {
    return (await hub.callApi<{ id: string }>('leads.create', { name, company: `${name}有限公司`, stage }))
      .id;
  }

  async function stages(): Promise<StageSetting[]> {
    return (await hub.callApi<{ funnel: { stages: StageSetting[] } }>('work.settings', {})).funnel.stages;
  }

  async function columnOrder(): Promise<string[]> {
    return page
      .getByTestId('kanban-board')
      .locator('[data-stage]')
      .evaluateAll((columns) => columns.map((column) => column.getAttribute('data-stage') ?? ''));
  }

  /** Opens a Mantine Select by its label and clicks one of its options. */
  async function pick(select: Locator, option: string): Promise<void> {
    await select.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  beforeAll(async () => {
    hub = await startHubSession({ viewport: { width: 1600, height: 900 } });
    page = hub.page;
    ids.qualified = await createLead('市场线索', 'mql');
    ids.demo = await createLead('演示客户', 'sql');
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('adds "Demo booked" after SQL, shows it as a column there, and keeps a card dragged into it', async () => {
    await page.goto(`${hub.baseUrl}/#/funnel`);
    await page.getByTestId('column-sql').locator(`[data-lead-id="${ids.demo}"]`).waitFor();
    await page.getByTestId('edit-stages').click();
    const editor = page.getByTestId('stage-editor');
    await editor.waitFor();
    await page.getByRole('textbox', { name: '新阶段' }).fill('Demo booked');
    await pick(page.getByRole('combobox', { name: '放在此阶段之后' }), '销售认可 SQL');
    await page.getByRole('button', { name: '添加阶段' }).click();
    await editor.locator('[data-stage-name="Demo booked"]').waitFor();
    await page.getByTestId('save-stages').click();
    await editor.waitFor({ state: 'detached' });

    const demo = (await stages()).find((stage) => stage.en === 'Demo booked');
    if (!demo) throw new Error('the new stage was not saved');
    ids.stage = demo.key;
    const column = page.getByTestId(`column-${demo.key}`);
    await column.waitFor();
    const withDemoAfterSql = ['raw', 'mql', 'sql', demo.key, 'opportunity', 'won', 'lost', 'nurture'];
    expect(await columnOrder()).toEqual(withDemoAfterSql);
    await expect(column.getByText('Demo booked').count()).resolves.toBe(1);

    await dragCard(page, page.getByTestId('column-sql').locator(`[data-lead-id="${ids.demo}"]`), column);
    await column.locator(`[data-lead-id="${ids.demo}"]`).waitFor();
    await page.reload();
    await page.getByTestId(`column-${demo.key}`).locator(`[data-lead-id="${ids.demo}"]`).waitFor();
    expect(await columnOrder()).toEqual(withDemoAfterSql);
    const detail = await hub.callApi<{ lead: { stage: string } }>('leads.get', { id: ids.demo });
    expect(detail.lead.stage).toBe(demo.key);
  });

  it('hides MQL after moving its lead to SQL, and the column is gone', async () => {
    await page.goto(`${hub.baseUrl}/#/funnel`);
    await page.getByTestId('column-mql').locator(`[data-lead-id="${ids.qualified}"]`).waitFor();
    await page.getByTestId('edit-stages').click();
    const editor = page.getByTestId('stage-editor');
    await editor.getByTestId('stage-count-mql').getByText('1').waitFor();
    // Mantine draws the switch's thumb over its input: the click lands on the thumb, as a person's would.
    await page.getByRole('switch', { name: '显示市场认可 MQL' }).uncheck({ force: true });
    await page.getByText('「市场认可 MQL」还有 1 条线索：请选择要移到的阶段。').waitFor();
    expect(await page.getByTestId('save-stages').isDisabled()).toBe(true);
    await pick(page.getByRole('combobox', { name: '把市场认可 MQL的线索移到' }), '销售认可 SQL');
    await page.getByTestId('save-stages').click();
    await editor.waitFor({ state: 'detached' });

    await page.getByTestId('column-mql').waitFor({ state: 'detached' });
    await page.getByTestId('column-sql').locator(`[data-lead-id="${ids.qualified}"]`).waitFor();
    expect(await columnOrder()).toEqual(['raw', 'sql', ids.stage, 'opportunity', 'won', 'lost', 'nurture']);
    expect((await stages()).find((stage) => stage.key === 'mql')?.hidden).toBe(true);
    const detail = await hub.callApi<{ stageHistory: { from: string; to: string }[] }>('work.leadDetail', {
      id: ids.qualified,
    });
    expect(detail.stageHistory[0]).toMatchObject({ from: 'mql', to: 'sql' });
  });
});
