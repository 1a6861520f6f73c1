// End to end against the real hub in Debian Chromium: demo workspace, Team, the lead form, search, languages.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, startHubSession, type HubSession } from './hub-harness';
import { screenshotLeadsPage } from './leads-screenshot';

// Under test-results/ (ignored): a test never rewrites the README's docs/screenshot.png (`npm run screenshot` does).
const screenshotPath = join(root, 'test-results', 'foundation', 'leads-page.png');

describe('Fairlead in a browser against the hub', () => {
  let session: HubSession;
  let baseUrl: string;
  let page: Page;

  const callApi = <T>(name: string, input: unknown): Promise<T> => session.callApi<T>(name, input);

  beforeAll(async () => {
    session = await startHubSession({ viewport: { width: 1280, height: 800 } });
    ({ baseUrl, page } = session);
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('opens in Chinese on the welcome panel and loads the demo workspace into the Leads table', async () => {
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: '欢迎使用线索通' }).waitFor();
    await page.getByRole('button', { name: '加载演示工作区' }).click();
    await page.locator('[data-lead-id]').first().waitFor();
    await page.getByTestId('lead-count').getByText('共 500 条线索').waitFor();
    expect(await page.locator('[data-lead-id]').count()).toBeGreaterThan(5);
  });

  it('takes the README picture of the Leads page with demo data, into test-results', async () => {
    expect(await screenshotLeadsPage(page, baseUrl, screenshotPath)).toBeGreaterThan(10_000);
  });

  it('adds a rep on the Team page', async () => {
    await page.getByRole('link', { name: '团队' }).click();
    await page.getByRole('button', { name: '添加销售' }).click();
    await page.getByTestId('rep-form-name').fill('欧阳明');
    const skills = page.getByRole('dialog').getByLabel('擅长领域');
    await skills.fill('制造');
    await skills.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('[data-rep-id]', { hasText: '欧阳明' }).waitFor();
    const reps = await callApi<{ name: string; skills: string[] }[]>('reps.list', { includeInactive: true });
    expect(reps.find((rep) => rep.name === '欧阳明')?.skills).toEqual(['制造']);
  });

  it('refuses a lead with a bad email beside the field and stores nothing', async () => {
    await page.getByRole('link', { name: '线索' }).click();
    await page.getByRole('button', { name: '新增线索' }).click();
    await page.getByTestId('lead-form-name').fill('司马测试');
    await page.getByTestId('lead-form-company').fill('端到端测试科技有限公司');
    await page.getByTestId('lead-form-email').fill('not-an-email');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByText('邮箱地址格式不正确').waitFor();
    expect(await page.getByTestId('lead-form-email').getAttribute('aria-invalid')).toBe('true');
    const found = await callApi<{ total: number }>('leads.list', { text: '司马测试' });
    expect(found.total).toBe(0);
  });

  it('adds the lead once the email is fixed and finds it by search', async () => {
    await page.getByTestId('lead-form-email').fill('sima@example.com');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('lead-search').fill('司马测试');
    await page.getByTestId('lead-count').getByText('共 1 条线索').waitFor();
    const row = page.locator('[data-lead-id]', { hasText: '司马测试' });
    await row.waitFor();
    expect(await row.textContent()).toContain('端到端测试科技有限公司');
  });

  it('switches to English and back to Chinese, remembering the choice', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Leads', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Team' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await callApi<{ language: string }>('preferences.get', {})).toEqual({ language: 'en' });

    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: '线索', exact: true }).waitFor();
    expect(await page.evaluate(() => window.localStorage.getItem('fairlead.language'))).toBe('zh-CN');
    expect(await callApi<{ language: string }>('preferences.get', {})).toEqual({ language: 'zh-CN' });
  });
});
