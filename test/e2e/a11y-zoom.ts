// What a person sees at 200% zoom on a 1280×720 window (a 640×360 CSS-pixel viewport): how many Leads table rows
// and kanban cards per column are wholly visible once the page is scrolled to them (under the fixed header).
import type { Page } from 'playwright-core';
import type { HubSession } from './hub-harness';

/** 1280×720 at 200%: the CSS viewport Chromium lays out in. */
export const ZOOM_200_VIEWPORT = { width: 640, height: 360 } as const;

/**
 * Scrolls the page so `selector`'s element starts just under the fixed header, then counts the elements matching
 * `itemSelector` inside it that lie wholly within both it and the window.
 */
async function countWhollyVisible(page: Page, selector: string, itemSelector: string): Promise<number> {
  return page.evaluate(
    ({ selector, itemSelector }) => {
      const box = document.querySelector<HTMLElement>(selector);
      if (!box) return 0;
      const header = document.querySelector<HTMLElement>('.mantine-AppShell-header');
      const headerBottom = header?.getBoundingClientRect().bottom ?? 0;
      window.scrollBy(0, box.getBoundingClientRect().top - headerBottom);
      const area = box.getBoundingClientRect();
      const top = Math.max(area.top, headerBottom);
      const bottom = Math.min(area.bottom, window.innerHeight);
      return [...box.querySelectorAll<HTMLElement>(itemSelector)].filter((item) => {
        const rect = item.getBoundingClientRect();
        return rect.height > 0 && rect.top >= top - 0.5 && rect.bottom <= bottom + 0.5;
      }).length;
    },
    { selector, itemSelector },
  );
}

/** Rows of the Leads table wholly visible on the page as it is. */
export function countLeadsRowsVisible(page: Page): Promise<number> {
  return countWhollyVisible(page, '[data-testid="leads-scroll"]', 'tbody tr[data-lead-id]');
}

/** Rows of the Leads table wholly visible once it has loaded. */
export async function leadsRowsVisible(session: HubSession): Promise<number> {
  const { page } = session;
  await page.goto(`${session.baseUrl}/#/leads`);
  await page.locator('[data-testid="leads-table"] tbody tr[data-lead-id]').first().waitFor();
  return countLeadsRowsVisible(page);
}

/** Per kanban column with at least two cards: how many are wholly visible at 200% zoom; the smallest of them. */
export async function kanbanCardsVisible(session: HubSession): Promise<{ min: number; columns: number }> {
  const { page } = session;
  await page.goto(`${session.baseUrl}/#/funnel`);
  await page.getByTestId('lead-card').first().waitFor();
  const stages = await page.$$eval('[data-testid^="column-scroll-"]', (els) =>
    els.map((el) => el.getAttribute('data-testid')?.replace('column-scroll-', '') ?? ''),
  );
  let min = Number.POSITIVE_INFINITY;
  let columns = 0;
  for (const stage of stages) {
    const total = Number(await page.getByTestId(`column-count-${stage}`).innerText());
    if (!(total >= 2)) continue;
    await page.getByTestId(`column-scroll-${stage}`).locator('[data-testid="lead-card"]').first().waitFor();
    columns += 1;
    min = Math.min(
      min,
      await countWhollyVisible(page, `[data-testid="column-scroll-${stage}"]`, '[data-testid="lead-card"]'),
    );
  }
  return { min: columns === 0 ? 0 : min, columns };
}
