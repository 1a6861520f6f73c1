// End to end in Debian Chromium against the hub: import a GBK CSV through the wizard, read the report (new,
// duplicates, errors), import, find the leads in the Leads table, and undo the import from the history.

import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSession, type HubSession } from './hub-harness';

const GBK_CSV = [
  '姓名,手机,邮箱,公司名称,城市,备注',
  '张伟,138 0013 8000,zhangwei@example.cn,北京字节跳动科技有限公司,北京,"需要报价, 尽快"',
  '李娜,+86-139-0013-9000,lina@example.cn,上海某某贸易,上海,',
  '王芳,13700137000,not-an-email,深圳某某科技,深圳,',
  '赵磊,电话待定,,广州某某,广州,',
  '陈静,13600136000,chenjing@example.cn,杭州某某,杭州,第二次咨询',
].join('\r\n');

describe('importing a file in a browser against the hub', () => {
  let session: HubSession;
  let baseUrl: string;
  let page: Page;

  const callApi = <T>(name: string, input: unknown): Promise<T> => session.callApi<T>(name, input);

  beforeAll(async () => {
    session = await startHubSession({ viewport: { width: 1280, height: 900 } });
    ({ baseUrl, page } = session);
    // Undo asks for confirmation with window.confirm.
    page.on('dialog', (dialog) => void dialog.accept());
    await callApi('leads.create', { name: '陈静', phone: '136 0013 6000' });
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('reads a GBK CSV in the wizard and reports new rows, duplicates and errors', async () => {
    await page.goto(`${baseUrl}/#/import`);
    await page.getByRole('heading', { name: '导入线索' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: '展会客户.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(GBK_CSV, 'gbk'),
    });
    await page.getByTestId('report-new').waitFor();
    expect(await page.getByTestId('report-new').textContent()).toBe('2');
    expect(await page.getByTestId('report-duplicates').textContent()).toBe('1');
    expect(await page.getByTestId('report-errors').textContent()).toBe('2');
    const errors = page.getByTestId('import-errors');
    await errors.getByText('邮箱地址无效').waitFor();
    await errors.getByText('手机号码无效').waitFor();
    await page.getByTestId('import-duplicates').getByText('陈静').first().waitFor();
    await page.getByTestId('import-mapping').getByText('公司名称').waitFor();
  });

  it('imports the valid rows with a progress bar and shows them in the Leads table', async () => {
    await page.getByRole('radio', { name: /两条都保留/ }).check();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain('新增 3 条');
    // Where they went: the distribution the import started (no rep on this team, so all to the public pool).
    await page.getByTestId('import-distributed').waitFor();
    expect(await page.getByTestId('import-distributed').textContent()).toContain(
      '已按规则分配：0 条分给销售，3 条留在公海',
    );
    // The rows left out can still be fetched to fix, worded in Chinese.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-done-errors').click(),
    ]);
    expect(download.suggestedFilename()).toBe('展会客户-错误行.csv');
    const errorFile = await readFile(await download.path(), 'utf8');
    expect(errorFile).toContain('第 4 行，列「邮箱」：邮箱地址无效');
    expect(errorFile).toContain('第 5 行，列「手机」：手机号码无效');
    // The import's own leads: the three it added (陈静 kept as a second lead), not the 陈静 who was there before.
    await page.getByRole('link', { name: '查看导入的 3 条线索' }).click();
    await page.getByTestId('leads-import-batch').getByText('只显示导入「展会客户.csv」新增的线索').waitFor();
    await page.locator('[data-lead-id]', { hasText: '张伟' }).waitFor();
    await page.locator('[data-lead-id]', { hasText: '李娜' }).waitFor();
    await page.getByTestId('lead-count').getByText('共 3 条线索').waitFor();
    expect(await page.locator('[data-lead-id]', { hasText: '陈静' }).count()).toBe(1);
    await page.getByTestId('leads-import-batch-clear').click();
    await page.getByTestId('lead-count').getByText('共 4 条线索').waitFor();
    expect(await page.locator('[data-lead-id]', { hasText: '陈静' }).count()).toBe(2);
    const list = await callApi<{ total: number }>('leads.list', {});
    expect(list.total).toBe(4);
  });

  it('undoes the import from the history', async () => {
    await page.goto(`${baseUrl}/#/import`);
    await page.getByRole('tab', { name: '导入历史' }).click();
    const row = page.getByTestId('import-history').locator('tr', { hasText: '展会客户.csv' });
    await row.getByText('已导入').waitFor();
    // Its leads from the history too.
    const batchLink = (await row.getByRole('link', { name: '查看线索' }).getAttribute('href')) ?? '';
    await row.getByRole('link', { name: '查看线索' }).click();
    await page.getByTestId('lead-count').getByText('共 3 条线索').waitFor();
    expect(await page.getByTestId('leads-import-batch-empty').count()).toBe(0);
    await page.goto(`${baseUrl}/#/import`);
    await page.getByRole('tab', { name: '导入历史' }).click();
    await row.getByText('已导入').waitFor();
    await row.getByRole('button', { name: '撤销' }).click();
    await row.getByText('已撤销').waitFor();
    const list = await callApi<{ total: number; rows: { name: string }[] }>('leads.list', {});
    expect(list.rows.map((lead) => lead.name)).toEqual(['陈静']);
    // A link kept from before the undo says why it lists nothing.
    await page.goto(`${baseUrl}/${batchLink}`);
    await page.getByTestId('leads-import-batch-empty').getByText('已一条不剩：这次导入已撤销').waitFor();
  });
});
