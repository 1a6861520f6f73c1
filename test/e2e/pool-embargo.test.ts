// In Chromium against the hub, as a rep: a lead just put in a pool with an embargo shows when it can be claimed, in
// the pool's table and in its drawer in the same words, and both offer the claim once the embargo has passed,
// without a reload (the hub's clock moved by the test hook, the page's by Playwright's clock); at the pool's
// holding cap no claim is offered, and the page says why.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepPage, startHubSession, type HubSession } from './hub-harness';

const PIN = '135790';
const EMBARGO_MINUTES = 30;

interface Pool {
  readonly id: string;
  readonly isDefault: boolean;
  readonly [setting: string]: unknown;
}

describe('a pool’s embargo and holding cap, as a rep', () => {
  let session: HubSession;
  let repContext: BrowserContext;
  let repPage: Page;
  let repId: string;
  let pool: Pool;

  async function savePool(patch: Record<string, unknown>): Promise<void> {
    const { id, isDefault: _isDefault, ...settings } = pool;
    pool = await session.callApi<Pool>('pool.savePool', { id, settings: { ...settings, ...patch } });
  }

  beforeAll(async () => {
    session = await startHubSession({ hubArgs: ['--test-hooks'], viewport: { width: 1280, height: 720 } });
    const { pools } = await session.callApi<{ pools: Pool[] }>('pool.pools', {});
    const found = pools.find((p) => p.isDefault);
    if (found === undefined) throw new Error('no default pool');
    pool = found;
    await savePool({ embargoMinutes: EMBARGO_MINUTES });
    // Created before any rep exists, so distribution leaves it in the pool, where it has just arrived.
    await session.callApi('leads.create', {
      name: '周敏',
      company: '周敏贸易有限公司',
      phone: '13700137000',
    });
    ({ id: repId } = await session.callApi<{ id: string }>('reps.create', {
      name: '王芳',
      tier: 'mid',
      joinedOn: '2024-01-01',
      pin: PIN,
    }));
    // The page's timers run on a clock the test can move forward, as the hub's.
    ({ context: repContext, page: repPage } = await openRepPage(session, repId, PIN, (page) =>
      page.clock.install(),
    ));
  });

  afterAll(async () => {
    await repContext?.close();
    await session?.stop();
  });

  it('says when the claim opens, in the table and the drawer alike, then offers it once the embargo ends', async () => {
    await repPage.goto(`${session.baseUrl}/#/pool`);
    const row = repPage.getByTestId('pool-row').filter({ hasText: '周敏' });
    const embargo = row.getByTestId('embargo');
    await embargo.waitFor();
    expect(await embargo.innerText()).toMatch(/^禁领至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await row.getByTestId('claim').count()).toBe(0);
    await row.getByTestId('lead-name').click();
    const drawer = repPage.getByRole('dialog');
    const refusal = drawer.getByTestId('drawer-claim-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe(await embargo.innerText());
    expect(await drawer.getByTestId('drawer-claim').count()).toBe(0);
    // Never theirs: nothing to appeal, so no appeal is offered.
    expect(await drawer.getByTestId('appeal-button').count()).toBe(0);

    await session.callApi('dev.advanceClock', { minutes: EMBARGO_MINUTES + 1 });
    await repPage.clock.fastForward(`${EMBARGO_MINUTES + 1}:00`);
    await drawer.getByTestId('drawer-claim').waitFor();
    expect(await drawer.getByTestId('drawer-claim-refusal').count()).toBe(0);
    await repPage.keyboard.press('Escape');
    await row.getByTestId('claim').waitFor();
    expect(await row.getByTestId('embargo').count()).toBe(0);
  });

  it('offers no claim at the pool’s holding cap and says why', async () => {
    // The rep holds nothing yet; a cap of one, no embargo, and a second lead left in the pool (the rep is away).
    await savePool({ embargoMinutes: 0, caps: { ...(pool.caps as object), holding: 1 } });
    await session.callApi('reps.update', { id: repId, patch: { isOutOfOffice: true } });
    await session.callApi('leads.create', { name: '李娜', company: '李娜咨询', phone: '13600136000' });
    await repPage.goto(`${session.baseUrl}/#/pool`);
    const second = repPage.getByTestId('pool-row').filter({ hasText: '李娜' });
    await second.getByTestId('claim').waitFor();
    expect(await repPage.getByTestId('claim-capped').count()).toBe(0);
    const first = repPage.getByTestId('pool-row').filter({ hasText: '周敏' });
    await first.getByTestId('claim').click();
    await first.waitFor({ state: 'detached' });
    await repPage
      .getByTestId('claim-capped')
      .getByText('库容已满：跟进完成或放回一些线索后才能再领。')
      .waitFor();
    expect(await second.getByTestId('claim').isDisabled()).toBe(true);
  });
});
