// In Chromium against the hub, as a rep: the Transparency page's assignment history shows another rep's lead by
// name without its phone (neither on the page nor in what the hub answered the page), and filters by rep.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepPage, startHubSession, type HubSession } from './hub-harness';

const PIN = '135790';
const PHONE = '13912345678';
const PHONE_FORMS = [PHONE, '139 1234 5678', '139-1234-5678'];

describe('the assignment history on the Transparency page, as a rep', () => {
  let session: HubSession;
  let repContext: BrowserContext;
  let repPage: Page;
  let li: string;
  let vip: string;
  /** Every body the hub answered the rep's page for distribution.assignments. */
  const answers: string[] = [];

  beforeAll(async () => {
    session = await startHubSession({ viewport: { width: 1280, height: 720 } });
    const addRep = (name: string) =>
      session.callApi<{ id: string }>('reps.create', { name, tier: 'mid', joinedOn: '2024-01-01', pin: PIN });
    const wang = (await addRep('王芳')).id;
    li = (await addRep('李强')).id;
    // The rule reads the phone, so the engine's explanation of the assignment quotes it.
    await session.callApi('distribution.saveRules', {
      rules: [
        {
          id: 'mobile-139',
          name: '139 号段',
          enabled: true,
          conditions: [{ field: 'phone', op: 'contains', value: '139' }],
          target: { kind: 'reps', repIds: [li] },
          method: 'round-robin',
        },
        {
          id: 'rest',
          name: '其余',
          enabled: true,
          conditions: [],
          target: { kind: 'reps', repIds: [wang] },
          method: 'round-robin',
        },
      ],
    });
    vip = (
      await session.callApi<{ id: string; ownerId: string | null }>('leads.create', {
        name: '周总',
        company: '周氏贸易有限公司',
        phone: PHONE,
        source: '展会',
      })
    ).id;
    await session.callApi('leads.create', { name: '陈静', company: '陈氏科技', source: '官网表单' });
    ({ context: repContext, page: repPage } = await openRepPage(session, wang, PIN, (page) => {
      page.on('response', (response) => {
        if (response.url().endsWith('/api/distribution.assignments'))
          void response.text().then((body) => answers.push(body));
      });
    }));
  });

  afterAll(async () => {
    await repContext?.close();
    await session?.stop();
  });

  it('shows another rep’s lead by name and company without its phone, and filters by rep', async () => {
    await repPage.goto(`${session.baseUrl}/#/transparency`);
    const section = repPage.getByTestId('transparency-assignments');
    const row = section.locator(`tr[data-lead-id="${vip}"]`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('周总');
    expect(text).toContain('周氏贸易有限公司');
    expect(text).toContain('李强');
    // Every step of the reasons, the rule's test of the phone included: masked.
    await row.getByRole('button', { name: /查看全部/ }).click();
    await expect.poll(() => row.innerText()).toContain('139****5678');
    const page = await repPage.content();
    for (const form of PHONE_FORMS) expect(page).not.toContain(form);
    expect(answers.length).toBeGreaterThan(0);
    for (const body of answers) for (const form of PHONE_FORMS) expect(body).not.toContain(form);

    await expect.poll(() => section.locator('tbody tr').count()).toBe(2);
    await section.getByLabel('销售', { exact: true }).click();
    await repPage.getByRole('option', { name: '李强', exact: true }).click();
    await expect
      .poll(async () =>
        section.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset['repId'])),
      )
      .toEqual([li]);
    await expect.poll(() => section.getByTestId('assignment-log-total').innerText()).toContain('共 1 条');
  });
});
