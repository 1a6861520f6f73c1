// End to end in Debian Chromium against the hub: import a GBK CSV through the wizard, read the report (new,
// duplicates, errors), import, find the leads in the Leads table, and undo the import from the history.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererIndex = join(root, 'out', 'renderer', 'index.html');
const CHROMIUM = process.env.FAIRLEAD_CHROMIUM ?? '/usr/bin/chromium';

const GBK_CSV = [
  '姓名,手机,邮箱,公司名称,城市,备注',
  '张伟,138 0013 8000,zhangwei@example.cn,北京字节跳动科技有限公司,北京,"需要报价, 尽快"',
  '李娜,+86-139-0013-9000,lina@example.cn,上海某某贸易,上海,',
  '王芳,13700137000,not-an-email,深圳某某科技,深圳,',
  '赵磊,电话待定,zhaolei@example.cn,广州某某,广州,',
  '陈静,13600136000,chenjing@example.cn,杭州某某,杭州,第二次咨询',
].join('\r\n');

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(url: string, hub: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (hub.exitCode !== null) throw new Error(`The hub exited with ${hub.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((next) => setTimeout(next, 100));
  }
  throw new Error(`The hub did not answer /api/health in time:\n${output()}`);
}

describe('importing a file in a browser against the hub', () => {
  let dataDir: string;
  let hub: ChildProcess;
  let hubOutput = '';
  let baseUrl: string;
  let browser: Browser;
  let page: Page;

  async function callApi<T>(name: string, input: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: boolean; value: T };
    if (!body.ok) throw new Error(`${name} failed: ${JSON.stringify(body)}`);
    return body.value;
  }

  beforeAll(async () => {
    if (!existsSync(rendererIndex)) {
      throw new Error(
        'out/renderer/index.html is missing: run `npm run build:renderer` (or `npm run test:e2e`) first.',
      );
    }
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
    }
    dataDir = mkdtempSync(join(tmpdir(), 'fairlead-e2e-import-'));
    const port = await findFreePort();
    baseUrl = `http://127.0.0.1:${port}`;
    hub = spawn(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'core', 'host.ts'), '--port', String(port), '--db', join(dataDir, 'fairlead.sqlite')],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    hub.stdout?.on('data', (chunk: Buffer) => (hubOutput += chunk.toString()));
    hub.stderr?.on('data', (chunk: Buffer) => (hubOutput += chunk.toString()));
    await waitForHealth(baseUrl, hub, () => hubOutput);
    // An existing customer the file duplicates (by phone).
    await callApi('leads.create', { name: '陈静', phone: '136 0013 6000' });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await browser?.close();
    if (hub && hub.exitCode === null) {
      const exited = new Promise((done) => hub.once('exit', done));
      hub.kill('SIGTERM');
      await exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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
    await page.getByRole('button', { name: '查看线索' }).click();
    await page.locator('[data-lead-id]', { hasText: '张伟' }).waitFor();
    await page.locator('[data-lead-id]', { hasText: '李娜' }).waitFor();
    const list = await callApi<{ total: number }>('leads.list', {});
    expect(list.total).toBe(4);
  });

  it('undoes the import from the history', async () => {
    await page.goto(`${baseUrl}/#/import`);
    await page.getByRole('tab', { name: '导入历史' }).click();
    const row = page.getByTestId('import-history').locator('tr', { hasText: '展会客户.csv' });
    await row.getByText('已导入').waitFor();
    await row.getByRole('button', { name: '撤销' }).click();
    await row.getByText('已撤销').waitFor();
    const list = await callApi<{ total: number; rows: { name: string }[] }>('leads.list', {});
    expect(list.rows.map((lead) => lead.name)).toEqual(['陈静']);
  });
});
