// Real identity in a browser against the hub: a signed-out page shows only the sign-in screen, refusals come in the
// UI's language, the team lead's password signs in (an HttpOnly cookie, so a reload keeps it), Settings shows the
// network and devices, and signing out returns to the sign-in screen. Screenshots go to the temp folder.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_PASSWORD, startHubSession, type HubSession } from './hub-harness';

const shots = (name: string) => join(tmpdir(), `fairlead-identity-${name}.png`);

describe('signing in to the hub in a browser', () => {
  let session: HubSession;
  let page: Page;

  beforeAll(async () => {
    session = await startHubSession({ isSignedIn: false, viewport: { width: 1280, height: 720 } });
    page = session.page;
    await session.callApi('reps.create', { name: '王芳', tier: 'mid', pin: '246810' });
  });

  afterAll(async () => {
    await session?.stop();
  });

  it('shows only the sign-in screen to a signed-out page, in Chinese first', async () => {
    await page.goto(`${session.baseUrl}/#/dashboard`);
    await page.getByRole('heading', { name: '登录 Fairlead' }).waitFor();
    expect(await page.getByTestId('actor-menu').count()).toBe(0);
    await page.screenshot({ path: shots('sign-in-zh') });
  });

  it('words a wrong password in English once the page is in English, leaving the cookie unset', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in to Fairlead' }).waitFor();
    await page.getByLabel('Team lead password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^Wrong password\. \d+ tries left/);
    await page.getByText('Pair this browser').click();
    await page.screenshot({ path: shots('sign-in-pair-en') });
    await page.getByText('Team lead', { exact: true }).click();
  });

  it('signs in with the team lead password and stays signed in after a reload', async () => {
    await page.getByLabel('Team lead password').fill(LEAD_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('actor-menu').waitFor();
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.reload();
    await page.getByTestId('actor-menu').waitFor();
  });

  it('shows the network mode and the devices panel in Settings, in both languages', async () => {
    await page.goto(`${session.baseUrl}/#/settings`);
    const devices = page.getByTestId('devices-section');
    await devices.waitFor();
    await page.getByTestId('network-section').getByText('npm run hub -- --lan').waitFor();
    await devices.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shots('devices-en') });
    await page.getByText('中文', { exact: true }).first().click();
    await devices.getByText('设备', { exact: true }).waitFor();
    await page.screenshot({ path: shots('devices-zh') });
  });

  it('signs out back to the sign-in screen', async () => {
    await page.getByTestId('actor-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByRole('heading', { name: '登录 Fairlead' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '登录 Fairlead' }).waitFor();
  });
});
