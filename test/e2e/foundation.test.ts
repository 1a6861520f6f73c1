// End to end against the real hub in Debian Chromium: demo workspace, Team, the lead form, search, languages.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererIndex = join(root, 'out', 'renderer', 'index.html');
const screenshotPath = join(root, 'docs', 'screenshot.png');
const CHROMIUM = process.env.FAIRLEAD_CHROMIUM ?? '/usr/bin/chromium';

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

/** Polls until the hub answers, a bounded number of times; the hub's own output explains a failure. */
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

describe('Fairlead in a browser against the hub', () => {
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
    dataDir = mkdtempSync(join(tmpdir(), 'fairlead-e2e-'));
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

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    page = await context.newPage();
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

  it('opens in Chinese on the welcome panel and loads the demo workspace into the Leads table', async () => {
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: '欢迎使用线索通' }).waitFor();
    await page.getByRole('button', { name: '加载演示工作区' }).click();
    await page.locator('[data-lead-id]').first().waitFor();
    await page.getByTestId('lead-count').getByText('共 500 条线索').waitFor();
    expect(await page.locator('[data-lead-id]').count()).toBeGreaterThan(5);
  });

  it('keeps a screenshot of the Leads page with demo data for the README', async () => {
    // A fresh load drops the "demo loaded" toast from the picture.
    await page.reload();
    await page.locator('[data-lead-id]').first().waitFor();
    await page.getByTestId('lead-count').waitFor();
    await page.mouse.move(0, 0);
    mkdirSync(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });
    expect(existsSync(screenshotPath)).toBe(true);
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
