// Keyboard only, as a rep on the demo workspace: open a lead from the public pool, claim it, log a follow-up and
// move its card to the next stage, with the focus where it should be after each step. No mouse event is sent: the
// page is reached by the skip link, Tab, arrows and shortcuts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPageInAsDemoRep } from './a11y-scan';
import { LEAD_PASSWORD, startHubSession, type HubSession } from './hub-harness';

/** What has the focus: its test id, the lead it belongs to (its own or its row's/card's), and where it sits. */
interface Focused {
  readonly testId: string | null;
  readonly leadId: string | null;
  readonly href: string | null;
  readonly inDialog: boolean;
  readonly column: string | null;
  readonly stage: string | null;
  readonly tag: string | null;
  readonly text: string;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      testId: el?.getAttribute('data-testid') ?? null,
      leadId: el?.closest('[data-lead-id]')?.getAttribute('data-lead-id') ?? null,
      href: el?.getAttribute('href') ?? null,
      inDialog: el?.closest('[role="dialog"], [role="menu"]') != null,
      column: el?.closest('[data-stage]')?.getAttribute('data-stage') ?? null,
      stage: el?.getAttribute('data-stage') ?? null,
      tag: el?.tagName ?? null,
      text: (el?.textContent ?? '').trim().slice(0, 60),
    };
  });
}

/** Presses `key` until the focused element matches, at most `max` times; fails naming what had the focus last. */
async function pressUntil(
  page: Page,
  key: string,
  isThere: (f: Focused) => boolean,
  max: number,
): Promise<Focused> {
  let now = await focused(page);
  for (let i = 0; i < max && !isThere(now); i += 1) {
    await page.keyboard.press(key);
    now = await focused(page);
  }
  expect(isThere(now), `after ${max} × ${key} the focus is on ${JSON.stringify(now)}`).toBe(true);
  return now;
}

/** Waits until the focused element matches (the app moves the focus once an action settles). */
async function waitForFocus(page: Page, isThere: (f: Focused) => boolean, what: string): Promise<void> {
  try {
    await expect.poll(async () => isThere(await focused(page)), { timeout: 5000 }).toBe(true);
  } catch {
    throw new Error(`The focus never reached ${what}: it is on ${JSON.stringify(await focused(page))}`);
  }
}

