// Pairing a rep's browser through the pages themselves, in Chromium against a LAN-mode hub (HTTPS with its own CA,
// trusted through Chromium's SPKI pin flag): the team lead signs in and makes a pairing code in Settings → Devices;
// the rep's browser types that code on its sign-in screen; after a sign-out the rep signs in with the PIN alone; and
// a lead assigned to the rep on the hub appears in the rep's open queue by the pushed event, without a reload; an
// unpaired browser cannot sign in with the rep's PIN, nor can the rep's browser once its device is revoked.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_PASSWORD } from '../../e2e/hub-harness';
import { openLanBrowser, type LanBrowser } from '../../helpers/lan-browser';
import { startLanHub, type LanHub } from '../../helpers/lan-hub';
import { addRep } from './lan-fixtures';

const REP_PIN = '246810';
const shots = (name: string) => join(tmpdir(), `fairlead-pairing-ui-${name}.png`);

/** Before anyone signs in, the language is this browser's own choice. */
async function chooseChinese(page: Page): Promise<void> {
  await page.getByText('中文', { exact: true }).click();
  await page.getByRole('heading', { name: '登录 Fairlead' }).waitFor();
}

describe('pairing a rep’s browser through the UI', () => {
  let hub: LanHub;
  let lead: LanBrowser;
  let rep: LanBrowser;
  let repId: string;
  let code: string;

  beforeAll(async () => {
    hub = await startLanHub();
    await hub.lead.call('session.setLeadPassword', { password: LEAD_PASSWORD });
    repId = await addRep(hub.lead, '王芳', REP_PIN);
    lead = await openLanBrowser(hub.spkiPin, hub.url);
    rep = await openLanBrowser(hub.spkiPin, hub.url);
    for (const page of [lead.page, rep.page]) await page.setViewportSize({ width: 1280, height: 720 });
  });

  afterAll(async () => {
    await lead?.close();
    await rep?.close();
    await hub?.stop();
  });

  it('lets the team lead sign in and make a pairing code for the rep in Settings → Devices', async () => {
    const page = lead.page;
    await page.goto(`${hub.url}/#/settings`);
    await chooseChinese(page);
    await page.getByLabel('销售主管密码').fill(LEAD_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    const devices = page.getByTestId('devices-section');
    await devices.waitFor();
    await devices.getByLabel('销售', { exact: true }).click();
    await page.getByRole('option', { name: '王芳' }).click();
    await devices.getByRole('button', { name: '生成配对码' }).click();
    code = ((await page.getByTestId('pairing-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-F]{8}$/);
    // The code ends with the start of the CA fingerprint the page shows beside it.
    const fingerprint = await page.getByTestId('pairing-code-card').locator('pre, code').last().textContent();
    expect(fingerprint?.replace(/:/g, '').startsWith(code.slice(-8))).toBe(true);
    await page.getByTestId('pairing-code-card').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shots('lead-code') });
  });

  it('pairs the rep’s browser with the code typed on its sign-in screen, signed in as that rep', async () => {
    const page = rep.page;
    await page.goto(`${hub.url}/#/queue`);
    await chooseChinese(page);
    await page.getByText('配对此浏览器', { exact: true }).click();
    await page.getByLabel('配对码').fill(code);
    await page.getByLabel('设备名称').fill('王芳的笔记本');
    await page.getByRole('button', { name: '配对并登录' }).click();
    await page.getByTestId('actor-menu').getByText('王芳').waitFor();
    const devices = await hub.lead.call('devices.list', {});
    expect(devices).toMatchObject([{ person: `rep:${repId}`, name: '王芳的笔记本', revokedAt: null }]);
    // The code worked once: the same code now fails on the hub.
    const again = await rep.callInPage('devices.pair', { code, deviceName: 'again' });
    expect(again.status).toBe(403);
  });

  it('asks only the PIN of the rep who paired this browser after a sign-out', async () => {
    const page = rep.page;
    await page.getByTestId('actor-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByText('此浏览器已为王芳配对，请输入您的 PIN 登录。').waitFor();
    await page.screenshot({ path: shots('rep-pin') });
    await page.getByLabel('PIN', { exact: false }).fill('135790');
    await page.getByRole('button', { name: '登录' }).click();
    expect(await page.getByTestId('sign-in-error').textContent()).toMatch(/^PIN 错误。再错 \d+ 次/);
    await page.getByLabel('PIN', { exact: false }).fill(REP_PIN);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('actor-menu').getByText('王芳').waitFor();
  });

  it('shows a lead assigned to the rep on the hub in the open queue, without a reload', async () => {
    const page = rep.page;
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
      location.hash = '#/queue';
    });
    await page.getByText('没有待跟进的线索，干得好！').or(page.getByTestId('queue-row').first()).waitFor();
    const rowsBefore = await page.getByTestId('queue-row').count();

    const created = await hub.lead.call('leads.create', { name: '推送客户 陈静', phone: null });
    if (created.ownerId !== repId) {
      await hub.lead.call('distribution.reassign', { leadIds: [created.id], toRepId: repId, reason: 'e2e' });
    }
    await page.getByTestId('queue-row').filter({ hasText: '推送客户 陈静' }).waitFor();
    expect(await page.getByTestId('queue-row').count()).toBe(rowsBefore + 1);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    await page.screenshot({ path: shots('rep-queue') });
  });

  it('refuses the rep’s right PIN from an unpaired browser, and from the rep’s browser once it is revoked', async () => {
    // The team lead's browser holds no device cookie for the rep.
    const unpaired = await lead.callInPage('session.signIn', { as: 'rep', repId, pin: REP_PIN });
    expect(unpaired.status).toBe(403);
    expect(unpaired.body).toMatchObject({ ok: false, error: { reason: 'session.deviceNotPaired' } });

    const [device] = await hub.lead.call('devices.list', {});
    await hub.lead.call('devices.revoke', { id: device!.id });
    const page = rep.page;
    await page.reload();
    await page.getByText('此浏览器已为王芳配对，请输入您的 PIN 登录。').waitFor();
    await page.getByLabel('PIN', { exact: false }).fill(REP_PIN);
    await page.getByRole('button', { name: '登录' }).click();
    // The browser is told its pairing was revoked, forgets the rep and asks for a new pairing code.
    expect(await page.getByTestId('pairing-revoked').textContent()).toBe(
      '销售主管已取消此浏览器的配对：请向销售主管索取新的配对码，重新配对。',
    );
    await page.getByLabel('配对码', { exact: false }).waitFor();
    expect(await page.getByLabel('PIN', { exact: false }).count()).toBe(0);
    await page.screenshot({ path: shots('rep-revoked') });
  });
});
