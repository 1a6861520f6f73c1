// End to end in Debian Chromium against the hub: edit the scoring model with a live preview, save it, watch the
// background rescore finish and the Leads table change; read a lead's score explanation; train the learned model.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, startHubSession, type HubSession } from './hub-harness';

const screenshotDir = join(root, 'test-results', 'scoring');

describe('scoring in a browser against the hub', () => {
  let session: HubSession;
  let baseUrl: string;
  let page: Page;
  let changedLead: { name: string; gradeBefore: string; gradeAfter: string };

  const callApi = <T>(name: string, input: unknown): Promise<T> => session.callApi<T>(name, input);

  async function shoot(name: string): Promise<void> {
    mkdirSync(screenshotDir, { recursive: true });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
  }

  beforeAll(async () => {
    session = await startHubSession({ viewport: { width: 1440, height: 900 } });
    ({ baseUrl, page } = session);
    await callApi('workspace.loadDemo', {});
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('opens Rules → Scoring on the model in force with no preview yet', async () => {
    await page.goto(`${baseUrl}/#/leads`);
    await page.locator('[data-lead-id]').first().waitFor();
    await page.getByRole('link', { name: '规则' }).click();
    await page.getByRole('tab', { name: '线索评分' }).click();
    await page.getByTestId('current-version').getByText('当前版本 v1').waitFor();
    await page.getByText('还没有修改').waitFor();
    await shoot('01-scoring-tab');
    expect(await page.getByTestId('save-model').count()).toBe(0);
  });

  it('previews a higher score for decision-maker titles as a changed grade histogram', async () => {
    const points = page.getByTestId('criterion-points-fit.title.decision_maker');
    await points.fill('60');
    await page.getByTestId('preview-histogram').waitFor();
    const before = Number(await page.getByTestId('preview-before-D').getAttribute('data-count'));
    const after = Number(await page.getByTestId('preview-after-D').getAttribute('data-count'));
    expect(after).toBeLessThan(before);
    await page.getByTestId('preview-changed').getByText('条线索等级会变化').waitFor();
    const firstSample = page.getByTestId('preview-sample').locator('tr').first();
    await firstSample.locator('td').first().getByText(/\S/).first().waitFor();
    const name = (await firstSample.locator('td').first().locator('p').first().innerText()).trim();
    const grades = await firstSample.locator('.mantine-Badge-label').allInnerTexts();
    changedLead = { name, gradeBefore: grades[0] ?? '', gradeAfter: grades[1] ?? '' };
    expect(changedLead.gradeAfter).not.toBe(changedLead.gradeBefore);
    await shoot('02-preview');
  });

  it('shows a validation problem beside the threshold that breaks the order, and refuses to save', async () => {
    await page.getByTestId('threshold-b').fill('90');
    await page.getByText('阈值需满足 C < B < A').waitFor();
    expect(await page.getByTestId('save-model').isDisabled()).toBe(true);
    await page.getByTestId('threshold-b').fill('60');
    await page.getByTestId('preview-histogram').waitFor();
    expect(await page.getByTestId('save-model').isDisabled()).toBe(false);
  });

  it('saves version 2 and rescores every lead in the background, showing the progress to the end', async () => {
    await page.getByTestId('save-model').click();
    await page.locator('[data-testid="job-rescore"][data-job-state="done"]').waitFor();
    await page.getByTestId('current-version').getByText('当前版本 v2').waitFor();
    await page.getByTestId('version-history').getByText('v2').waitFor();
    const model = await callApi<{ staleLeads: number; model: { version: number } }>('scoring.getModel', {});
    expect(model).toMatchObject({ staleLeads: 0, model: { version: 2 } });
    await shoot('03-saved');
  });

  it('shows the new grade of a lead the preview said would change in the Leads table', async () => {
    await page.getByRole('link', { name: '线索' }).click();
    await page.getByTestId('lead-search').fill(changedLead.name);
    // Demo names can repeat: one of the leads with this name is the one the preview showed.
    const rows = page.locator('[data-lead-id]', { hasText: changedLead.name });
    await rows.first().waitFor();
    await expect
      .poll(async () =>
        (await rows.getByTestId('lead-grade').allInnerTexts()).map((text) => text.trim().charAt(0)),
      )
      .toContain(changedLead.gradeAfter);
    expect(await rows.getByTestId('stale-marker').count()).toBe(0);
  });

  it('explains the lead score in the drawer with parts that add up to it', async () => {
    const row = page.locator('[data-lead-id]', { hasText: changedLead.name }).first();
    await row.click();
    await page.getByTestId('lead-score-tab').click();
    const explanation = page.getByTestId('score-explanation');
    await explanation.waitFor();
    const score = Number(await explanation.getByTestId('explanation-score').innerText());
    const parts = await explanation
      .getByTestId('score-part')
      .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-points'))));
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.reduce((sum, p) => sum + p, 0)).toBe(score);
    expect(await explanation.getByTestId('explanation-sum').innerText()).toContain(`= ${score}`);
    await shoot('04-explanation');
    await page.keyboard.press('Escape');
  });

  it('marks leads stale in the table when the model is newer than their score', async () => {
    // Saved through the API while no rescore can have finished: the page refetches on the pushed events.
    const { model } = await callApi<{ model: Record<string, unknown> }>('scoring.getModel', {});
    await callApi('scoring.saveModel', { model: { ...model, halfLifeDays: 31 } });
    await page.getByTestId('lead-search').fill('');
    await page.locator('[data-lead-id]').first().waitFor();
    // Every lead is stale until the job ends, then none is; either way the table settles on none stale.
    await expect.poll(async () => page.getByTestId('stale-marker').count(), { timeout: 20_000 }).toBe(0);
  });

  it('trains the learned model and shows its AUC, calibration and factors in words', async () => {
    await page.getByRole('link', { name: '规则' }).click();
    await page.getByRole('tab', { name: '线索评分' }).click();
    await page.getByText('学习模型', { exact: true }).click();
    await page.getByTestId('train-button').click();
    await page.getByTestId('learned-summary').waitFor();
    const auc = Number(await page.getByTestId('learned-auc').innerText());
    expect(auc).toBeGreaterThan(0.5);
    expect(await page.getByTestId('learned-calibration').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByText('提高成交几率的因素').waitFor();
    await shoot('05-learned');
  });

  it('loads suggested weights into the editor as an unsaved draft with a preview', async () => {
    // The demo's closed leads are won or lost by their signals (core/domain/demo/leads.ts settleOutcome), so its
    // learned model is meaningfully good and the app offers weights; declining a weak model's suggestion is
    // covered by test/unit/domain/scoring/suggest.test.ts.
    const auc = Number(await page.getByTestId('learned-auc').innerText());
    expect(auc).toBeGreaterThanOrEqual(0.7);
    await page.getByTestId('suggest-button').click();
    await page.getByTestId('suggestion-changes').waitFor();
    await shoot('06-suggestion');
    await page.getByTestId('suggestion-load').click();
    await page.getByText('有未保存的修改').waitFor();
    await page.getByTestId('preview-histogram').waitFor();
    expect(await page.getByTestId('save-model').isEnabled()).toBe(true);
  });
});
