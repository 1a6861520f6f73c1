// End to end in Chromium on the demo: a kanban column hands a card's elements on as it scrolls (KanbanColumn's
// slots), and every card shown is still the lead at its place, with its own words; the focused card never becomes
// another lead's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSession, type HubSession } from './hub-harness';

interface Card {
  id: string;
  name: string;
}

/** What the column shows: each card element's place, lead, name and whether it is one seen before the scroll. */
const READ_COLUMN = `(stage) => [...document.querySelectorAll('[data-testid="column-scroll-' + stage + '"] [data-testid="lead-card"]')]
  .map((el) => ({ index: Number(el.dataset.index), id: el.dataset.leadId, text: el.textContent, seen: el.__seen === true }))`;

describe('a kanban column as it scrolls', () => {
  let session: HubSession;
  let stage = '';
  let cards: Card[] = [];

  beforeAll(async () => {
    session = await startHubSession({ hubArgs: ['--demo'], viewport: { width: 1280, height: 720 } });
    const board = await session.callApi<{ columns: { stage: string; total: number }[] }>('funnel.board', {});
    const longest = [...board.columns].sort((a, b) => b.total - a.total)[0];
    stage = longest?.stage ?? '';
    const page = await session.callApi<{ cards: Card[] }>('funnel.cards', { stage, offset: 0, limit: 500 });
    cards = page.cards;
    await session.page.goto(`${session.baseUrl}/#/funnel`);
    await session.page
      .getByTestId(`column-scroll-${stage}`)
      .locator('[data-testid="lead-card"]')
      .first()
      .waitFor();
  }, 120_000);
  afterAll(() => session.stop());

  async function scrollTo(top: number): Promise<void> {
    await session.page.evaluate(
      ([s, t]) => {
        const element = document.querySelector(`[data-testid="column-scroll-${s}"]`);
        if (element) element.scrollTop = Number(t);
      },
      [stage, String(top)],
    );
    // Until every slot shows a card of the new range (its page fetched and rendered).
    await session.page.waitForFunction(
      ([s, t]) => {
        const shown = [
          ...document.querySelectorAll(`[data-testid="column-scroll-${s}"] [data-testid="lead-card"]`),
        ];
        const first = Math.floor(Number(t) / 112);
        return shown.some((el) => Number((el as HTMLElement).dataset.index) === first);
      },
      [stage, String(top)],
    );
  }

  it('reuses the elements of cards scrolled out for the cards scrolled in, each showing its own lead', async () => {
    expect(cards.length).toBeGreaterThan(30);
    const page = session.page;
    await page.evaluate(
      `document.querySelectorAll('[data-testid="lead-card"]').forEach((el) => { el.__seen = true; })`,
    );
    await scrollTo(112 * 20);
    const shown = (await page.evaluate(`(${READ_COLUMN})(${JSON.stringify(stage)})`)) as {
      index: number;
      id: string;
      text: string;
      seen: boolean;
    }[];
    expect(shown.length).toBeGreaterThan(4);
    for (const card of shown) {
      const lead = cards[card.index];
      expect(card.id, `card ${card.index}`).toBe(lead?.id);
      expect(card.text, `card ${card.index}`).toContain(lead?.name);
    }
    // None of these was shown before the scroll, yet most are the same elements, now showing other leads.
    expect(shown.every((card) => card.index >= 10)).toBe(true);
    expect(shown.filter((card) => card.seen).length).toBeGreaterThan(shown.length / 2);
  });

  it('never moves the focus to another lead: the focused card keeps its own element', async () => {
    const page = session.page;
    await scrollTo(0);
    const first = page.getByTestId(`column-scroll-${stage}`).locator('[data-index="0"]');
    await first.focus();
    await scrollTo(112 * 30);
    const focused = await page.evaluate(`(() => {
      const el = document.activeElement;
      return el && el.dataset && el.dataset.testid === 'lead-card' ? el.dataset.leadId : null;
    })()`);
    // Scrolled out, the card is gone (the focus with it) or still its own lead; never a card of another lead.
    expect([null, cards[0]?.id]).toContain(focused);
  });
});