describe('a rep works a lead from the pool with the keyboard alone', () => {
  let session: HubSession;
  let page: Page;

  beforeAll(async () => {
    session = await startHubSession({ hubArgs: ['--demo'], viewport: { width: 1280, height: 720 } });
    page = session.page;
    await signPageInAsDemoRep(session, page);
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('opens a pool lead, claims it, logs a follow-up and moves its card, focus following each step', async () => {
    // The skip link is the first stop and takes the focus to the main content.
    await page.goto(`${session.baseUrl}/#/pool`);
    await page.getByTestId('pool-table').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('fl-skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Tab reaches the name of a lead this rep may claim (the demo's start can recycle one of theirs, whose cool-down
    // then shows instead of a claim button); Enter opens it; Escape closes it and the focus is back on the name.
    const leadId =
      (await page
        .locator('[data-testid="pool-row"]:has([data-testid="claim"]:not([disabled]))')
        .first()
        .getAttribute('data-lead-id')) ?? '';
    expect(leadId).not.toBe('');
    await pressUntil(page, 'Tab', (f) => f.testId === 'lead-name' && f.leadId === leadId, 40);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await waitForFocus(page, (f) => f.inDialog, 'the lead drawer');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await waitForFocus(page, (f) => f.testId === 'lead-name' && f.leadId === leadId, 'the lead name again');

    // Tab along the row to its claim button; Enter claims; the focus stays in the table, on the next lead's name.
    await pressUntil(page, 'Tab', (f) => f.testId === 'claim' && f.leadId === leadId, 10);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="pool-row"][data-lead-id="${leadId}"]`).waitFor({ state: 'detached' });
    await waitForFocus(page, (f) => f.testId === 'lead-name' && f.leadId !== leadId, 'the next pool lead');
    const claimed = await session.callApi<{ lead: { ownerId: string | null; stage: string } }>('leads.get', {
      id: leadId,
    });
    expect(claimed.lead.ownerId).not.toBeNull();

    // Back up to the navigation, into My queue; the queue's selected row is one Tab stop; ↓ walks to the lead.
    await pressUntil(page, 'Shift+Tab', (f) => f.href === '#/queue', 60);
    await page.keyboard.press('Enter');
    await page.getByTestId('queue-row').first().waitFor();
    await pressUntil(page, 'Tab', (f) => f.testId === 'queue-row', 40);
    await pressUntil(page, 'ArrowDown', (f) => f.testId === 'queue-row' && f.leadId === leadId, 400);

    // F opens the follow-up form with the focus in it; Enter saves; the focus is back on the lead's row.
    await page.keyboard.press('f');
    const form = page.getByTestId('follow-up-form');
    await form.waitFor();
    await waitForFocus(page, (f) => f.inDialog, 'the follow-up form');
    await page.keyboard.type('电话沟通，客户想看方案');
    await page.keyboard.press('Alt+8');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await waitForFocus(page, (f) => f.testId === 'queue-row' && f.leadId === leadId, 'the lead’s queue row');
    const logged = await session.callApi<{
      followUps: { said: string }[];
      lead: { stage: string; name: string };
    }>('leads.get', { id: leadId });
    expect(logged.followUps.map((f) => f.said)).toContain('电话沟通，客户想看方案');

    // To the Funnel; the search box narrows the board to the lead; its card is one Tab stop, then Move to….
    await pressUntil(page, 'Shift+Tab', (f) => f.href === '#/funnel', 60);
    await page.keyboard.press('Enter');
    await page.getByTestId('kanban-board').waitFor();
    const stages = await page.$$eval('[data-testid="kanban-board"] [data-stage]', (els) =>
      els.map((el) => el.getAttribute('data-stage') ?? ''),
    );
    const from = logged.lead.stage;
    const next = stages[stages.indexOf(from) + 1] ?? '';
    expect(next).not.toBe('');
    // The first field after the navigation is the board's search.
    await pressUntil(page, 'Tab', (f) => f.tag === 'INPUT', 10);
    await page.keyboard.type(logged.lead.name);
    await page.locator(`[data-testid="column-${from}"] [data-lead-id="${leadId}"]`).waitFor();
    await pressUntil(page, 'Tab', (f) => f.testId === 'lead-card' && f.leadId === leadId, 30);
    await pressUntil(page, 'Tab', (f) => f.testId === 'move-to' && f.leadId === leadId, 3);
    await page.keyboard.press('Enter');
    await page.getByTestId('move-menu').waitFor();
    await pressUntil(page, 'ArrowDown', (f) => f.stage === next, 12);
    await page.keyboard.press('Enter');

    // The card is in the next column and still has the focus.
    await page.locator(`[data-testid="column-${next}"] [data-lead-id="${leadId}"]`).waitFor();
    await waitForFocus(
      page,
      (f) => f.testId === 'lead-card' && f.leadId === leadId && f.column === next,
      'the moved card',
    );
    const moved = await session.callApi<{ lead: { stage: string } }>('leads.get', { id: leadId });
    expect(moved.lead.stage).toBe(next);
  });

  it('opens the notification panel from the bell, takes the focus into it, and gives it back on Escape', async () => {
    await page.goto(`${session.baseUrl}/#/queue`);
    await page.getByTestId('queue-row').first().waitFor();
    await pressUntil(page, 'Shift+Tab', (f) => f.testId === 'notification-bell', 80);
    await page.keyboard.press('Enter');
    await page.getByTestId('notification-panel').waitFor();
    await waitForFocus(page, (f) => f.inDialog, 'the notification panel');
    await page.keyboard.press('Escape');
    await page.getByTestId('notification-panel').waitFor({ state: 'hidden' });
    await waitForFocus(page, (f) => f.testId === 'notification-bell', 'the bell');
  });

  it('switches to the team lead from the actor menu and leaves the focus on that menu', async () => {
    await page.goto(`${session.baseUrl}/#/queue`);
    await page.getByTestId('queue-row').first().waitFor();
    await pressUntil(page, 'Shift+Tab', (f) => f.testId === 'actor-menu', 80);
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await pressUntil(page, 'ArrowDown', (f) => f.inDialog && f.text === '切换回销售主管', 5);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await waitForFocus(page, (f) => f.tag === 'INPUT', 'the password field');
    await page.keyboard.type(LEAD_PASSWORD);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('actor-menu').getByText('销售主管').waitFor();
    await waitForFocus(page, (f) => f.testId === 'actor-menu', 'the actor menu');
  });
});
