// End to end in Debian Chromium against the hub: build a distribution rule, test a lead, watch leads get assigned
// with explanations, reassign one, and raise (as a rep) and resolve (as the team lead) an appeal.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSession, type HubSession, LEAD_PASSWORD } from './hub-harness';

/** The reps' PIN for taking over the shared PC. */
const REP_PIN = '135790';

describe('distribution in a browser against the hub', () => {
  let session: HubSession;
  let baseUrl: string;
  let page: Page;

  const callApi = <T>(name: string, input: unknown): Promise<T> => session.callApi<T>(name, input);

  beforeAll(async () => {
    session = await startHubSession({ viewport: { width: 1280, height: 800 } });
    ({ baseUrl, page } = session);
  });

  afterAll(async () => {
    await session?.stop();
  });

  let zhang: { id: string };
  let li: { id: string };
  let leadId = '';

  async function pickOption(select: ReturnType<Page['getByTestId']>, option: string): Promise<void> {
    await select.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Hands the shared PC to a rep (their PIN), or back to the team lead (the team lead's password). */
  async function switchActor(name: string): Promise<void> {
    const isLead = name === '销售主管';
    await page.getByTestId('actor-menu').click();
    await page.getByRole('menuitem', { name: isLead ? '切换回销售主管' : name }).click();
    await page
      .getByRole('dialog')
      .getByLabel(isLead ? '销售主管密码' : 'PIN 码')
      .fill(isLead ? LEAD_PASSWORD : REP_PIN);
    await page.getByRole('dialog').getByRole('button', { name: '登录' }).click();
    await page.getByTestId('actor-menu').getByText(name, { exact: true }).waitFor();
  }

  it('builds a rule with the condition builder, moves it to the top and tests a lead against it', async () => {
    zhang = await callApi('reps.create', {
      name: '张三',
      tier: 'senior',
      joinedOn: '2024-01-01',
      pin: REP_PIN,
    });
    li = await callApi('reps.create', { name: '李四', tier: 'mid', joinedOn: '2024-01-01', pin: REP_PIN });
    await page.goto(`${baseUrl}/#/rules/distribution`);
    await page.getByTestId('rule-add').click();
    const count = await page.locator('[data-testid^="rule-"][data-testid$="-name"]').count();
    const index = count - 2;
    const card = `rule-${index}`;
    await page.getByTestId(`${card}-name`).fill('制造业给资深');
    await pickOption(page.getByTestId(`${card}-condition-0-field`), '行业');
    await page.getByTestId(`${card}-condition-0-value`).fill('制造');
    await pickOption(page.getByTestId(`${card}-target`), '指定级别');
    const handle = page.getByTestId(card).getByRole('button', { name: '拖动排序' });
    const from = await handle.boundingBox();
    const to = await page.getByTestId('rule-0').boundingBox();
    if (!from || !to) throw new Error('rule cards are not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    await page.mouse.move(from.x + from.width / 2, to.y + 5, { steps: 20 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('rule-0-name').inputValue()).toBe('制造业给资深');

    await page.getByTestId('test-lead-industry').fill('制造');
    await page.getByTestId('test-lead-run').click();
    const result = page.getByTestId('test-lead-result');
    await result.getByText('命中规则“制造业给资深”（第 1 条）').waitFor();
    await result.getByText(/将分配给 张三/).waitFor();
    expect((await callApi<{ version: number }>('distribution.getRules', {})).version).toBe(0);

    await page.getByTestId('rules-save').click();
    await page.getByText('已保存为第 1 版').waitFor();
    const saved = await callApi<{ rules: { name: string }[] }>('distribution.getRules', {});
    expect(saved.rules[0]?.name).toBe('制造业给资深');
  });

  it('assigns new leads and explains each assignment in plain words in the lead drawer', async () => {
    const lead = await callApi<{ id: string; ownerId: string }>('leads.create', {
      name: '制造业客户',
      industry: '制造',
    });
    await callApi('leads.create', { name: '其他客户', industry: '零售' });
    expect(lead.ownerId).toBe(zhang.id);
    leadId = lead.id;
    await page.goto(`${baseUrl}/#/leads`);
    await page.locator('[data-lead-id]', { hasText: '制造业客户' }).click();
    await page.getByRole('tab', { name: /分配记录/ }).click();
    const history = page.getByTestId('assignment-history');
    await history.getByText('命中规则“制造业给资深”（第 1 条）').waitFor();
    await history.getByText('分配给 张三').first().waitFor();
  });

  it('reassigns the lead with a reason', async () => {
    await page.getByTestId('reassign-button').click();
    await pickOption(page.getByTestId('reassign-to'), '李四');
    await page.getByTestId('reassign-reason').fill('客户要求换人');
    await page.getByTestId('reassign-submit').click();
    const history = page.getByTestId('assignment-history');
    await history.getByText('原因：客户要求换人').waitFor();
    await history.getByText('从 张三 改派给 李四').waitFor();
    const detail = await callApi<{ lead: { ownerId: string } }>('leads.get', { id: leadId });
    expect(detail.lead.ownerId).toBe(li.id);
  });

  it('lets the rep appeal and the team lead accept the appeal', async () => {
    await page.keyboard.press('Escape');
    await switchActor('李四');
    await page.locator('[data-lead-id]', { hasText: '制造业客户' }).click();
    await page.getByTestId('appeal-button').click();
    await page.getByTestId('appeal-message').fill('这是制造业客户，应该给资深销售');
    await page.getByTestId('appeal-submit').click();
    await page.getByText('申诉已提交，等待主管处理').waitFor();
    // The drawer no longer offers a second appeal of the same hand-over: it says the first is pending.
    await page
      .getByRole('dialog')
      .getByTestId('appeal-pending')
      .getByText('申诉处理中，等待主管答复')
      .waitFor();
    expect(await page.getByRole('dialog').getByTestId('appeal-button').count()).toBe(0);
    await page.keyboard.press('Escape');

    await switchActor('销售主管');
    await page.goto(`${baseUrl}/#/rules/distribution`);
    await page.getByTestId('appeal-count').getByText('1').waitFor();
    await page.getByTestId('appeals-tab').click();
    const card = page.getByTestId('appeal-card').first();
    await card.getByText('这是制造业客户，应该给资深销售').waitFor();
    await pickOption(card.getByTestId('appeal-to'), '张三');
    await card.getByTestId('appeal-reply').fill('同意');
    await card.getByTestId('appeal-accept').click();
    await card.getByText('已同意').waitFor();
    const detail = await callApi<{ lead: { ownerId: string } }>('leads.get', { id: leadId });
    expect(detail.lead.ownerId).toBe(zhang.id);
  });

  it('lets the owner put the lead back in the public pool, which says who released it', async () => {
    await switchActor('张三');
    await page.goto(`${baseUrl}/#/leads`);
    await page.locator('[data-lead-id]', { hasText: '制造业客户' }).click();
    await page.getByTestId('release-button').click();
    await page.getByRole('dialog', { name: '把线索放回公海' }).getByText('冷却期内你不能再领回').waitFor();
    await page.getByTestId('release-reason').fill('客户说今年没有预算');
    await page.getByTestId('release-submit').click();
    await page.getByText('已放回公海').waitFor();
    await page.keyboard.press('Escape');
    const detail = await callApi<{ lead: { ownerId: string | null } }>('leads.get', { id: leadId });
    expect(detail.lead.ownerId).toBeNull();
    // Its releaser sees the cool-down in the pool's table and the same words in the lead's drawer, no claim offered.
    await page.goto(`${baseUrl}/#/pool`);
    const released = page.locator('[data-lead-id]', { hasText: '制造业客户' });
    const coolDown = released.getByTestId('cool-down');
    await coolDown.waitFor();
    await released.getByTestId('lead-name').click();
    const refusal = page.getByRole('dialog').getByTestId('drawer-claim-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(await coolDown.textContent());
    expect(await page.getByRole('dialog').getByTestId('drawer-claim').count()).toBe(0);
    // Given up by them: nothing of theirs to appeal.
    expect(await page.getByRole('dialog').getByTestId('appeal-button').count()).toBe(0);
    await page.keyboard.press('Escape');

    await switchActor('销售主管');
    await page.goto(`${baseUrl}/#/pool`);
    const row = page.locator('[data-lead-id]', { hasText: '制造业客户' });
    await row.getByText('张三 释放').waitFor();
  });

  it("offers another rep the claim in a pool lead's drawer, then the owner's actions", async () => {
    await switchActor('李四');
    await page.goto(`${baseUrl}/#/pool`);
    await page.locator('[data-lead-id]', { hasText: '制造业客户' }).getByTestId('lead-name').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('drawer-claim').waitFor();
    // Not theirs yet: the hub would refuse a follow-up or an edit, so neither is offered.
    expect(await drawer.getByRole('button', { name: '记跟进' }).count()).toBe(0);
    expect(await drawer.getByRole('button', { name: '编辑', exact: true }).count()).toBe(0);
    await drawer.getByTestId('drawer-claim').click();
    await page.getByText('已领取「制造业客户」').waitFor();
    await drawer.getByTestId('release-button').waitFor();
    await drawer.getByRole('button', { name: '记跟进' }).waitFor();
    await drawer.getByRole('button', { name: '编辑', exact: true }).waitFor();
    expect(await drawer.getByTestId('drawer-claim').count()).toBe(0);
    const detail = await callApi<{ lead: { ownerId: string | null } }>('leads.get', { id: leadId });
    expect(detail.lead.ownerId).toBe(li.id);
  });
});
