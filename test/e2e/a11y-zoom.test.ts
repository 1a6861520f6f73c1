// At 200% zoom on a 1280×720 window (a 640×360 CSS-pixel viewport), on the demo workspace: the Leads table shows at
// least five rows and every kanban column at least two cards, the page scrolling where the window is too short.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countLeadsRowsVisible, kanbanCardsVisible, leadsRowsVisible, ZOOM_200_VIEWPORT } from './a11y-zoom';
import { startHubSession, type HubSession } from './hub-harness';

describe('the working pages at 200% zoom on 1280×720', () => {
  let session: HubSession;

  beforeAll(async () => {
    session = await startHubSession({ hubArgs: ['--demo'], viewport: ZOOM_200_VIEWPORT });
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('shows at least five rows of the Leads table', async () => {
    expect(await leadsRowsVisible(session)).toBeGreaterThanOrEqual(5);
  });

  it('shows at least two cards in every kanban column that has two', async () => {
    const { min, columns } = await kanbanCardsVisible(session);
    expect(columns).toBeGreaterThan(0);
    expect(min).toBeGreaterThanOrEqual(2);
  });

  it('counts fewer rows when the table is squeezed (the gauge can fail)', async () => {
    const { page } = session;
    await page.goto(`${session.baseUrl}/#/leads`);
    await page.locator('[data-testid="leads-table"] tbody tr[data-lead-id]').first().waitFor();
    await page.addStyleTag({ content: '[data-testid="leads-scroll"] { max-height: 120px !important; }' });
    expect(await countLeadsRowsVisible(page)).toBeLessThan(5);
  });
});
