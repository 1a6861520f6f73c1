// The translation scan, in Chromium at 1280×720 on the demo workspace: every page and its dialogs, as the team lead
// and as a rep, in Chinese (no English words, raw keys or ids, US dates or English durations) and in English (no
// Chinese that is not the workspace's own data); and a rep's refused action is worded in Chinese.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_PASSWORD, startHubSession, type HubSession } from './hub-harness';
import {
  collectData,
  judgeChinese,
  judgeEnglish,
  latinWordsOf,
  readVisibleTexts,
  waitForSettled,
} from './text-scan';

const DEMO_PIN = '246810';

type Role = 'lead' | 'rep';
type Language = 'zh-CN' | 'en';

interface Step {
  readonly name: string;
  readonly route: string;
  readonly roles: readonly Role[];
  /** Opens what the step is about (a dialog, a tab); the page is scanned after it. */
  readonly open?: (page: Page) => Promise<void>;
  /** Where the tabs to click through are, once open. */
  readonly tabsIn?: string;
}

const both: readonly Role[] = ['lead', 'rep'];
const leadOnly: readonly Role[] = ['lead'];

async function clickTabs(page: Page, scope: string, scan: (label: string) => Promise<void>): Promise<void> {
  // The page's (or dialog's) own tab list (the first), not the tabs a tab may hold; disabled tabs are skipped.
  const tabs = page
    .locator(`${scope} [role="tablist"]`)
    .first()
    .locator('[role="tab"]:not([disabled]):not([data-disabled])');
  const labels = (await tabs.allInnerTexts()).map((label) => label.trim());
  for (const [i, label] of labels.entries()) {
    await tabs.nth(i).click();
    await waitForSettled(page);
    await scan(label);
  }
}

