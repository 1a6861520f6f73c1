// End to end in Debian Chromium against the hub: import past leads through the wizard, answer its questions (date
// order, an unknown outcome word, an unknown owner), import, and find the links to train and replay.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSession, type HubSession } from './hub-harness';

const LOST = '输单';
const CSV = [
  '姓名,手机,创建时间,阶段,负责人,线索质量',
  '张伟,13800138000,03/05/2024,成交,王芳,高',
  '李娜,13900139000,04/06/2024,输单,老刘,低',
  '赵磊,13700137000,05/07/2024,搁置观望,王芳,低',
].join('\n');

describe('importing past leads in a browser against the hub', () => {
  let session: HubSession;
  let baseUrl: string;
  let page: Page;
  const callApi = <T>(name: string, input: unknown): Promise<T> => session.callApi<T>(name, input);

  async function choose(scope: string, label: string, option: string | RegExp) {
    await page.getByTestId(scope).getByLabel(label, { exact: true }).click();
    await page.getByRole('option', { name: option }).click();
  }

  beforeAll(async () => {
    session = await startHubSession({ viewport: { width: 1280, height: 900 } });
    ({ baseUrl, page } = session);
    await callApi('reps.create', { name: '王芳', tier: 'mid' });
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('asks about the date order, the outcome word and the owner, then imports the past leads', async () => {
    await page.goto(`${baseUrl}/#/import`);
    await page.getByRole('heading', { name: '导入线索' }).waitFor();
    await page.getByTestId('import-history-toggle').check();
    await page.locator('input[type=file]').setInputFiles({
      name: '历史线索.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await page.getByTestId('history-questions').waitFor();
    expect(await page.getByTestId('import-start').isDisabled()).toBe(true);
    await page.getByTestId('history-date-createdAt').getByText('03/05/2024').waitFor();

    await choose('history-date-createdAt', '创建时间', '日/月/年');
    await page.getByTestId('history-date-createdAt').waitFor({ state: 'detached' });
    await choose('history-outcomes', '搁置观望', LOST);
    await choose('history-owners', '老刘', /新建停用销售/);
    await page.getByTestId('history-questions').waitFor({ state: 'detached' });

    await page.getByTestId('import-start').click();
    await page.getByTestId('history-done').waitFor();
    await page.getByRole('link', { name: '训练学习模型' }).waitFor();
    await page.getByRole('link', { name: '按导入期间回放分配规则' }).waitFor();

    const list = await callApi<{ rows: { name: string; isHistory: boolean; stage: string }[] }>(
      'leads.list',
      {},
    );
    expect(list.rows.map((l) => [l.name, l.isHistory, l.stage]).sort()).toEqual([
      ['张伟', true, 'won'],
      ['李娜', true, 'lost'],
      ['赵磊', true, 'lost'],
    ]);
    const reps = await callApi<{ name: string; isActive: boolean }[]>('reps.list', { includeInactive: true });
    expect(reps.find((r) => r.name === '老刘')?.isActive).toBe(false);
  });
});
