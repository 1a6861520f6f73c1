// End to end in Debian Chromium against the hub: the team lead ticks several leads on the Leads page, reassigns them
// to a rep with one reason, then ticks others and sends them through the distribution rules.

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSession, type HubSession } from './hub-harness';

describe('acting on a selection of leads in a browser against the hub', () => {
  let session: HubSession;
  let page: Page;
  const ids = new Map<string, string>();

  const row = (name: string): Locator => page.locator('[data-lead-id]', { hasText: name });
  const ownerOf = async (name: string) =>
    (await session.callApi<{ lead: { ownerId: string | null } }>('leads.get', { id: ids.get(name) })).lead
      .ownerId;

  beforeAll(async () => {
    session = await startHubSession({ viewport: { width: 1280, height: 800 } });
    page = session.page;
    // Leads arriving before there is a team wait in the public pool.
    for (const [name, industry] of [
      ['客户甲', '软件'],
      ['客户乙', '软件'],
      ['客户丙', '软件'],
      ['制造客户丁', '制造'],
      ['零售客户戊', '零售'],
    ] as const) {
      const lead = await session.callApi<{ id: string; ownerId: string | null }>('leads.create', {
        name,
        industry,
      });
      expect(lead.ownerId).toBeNull();
      ids.set(name, lead.id);
    }
    await session.callApi('reps.create', { name: '张三', tier: 'senior', joinedOn: '2024-01-01' });
    await session.callApi('reps.create', { name: '李四', tier: 'mid', joinedOn: '2024-01-01' });
    await session.callApi('distribution.saveRules', {
      rules: [
        {
          id: 'retail-pool',
          name: '零售进公海',
          enabled: true,
          conditions: [{ field: 'industry', op: 'equals', value: '零售' }],
          target: { kind: 'everyone' },
          method: 'public-pool',
        },
        {
          id: 'rest',
          name: '其余轮流',
          enabled: true,
          conditions: [],
          target: { kind: 'everyone' },
          method: 'round-robin',
        },
      ],
    });
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('reassigns a shift-clicked range of leads to a rep with a reason', async () => {
    await page.goto(`${session.baseUrl}/#/leads`);
    await row('客户甲').waitFor();
    // Newest first: 丙, 乙, 甲 are adjacent rows.
    await row('客户丙').getByTestId('lead-select').click();
    await row('客户甲')
      .getByTestId('lead-select')
      .click({ modifiers: ['Shift'] });
    const bar = page.getByTestId('lead-selection-bar');
    await bar.getByText('已选 3 条').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    await bar.getByTestId('bulk-reassign').click();
    await page.getByRole('dialog', { name: '改派 3 条线索' }).waitFor();
    await page.getByTestId('reassign-to').click();
    await page.getByRole('option', { name: '李四', exact: true }).click();
    await page.getByTestId('reassign-reason').fill('客户集中给李四跟进');
    await page.getByTestId('reassign-submit').click();

    await page.getByText('已改派 3 条线索').waitFor();
    for (const name of ['客户甲', '客户乙', '客户丙']) {
      await expect.poll(() => row(name).textContent()).toContain('李四');
    }
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => row('制造客户丁').textContent()).toContain('公海池');
    const li = (await session.callApi<{ id: string; name: string }[]>('reps.list', {})).find(
      (rep) => rep.name === '李四',
    );
    expect(await ownerOf('客户乙')).toBe(li?.id);
  });

  it('distributes the selected leads through the rules and says which stayed in the pool and why', async () => {
    await row('制造客户丁').getByTestId('lead-select').click();
    await row('零售客户戊').getByTestId('lead-select').click();
    const bar = page.getByTestId('lead-selection-bar');
    await bar.getByText('已选 2 条').waitFor();
    await bar.getByTestId('bulk-distribute').click();

    const report = page.getByTestId('distribute-result');
    await report.getByText('已分配 1 条，1 条留在公海池').waitFor();
    await report.getByText('留在公海池的原因：规则要求放入公海池（1 条）').waitFor();
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => row('制造客户丁').textContent()).toMatch(/张三|李四/);
    expect(await row('零售客户戊').textContent()).toContain('公海池');
    expect(await ownerOf('制造客户丁')).not.toBeNull();
    expect(await ownerOf('零售客户戊')).toBeNull();
  });
});
