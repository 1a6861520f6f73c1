// axe-core (WCAG 2.0/2.1 A and AA) over every page and main dialog, as the team lead and as a rep, in both
// languages: shared by the a11y e2e test and `npm run bench -- a11y`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { signPageInAsRep, type HubSession } from './hub-harness';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const DEMO_PIN = '246810';
const LANGUAGES = ['zh-CN', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

/** One serious or critical violation: the rule, where (page or dialog, role, language), and a few of its nodes. */
export interface Finding {
  readonly where: string;
  readonly rule: string;
  readonly impact: string;
  readonly count: number;
  readonly targets: readonly string[];
}

interface AxeResult {
  readonly violations: readonly {
    id: string;
    impact: string | null;
    nodes: readonly { target: readonly unknown[] }[];
  }[];
}

/**
 * Runs axe on the page as it is now (or only on the elements matching `within`) once its transitions have ended
 * (a fading popup has no contrast to speak of), and returns its serious and critical violations.
 */
export async function scanNow(page: Page, where: string, within?: string): Promise<Finding[]> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') would refuse an inline script tag.
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (selector) =>
      (
        window as unknown as {
          axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> };
        }
      ).axe.run(selector === null ? document : { include: [selector] }, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }) as Promise<unknown>,
    within ?? null,
  );
  return (result as AxeResult).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      where,
      rule: v.id,
      impact: v.impact ?? '',
      count: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
}

/**
 * Waits until the page has its heading, reloading once if it has none after 30 s (on a shared machine the renderer
 * build may be replaced under a running page); a page with none after that fails naming itself. Then a while for
 * its loaders and skeletons to go (a background refetch may keep a small one turning).
 */
async function settle(page: Page, where: string): Promise<void> {
  const heading = page.locator('main h2, main h1, main [role="heading"]').first();
  try {
    await heading.waitFor({ timeout: 30_000 });
  } catch {
    await page.reload();
    try {
      await heading.waitFor({ timeout: 30_000 });
    } catch (error) {
      throw new Error(`${where} did not finish loading`, { cause: error });
    }
  }
  await page
    .waitForFunction(
      () => document.querySelectorAll('main .mantine-Loader-root, main .mantine-Skeleton-root').length === 0,
      null,
      { timeout: 20_000 },
    )
    .catch(() => undefined);
}

/** A main dialog: how to open it from a page, and how to know it is open. */
interface DialogStep {
  readonly name: string;
  readonly page: string;
  readonly roles: readonly ('lead' | 'rep')[];
  open(page: Page): Promise<void>;
}

/** Where an open dialog, drawer, menu or popover panel lives. */
const POPUPS = '[role="dialog"], [role="menu"]';

const DIALOGS: readonly DialogStep[] = [
  {
    name: 'lead drawer',
    page: 'leads',
    roles: ['lead', 'rep'],
    async open(page) {
      const row = page.locator('[data-lead-id]').first();
      await row.waitFor();
      await row.click();
      await page.getByRole('dialog').first().waitFor();
    },
  },
  {
    name: 'new lead form',
    page: 'leads',
    roles: ['lead'],
    async open(page) {
      await page.getByTestId('new-lead').click();
      await page.getByRole('dialog').first().waitFor();
    },
  },
  {
    name: 'notification panel',
    page: 'queue',
    roles: ['lead', 'rep'],
    async open(page) {
      await page.getByTestId('notification-bell').click();
      await page.getByRole('dialog').first().waitFor();
    },
  },
  {
    name: 'actor menu',
    page: 'queue',
    roles: ['lead', 'rep'],
    async open(page) {
      await page.getByTestId('actor-menu').click();
      await page.getByRole('menu').first().waitFor();
    },
  },
  {
    name: 'follow-up form',
    page: 'queue',
    roles: ['rep'],
    async open(page) {
      const row = page.getByTestId('queue-row').first();
      await row.waitFor();
      await row.focus();
      await page.keyboard.press('f');
      await page.getByTestId('follow-up-form').waitFor();
    },
  },
  {
    name: 'pool lead drawer',
    page: 'pool',
    roles: ['rep'],
    async open(page) {
      const name = page.getByTestId('pool-table').getByTestId('lead-name').first();
      await name.waitFor();
      await name.click();
      await page.getByRole('dialog').first().waitFor();
    },
  },
  {
    name: 'kanban move menu',
    page: 'funnel',
    roles: ['rep'],
    async open(page) {
      const card = page.getByTestId('lead-card').first();
      await card.waitFor();
      await card.getByTestId('move-to').click();
      await page.getByRole('menu').first().waitFor();
    },
  },
];

