import { it } from 'vitest';
import { startHubSession } from '../hub-harness';

it('walk', async () => {
  for (const lang of ['en', 'zh']) {
    const session = await startHubSession({ hubArgs: ['--demo'], viewport: { width: 1280, height: 720 } });
    try {
      const page = session.page;
      if (lang === 'en') {
        await page.goto(`${session.baseUrl}/#/queue`);
        await page.getByText('EN', { exact: true }).click();
      }
      await page.goto(`${session.baseUrl}/#/dashboard`);
      await page.getByTestId('kpi-response-hits').waitFor({ timeout: 30_000 });
      await page.getByTestId('kpi-row').scrollIntoViewIfNeeded();
      await page.waitForTimeout(1000);
      await page.getByTestId('kpi-row').screenshot({ path: `/tmp/fl/k-row-${lang}.png` });
    } finally {
      await session.stop();
    }
  }
}, 300_000);
