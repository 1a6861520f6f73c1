// End to end in Chromium against the hub with the demo workspace: the team lead opens 仪表盘 and reads the figures.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSession, type HubSession } from './hub-harness';

interface Summary {
  readonly stageCounts: Record<string, number>;
}

describe('the Dashboard in a browser on the demo workspace', () => {
  let hub: HubSession;
  let page: Page;

  beforeAll(async () => {
    hub = await startHubSession({ hubArgs: ['--demo'], viewport: { width: 1440, height: 900 } });
    page = hub.page;
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('opens 仪表盘 from the navigation and shows the funnel counts and every demo rep in the table', async () => {
    await page.goto(hub.baseUrl);
    await page.getByRole('link', { name: '仪表盘' }).click();
    await page.getByTestId('dashboard-funnel').waitFor();

    // Stage counts are a snapshot of now, whatever the period: the API's answer is the reference.
    const summary = await hub.callApi<Summary>('dashboard.summary', { from: '2026-01-01', to: '2026-01-31' });
    for (const stage of ['raw', 'mql', 'sql', 'opportunity', 'won', 'lost']) {
      const expected = (summary.stageCounts[stage] ?? 0).toLocaleString('zh-CN');
      await page
        .getByTestId(`funnel-stage-${stage}-value`)
        .filter({ hasText: new RegExp(`^${expected}$`) })
        .waitFor();
    }
    expect(Object.values(summary.stageCounts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    const reps = await hub.callApi<{ name: string; isActive: boolean }[]>('reps.list', {
      includeInactive: false,
    });
    expect(reps.length).toBeGreaterThan(0);
    const table = page.getByTestId('dashboard-reps');
    for (const rep of reps) await table.getByRole('cell', { name: rep.name, exact: true }).waitFor();
    await page
      .getByTestId('fairness-readings')
      .getByText(/基尼系数|没有分出 A\/B 线索/)
      .first()
      .waitFor();
  });
});
