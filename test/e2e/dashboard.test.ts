// End to end in Chromium against the hub with the demo workspace: the team lead opens 仪表盘, reads the figures,
// changes the range, follows a count to its leads and a count of hand-overs to the assignment history, exports a
// table, prints the report to PDF; a rep's pulse answer raises the count the team lead sees, without the rep's name.
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSession, type HubSession } from './hub-harness';

interface Summary {
  readonly stageCounts: Record<string, number>;
}

const DEMO_REP_PIN = '246810';

/** A PDF's /Title, decoded (Chromium writes it as UTF-16BE hex or a literal string), and its page count. */
function readPdf(bytes: Buffer): { title: string; pages: number } {
  const text = bytes.toString('latin1');
  // The document info may sit in a compressed object stream: look in the inflated streams too.
  const chunks = [text];
  for (const match of text.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    try {
      chunks.push(inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1'));
    } catch {
      // Not a Flate stream (an image, a font): nothing to read there.
    }
  }
  let title = '';
  for (const chunk of chunks) {
    const hex = /\/Title\s*<FEFF([0-9A-Fa-f]*)>/.exec(chunk);
    if (hex !== null) {
      title = Buffer.from(hex[1] ?? '', 'hex')
        .swap16()
        .toString('utf16le');
      break;
    }
    const literal = /\/Title\s*\(([^)]*)\)/.exec(chunk);
    if (literal !== null) {
      title = literal[1] ?? '';
      break;
    }
  }
  const pages = chunks.reduce((n, chunk) => n + (chunk.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0), 0);
  return { title, pages };
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

  async function openDashboard(): Promise<void> {
    await page.goto(`${hub.baseUrl}/#/leads`);
    await page.getByRole('link', { name: '仪表盘' }).click();
    await page.getByTestId('kpi-row').waitFor({ timeout: 60_000 });
  }

  it('opens 仪表盘 from the navigation and shows the funnel counts and every demo rep in the table', async () => {
    await openDashboard();
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

  it('changes the range, and a count opens the Leads page with exactly that many leads', async () => {
    await openDashboard();
    const range = page.getByTestId('dashboard-range');
    const before = await range.textContent();
    await page.getByText('近 7 天', { exact: true }).click();
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="dashboard-range"]')?.textContent !== old,
      before,
    );
    const after7 = await range.textContent();
    await page.getByText('近 90 天', { exact: true }).click();
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="dashboard-range"]')?.textContent !== old,
      after7,
    );
    // While the 90 days load, the 7 days' figures stay on screen without links: a link is the 90 days' own.
    await page.locator('[data-testid="dashboard-period"][aria-busy="false"]').waitFor();
    const link = page.locator('[data-testid="kpi-row"] a[data-drill-link]').first();
    await link.waitFor();
    const count = Number(await link.getAttribute('data-count'));
    expect(count).toBeGreaterThan(0);
    await link.click();
    await page.getByTestId('leads-drill').waitFor();
    await page
      .getByTestId('lead-count')
      .filter({ hasText: count.toLocaleString('zh-CN') })
      .waitFor();
    expect(page.url()).toContain('#/leads?drill=');
  });

  it('opens the hand-overs reached within target in the assignment history, each with its first contact', async () => {
    await openDashboard();
    const hits = page.getByTestId('kpi-response-hits');
    await hits.waitFor();
    const count = Number(await hits.getAttribute('data-count'));
    expect(count).toBeGreaterThan(0);
    await hits.click();
    await page
      .getByTestId('assignment-log-total')
      .filter({ hasText: `共 ${count} 条` })
      .waitFor();
    expect(page.url()).toContain('#/transparency?');
    expect(page.url()).toContain('response=within');
    // The first page's rows, each reached within its target (green), with the target beside it.
    const cells = page.getByTestId('assignment-log-response-cell');
    await cells.first().waitFor();
    expect(await cells.count()).toBe(Math.min(count, 25));
    expect(await cells.first().textContent()).toMatch(/目标 /);
  });

  it('changes the range, and a bar of each chart opens the Leads page with the leads behind it', async () => {
    await openDashboard();
    const range = page.getByTestId('dashboard-range');
    const before = await range.textContent();
    await page.getByText('近 90 天', { exact: true }).click();
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="dashboard-range"]')?.textContent !== old,
      before,
    );
    // The 90 days' own figures: until they arrive the bars are the previous period's, and no bar is a link.
    await page.locator('[data-testid="dashboard-period"][aria-busy="false"]').waitFor();
    const bars = [
      page.locator('[data-testid="chart-funnel"] a[data-drill-link]').nth(1),
      page.locator('[data-testid="chart-response"] a[data-drill-link]').first(),
      page.locator('[data-testid="chart-arrivals"] a[data-drill-link]').last(),
    ];
    for (const [i, bar] of bars.entries()) {
      await bar.waitFor();
      const count = Number(await bar.getAttribute('data-count'));
      expect(count).toBeGreaterThan(0);
      expect(await bar.getAttribute('aria-label')).toContain(
        `查看这 ${count.toLocaleString('zh-CN')} 条线索`,
      );
      if (i === 0) {
        // A bar is a link the keyboard reaches: focused, Enter follows it.
        await bar.focus();
        expect(await bar.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.press('Enter');
      } else {
        await bar.click();
      }
      await page.getByTestId('leads-drill').waitFor();
      // The whole number, not a part of a longer one ("2" is not "12").
      await page
        .getByTestId('lead-count')
        .filter({ hasText: new RegExp(`(^|\\D)${count.toLocaleString('zh-CN')}(\\D|$)`) })
        .waitFor();
      expect(page.url()).toContain('#/leads?drill=');
      await page.goBack();
      await page.locator('[data-testid="dashboard-period"][aria-busy="false"]').waitFor();
    }
  });

  it('exports a table as a file', async () => {
    await openDashboard();
    const download = page.waitForEvent('download');
    await page.getByTestId('dashboard-sources-export').click();
    await page.getByRole('menuitem', { name: 'CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('prints the report to PDF with the period on it and without the navigation', async () => {
    await openDashboard();
    const line = (await page.getByTestId('dashboard-print').getAttribute('data-report')) ?? '';
    expect(line).toMatch(/\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('dashboard-print-period').isVisible()).toBe(true);
    expect(await page.getByTestId('dashboard-print-period').textContent()).toBe(line);
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    const pdf = readPdf(await page.pdf({ format: 'A4', printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    expect(pdf.pages).toBeGreaterThan(0);
    expect(pdf.title).toContain(line);
  });

  it('counts a rep’s pulse answer for the team lead, never naming an unsigned rep', async () => {
    const reps = await hub.callApi<{ id: string; name: string }[]>('reps.list', {});
    const rep = reps[0];
    if (rep === undefined) throw new Error('the demo has no rep');
    await openDashboard();
    const summary = page.getByTestId('dashboard-pulse-summary');
    await summary.waitFor();
    const before = await hub.callApi<{
      summary: { trend: { month: string; count: number }[] };
      month: string;
    }>('dashboard.pulse', {});
    const countBefore = before.summary.trend.find((m) => m.month === before.month)?.count ?? 0;
    const token = await hub.signInRep(rep.id, DEMO_REP_PIN);
    await hub.callApi('dashboard.answerPulse', { score: 2, comment: '本月 A 类线索偏少' }, token);
    await page.reload();
    await page
      .getByTestId('dashboard-pulse-summary')
      .filter({ hasText: `共 ${countBefore + 1} 份回答` })
      .waitFor({ timeout: 30_000 });
    const comment = page.getByTestId('dashboard-pulse-comment').filter({ hasText: '本月 A 类线索偏少' });
    await comment.waitFor();
    expect(await comment.textContent()).not.toContain(rep.name);
    expect(await comment.textContent()).toContain('匿名');
  });
});