/** Every page the signed-in person's navigation offers (so a page added to the app is scanned without a word here). */
async function navigationPages(session: HubSession, page: Page): Promise<string[]> {
  await page.goto(`${session.baseUrl}/#/leads`);
  const links = page.locator('nav a[href^="#/"]');
  await links.first().waitFor();
  return (await links.evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''))).map((href) =>
    href.replace(/^#\//, ''),
  );
}

async function setLanguage(session: HubSession, page: Page, language: Language): Promise<void> {
  await session.callApi('preferences.set', { language });
  await page.evaluate((lang) => window.localStorage.setItem('fairlead.language', lang), language);
}

/** Signs the page in as the first active demo rep with a PIN (a fetch, so the hub sets the page's cookie). */
export async function signPageInAsDemoRep(
  session: HubSession,
  page: Page,
): Promise<{ id: string; name: string }> {
  const reps = await session.callApi<{ id: string; name: string; isActive: boolean; hasPin?: boolean }[]>(
    'reps.list',
    {},
  );
  const rep = reps.find((r) => r.isActive) ?? reps[0];
  if (!rep) throw new Error('The demo has no rep to sign in as');
  await signPageInAsRep(page, session.baseUrl, rep.id, DEMO_PIN);
  return rep;
}

/**
 * Scans every page and main dialog for `role` in both languages on a demo hub whose page is signed in as that role.
 * `onlyPages` narrows the run (for a quick look while fixing).
 */
export async function scanAll(
  session: HubSession,
  role: 'lead' | 'rep',
  options: { languages?: readonly Language[]; onlyPages?: readonly string[]; withDialogs?: boolean } = {},
): Promise<Finding[]> {
  const page = session.page;
  const findings: Finding[] = [];
  const pages = (await navigationPages(session, page)).filter(
    (p) => !options.onlyPages || options.onlyPages.includes(p),
  );
  // The gauge must see the pages it is meant to: the team lead's include the lead-only ones, a rep's do not.
  const expected = role === 'lead' ? ['leads', 'funnel', 'team', 'import'] : ['queue', 'funnel', 'pool'];
  if (!options.onlyPages && !expected.every((p) => pages.includes(p))) {
    throw new Error(
      `The ${role}'s navigation lists ${pages.join(', ')}: expected at least ${expected.join(', ')}`,
    );
  }
  for (const language of options.languages ?? LANGUAGES) {
    await setLanguage(session, page, language);
    for (const name of pages) {
      await page.goto(`${session.baseUrl}/#/${name}`);
      await page.reload();
      await settle(page, `${role} ${language} ${name}`);
      findings.push(...(await scanNow(page, `${role} ${language} ${name}`)));
      const dialogs = options.withDialogs === false ? [] : DIALOGS;
      for (const dialog of dialogs.filter((d) => d.page === name && d.roles.includes(role))) {
        await dialog.open(page);
        // The page behind was scanned just before: only the popup now.
        findings.push(...(await scanNow(page, `${role} ${language} ${name} › ${dialog.name}`, POPUPS)));
        await page.keyboard.press('Escape');
        await page
          .getByRole('dialog')
          .waitFor({ state: 'detached', timeout: 5000 })
          .catch(() => undefined);
        await page
          .getByRole('menu')
          .waitFor({ state: 'detached', timeout: 5000 })
          .catch(() => undefined);
      }
    }
  }
  return findings;
}

/** Total violating nodes across findings. */
export function countNodes(findings: readonly Finding[]): number {
  return findings.reduce((sum, f) => sum + f.count, 0);
}