const STEPS: readonly Step[] = [
  { name: 'queue', route: 'queue', roles: both },
  {
    name: 'queue → follow-up form',
    route: 'queue',
    roles: both,
    open: async (page) => {
      await page.getByTestId('queue-row').first().focus();
      await page.keyboard.press('f');
      await page.getByTestId('follow-up-form').waitFor();
    },
  },
  { name: 'agenda', route: 'agenda', roles: both },
  { name: 'funnel', route: 'funnel', roles: both },
  {
    name: 'funnel → stage settings',
    route: 'funnel',
    roles: leadOnly,
    open: async (page) => {
      await page.getByRole('button', { name: '阶段设置' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'funnel → SLA settings',
    route: 'funnel',
    roles: leadOnly,
    open: async (page) => {
      await page.getByRole('button', { name: '跟进时效设置' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'pool', route: 'pool', roles: both },
  {
    name: 'leads → distribute preview',
    route: 'leads',
    roles: leadOnly,
    open: async (page) => {
      await page.getByTestId('distribute-now').first().click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'leads', route: 'leads', roles: both },
  {
    name: 'leads → new lead',
    route: 'leads',
    roles: both,
    open: async (page) => {
      await page.getByTestId('new-lead').click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'leads → lead drawer',
    route: 'leads',
    roles: both,
    tabsIn: '[role="dialog"]',
    open: async (page) => {
      await page.locator('tr.fl-lead-row').first().click();
      await page.getByRole('dialog').getByRole('tab').first().waitFor();
    },
  },
  {
    name: 'leads → duplicates',
    route: 'leads',
    roles: leadOnly,
    open: async (page) => {
      await page.getByRole('button', { name: '查重' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'import', route: 'import', roles: leadOnly },
  { name: 'rules', route: 'rules', roles: both },
  { name: 'team', route: 'team', roles: leadOnly },
  {
    name: 'team → add rep',
    route: 'team',
    roles: leadOnly,
    open: async (page) => {
      await page.getByRole('button', { name: '添加销售' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'team → deactivate',
    route: 'team',
    roles: leadOnly,
    open: async (page) => {
      await page.getByRole('button', { name: '停用' }).first().click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'dashboard', route: 'dashboard', roles: both },
  { name: 'transparency', route: 'transparency', roles: both },
  { name: 'settings', route: 'settings', roles: both },
  {
    name: 'notifications',
    route: 'queue',
    roles: both,
    open: async (page) => {
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('notification-panel').waitFor();
    },
  },
];

describe('the translation scan of every page at 1280×720 on the demo', () => {
  let session: HubSession;
  let page: Page;
  let data: Set<string>;
  let dataText: string;
  let dataWords: Set<string>;
  let repId: string;
  let repName: string;

  /** The workspace's own words, read through the API as the team lead, so the scan leaves them alone. */
  async function learnData(): Promise<void> {
    data = new Set<string>();
    for (let offset = 0; ; offset += 500) {
      const page = await session.callApi<{ total: number; rows: unknown[] }>('leads.list', {
        offset,
        limit: 500,
      });
      collectData(page.rows, data, true);
      if (offset + 500 >= page.total) break;
    }
    collectData(await session.callApi('reps.list', { includeInactive: true }), data, true);
    for (const [name, input] of [
      ['queue.list', {}],
      ['followUps.agenda', {}],
      ['pool.list', {}],
      ['work.settings', {}],
      ['funnel.board', { window: 200 }],
      ['scoring.getModel', {}],
      // The rules' names are the team's own words: a rep reads them as sentences on Rules and Transparency.
      ['distribution.getRules', {}],
    ] as const) {
      collectData(await session.callApi(name, input), data);
    }
    // The assignment history quotes reps' own words (a release's note), over the demo's whole history: up to the
    // team's today (its offset from UTC: from 16:00 UTC, Beijing's today is UTC's tomorrow).
    const { utcOffsetMinutes } = await session.callApi<{ utcOffsetMinutes: number }>('workspace.status', {});
    const day = (msAgo: number) =>
      new Date(Date.now() + utcOffsetMinutes * 60_000 - msAgo).toISOString().slice(0, 10);
    const [from, to] = [day(364 * 86_400_000), day(0)];
    for (let offset = 0; ; offset += 100) {
      const log = await session.callApi<{ total: number; rows: unknown[] }>('distribution.assignments', {
        from,
        to,
        offset,
        limit: 100,
      });
      collectData(log.rows, data);
      if (offset + 100 >= log.total) break;
    }
    // The pools' names are the team's own (the first one is made as 公海).
    collectData(await session.callApi('pool.pools', {}).catch(() => null), data);
    dataText = [...data].join('\n');
    dataWords = latinWordsOf(data);
  }

  async function signPageAs(role: Role, language: Language): Promise<void> {
    await page.goto(`${session.baseUrl}/api/health`);
    const input =
      role === 'lead' ? { as: 'lead', password: LEAD_PASSWORD } : { as: 'rep', repId, pin: DEMO_PIN };
    const signed = await page.evaluate(
      async ([body, lang]) => {
        const post = (name: string, payload: unknown) =>
          fetch(`/api/${name}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(payload),
          }).then((response) => response.json() as Promise<{ ok: boolean }>);
        const answer = await post('session.signIn', body);
        await post('preferences.set', { language: lang });
        localStorage.setItem('fairlead.language', lang);
        return answer.ok;
      },
      [input, language] as const,
    );
    expect(signed).toBe(true);
  }

  /** Scans the page as it is now; returns one line per text that fails the language's rules. */
  async function scan(where: string, language: Language): Promise<string[]> {
    const texts = await readVisibleTexts(page);
    const findings: string[] = [];
    for (const text of new Set(texts)) {
      const problem = language === 'zh-CN' ? judgeChinese(text, dataWords) : judgeEnglish(text, dataText);
      if (problem) findings.push(`${where}: ${problem} in "${text.slice(0, 100)}"`);
    }
    return findings;
  }

  async function walk(role: Role, language: Language): Promise<string[]> {
    await signPageAs(role, language);
    await page.goto(`${session.baseUrl}/#/queue`);
    await page.reload();
    const findings: string[] = [];
    for (const step of STEPS.filter((s) => s.roles.includes(role))) {
      // A dialog left open by the step before closes; a hash change then moves to the step's page.
      await page.keyboard.press('Escape');
      await page.goto(`${session.baseUrl}/#/${step.route}`);
      await waitForSettled(page);
      const where = `${language} ${role} ${step.name}`;
      if (step.open) {
        if (language !== 'zh-CN') continue; // The dialogs are opened by their Chinese names; English pages only.
        try {
          await step.open(page);
        } catch (error) {
          findings.push(`${where}: could not be opened (${String(error).split('\n')[0]})`);
          continue;
        }
        await waitForSettled(page);
      }
      findings.push(...(await scan(where, language)));
      // Pages and dialogs with tabs: every tab once.
      const tabsIn =
        step.tabsIn ?? (!step.open && ['rules', 'import', 'pool'].includes(step.route) ? 'main' : null);
      if (tabsIn) {
        await clickTabs(page, tabsIn, async (label) => {
          findings.push(...(await scan(`${where} [${label}]`, language)));
        });
      }
    }
    return findings;
  }

  beforeAll(async () => {
    session = await startHubSession({ viewport: { width: 1280, height: 720 } });
    page = session.page;
    page.setDefaultTimeout(10_000);
    await session.callApi('workspace.loadDemo', {});
    const reps = await session.callApi<{ id: string; name: string; isActive: boolean }[]>('reps.list', {});
    const rep = reps.find((r) => r.isActive);
    if (!rep) throw new Error('The demo has no active rep.');
    repId = rep.id;
    repName = rep.name;
    await learnData();
  }, 120_000);

  afterAll(async () => {
    await session?.stop();
  });

  it('finds an English word, a raw key and an English duration in the Chinese UI (the gauge can fail)', () => {
    expect(judgeChinese('保存 Save', dataWords)).toMatch(/Save/);
    expect(judgeChinese('work.policy.save', dataWords)).toMatch(/work/);
    expect(judgeChinese('作者：team-lead', dataWords)).toMatch(/team-lead/);
    expect(judgeChinese('105d 14h 后到期', dataWords)).toBe('English duration');
    expect(judgeChinese('12/03/2026', dataWords)).toBe('mm/dd/yyyy date');
    expect(judgeChinese('尚未联系: 40', dataWords)).toBe('half-width colon after Chinese');
    expect(judgeChinese('尚未联系：40', dataWords)).toBeNull();
    expect(judgeChinese('2026-12-05 13:17', dataWords)).toBeNull();
    expect(judgeEnglish('Due 回收', dataText)).toMatch(/回收/);
    // The workspace's own words pass: a rep's name, a demo company typed in English.
    expect(judgeChinese(`负责人：${repName}`, dataWords)).toBeNull();
  });

  it('shows no English, raw key or foreign format on any page or dialog in Chinese, as the team lead', async () => {
    expect(await walk('lead', 'zh-CN')).toEqual([]);
  }, 300_000);

  it('shows no English, raw key or foreign format on any page or dialog in Chinese, as a rep', async () => {
    expect(await walk('rep', 'zh-CN')).toEqual([]);
    // A rep sees no team-lead pages or actions: their own Dashboard, but no Team or Import, and no settings buttons.
    const nav = page.getByRole('navigation').first();
    expect(await nav.getByText('仪表盘').count()).toBe(1);
    expect(await nav.getByText('团队', { exact: true }).count()).toBe(0);
    expect(await nav.getByText('导入', { exact: true }).count()).toBe(0);
    await page.goto(`${session.baseUrl}/#/team`);
    await page.getByTestId('new-lead').waitFor();
    for (const [route, name] of [
      ['funnel', '阶段设置'],
      ['funnel', '跟进时效设置'],
      ['leads', '查重'],
    ] as const) {
      await page.goto(`${session.baseUrl}/#/${route}`);
      await waitForSettled(page);
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    expect(await page.getByTestId('distribute-now').count()).toBe(0);
  }, 300_000);

  it('tells a rep in Chinese why their claim was refused', async () => {
    await signPageAs('rep', 'zh-CN');
    // No push events in this page, so the row stays while another rep claims its lead first.
    await page.routeWebSocket(/\/api\/events/, () => undefined);
    await page.goto(`${session.baseUrl}/#/pool`);
    await page.reload();
    const row = page.getByTestId('pool-row').first();
    await row.waitFor();
    const leadId = await row.getAttribute('data-lead-id');
    const reps = await session.callApi<{ id: string; isActive: boolean }[]>('reps.list', {});
    const other = reps.find((r) => r.isActive && r.id !== repId);
    if (!leadId || !other) throw new Error('The demo has no pool lead or no second rep.');
    await session.callApi('pool.claim', { leadId }, await session.signInRep(other.id, DEMO_PIN));
    await row.getByTestId('claim').click();
    const message = page.getByText('这条线索已被其他销售抢先领取');
    await message.waitFor();
    const texts = await message.allInnerTexts();
    expect(texts.map((text) => judgeChinese(text, dataWords))).toEqual(texts.map(() => null));
    await page.unrouteAll();
  });

  it('shows no Chinese but the workspace’s data on any page in English, as the team lead and as a rep', async () => {
    const findings = [...(await walk('lead', 'en')), ...(await walk('rep', 'en'))];
    expect(findings).toEqual([]);
  }, 300_000);
});
