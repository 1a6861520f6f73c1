// On the demo workspace, through the real service: every count on the Dashboard that can be clicked is a link to
// the Leads page, and the Leads page lists exactly as many leads as the count said; a count of hand-overs (the
// response card's) opens as many rows of the assignment history.
import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import type { AppClient } from '../../../core/api/transport/app-client';
import { DashboardPage } from '../../../renderer/src/features/dashboard/DashboardPage';
import { parseLeadsDrill } from '../../../renderer/src/features/dashboard/leads-drill';
import { LeadsPage } from '../../../renderer/src/features/leads/LeadsPage';
import { AssignmentLog } from '../../../renderer/src/features/transparency/AssignmentLog';
import { filtersOfLink, logInput } from '../../../renderer/src/features/transparency/AssignmentLogFilters';
import { parseAssignmentLogLink } from '../../../renderer/src/features/transparency/log-link';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { renderWithApp } from './render-app';

describe('Dashboard click-through on the demo workspace', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let client: AppClient;
  let links: { href: string; count: number; name: string }[] = [];
  let logLinks: { href: string; count: number; testId: string }[] = [];

  beforeAll(async () => {
    t = createTestService(tempDir());
    await t.client.call('workspace.loadDemo', {});
    // The page asks for "the last 30 days" by the browser's clock: the service's.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t.clock.now);
    const inProcess = createInProcessClient(t.service, { as: { role: 'lead' } });
    client = { call: (name, input) => inProcess.call(name, input), subscribe: () => () => undefined };
    const view = renderWithApp(<DashboardPage />, client, 'zh-CN');
    await screen.findByTestId('kpi-row', {}, { timeout: 20_000 });
    await screen.findByTestId('dashboard-capacity', {}, { timeout: 20_000 });
    links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-drill-link]')].map((link) => ({
      href: link.getAttribute('href') ?? '',
      count: Number(link.getAttribute('data-count')),
      name: link.getAttribute('title') ?? '',
    }));
    logLinks = [...document.querySelectorAll<HTMLAnchorElement>('a[data-log-link]')].map((link) => ({
      href: link.getAttribute('href') ?? '',
      count: Number(link.getAttribute('data-count')),
      testId: link.getAttribute('data-testid') ?? '',
    }));
    view.unmount();
  }, 120_000);
  afterAll(() => {
    vi.useRealTimers();
    window.location.hash = '';
    t.close();
  });

  it('makes every count a link to the Leads page, which lists as many leads as the count said', async () => {
    // Stages now, not contacted, arrivals by grade and in all, won, closed, the loss parts, sources, reps.
    expect(links.length).toBeGreaterThan(20);
    // Among them the funnel table's stages reached and the capacity table's open loads.
    const metrics = new Set(links.map((link) => parseLeadsDrill(link.href)?.criteria.metric));
    expect(metrics).toContain('reached');
    expect(metrics).toContain('open_load');
    // And each rep's leads received of each grade.
    const grades = links
      .map((link) => parseLeadsDrill(link.href)?.criteria)
      .filter((criteria) => criteria?.metric === 'handed_over' && criteria.repId !== undefined)
      .map((criteria) => criteria?.grade);
    expect(new Set(grades)).toEqual(new Set([undefined, 'A', 'B', 'C', 'D']));
    for (const link of links) {
      expect(link.href.startsWith('#/leads?'), link.href).toBe(true);
      const drill = parseLeadsDrill(link.href);
      expect(drill, link.href).not.toBeNull();
      const list = await client.call('leads.list', { drill: drill?.criteria, limit: 1 });
      expect(list.total, `${drill?.label} ${JSON.stringify(drill?.criteria)}`).toBe(link.count);
    }
  }, 120_000);

  it('links the counts of hand-overs (the response card’s, each rep’s) to the history, which holds as many rows', async () => {
    // The card's: reached within target, and the hand-overs whose outcome is known — the two sides of its share.
    const card = logLinks.filter((link) => link.testId.startsWith('kpi-response-'));
    expect(card.map((link) => link.testId).sort()).toEqual(['kpi-response-hits', 'kpi-response-n']);
    // The per-rep table's: two for each rep with a known outcome.
    const perRep = logLinks.filter((link) => parseAssignmentLogLink(link.href)?.repId != null);
    expect(perRep.length).toBeGreaterThan(6);
    const totals = new Map<string, number>();
    for (const link of logLinks) {
      const log = parseAssignmentLogLink(link.href);
      expect(log, link.href).not.toBeNull();
      if (!log) continue;
      // The call the page makes when the link opens it.
      const rows = await client.call(
        'distribution.assignments',
        logInput({ kind: 'custom', from: log.from, to: log.to }, filtersOfLink(log), 1, 1),
      );
      expect(rows.total, link.href).toBe(link.count);
      if (log.repId === null) totals.set(log.response ?? '', rows.total);
    }
    // What is not within target of those known is what missed it: the third outcome the log's filter offers.
    const { from, to } = parseAssignmentLogLink(card[0]?.href ?? '') ?? {};
    const missed = await client.call('distribution.assignments', { from, to, response: 'missed', limit: 1 });
    expect(missed.total).toBe((totals.get('decided') ?? 0) - (totals.get('within') ?? 0));
    expect(missed.total).toBeGreaterThan(0);
  }, 60_000);

  it('opens the history on the hand-overs reached in time, each with its first contact against its target', async () => {
    const link = logLinks.find((l) => l.testId === 'kpi-response-hits');
    if (!link) throw new Error('no link to the hand-overs reached in time');
    window.location.hash = link.href.slice(1);
    const view = renderWithApp(<AssignmentLog />, client, 'zh-CN');
    const log = parseAssignmentLogLink(link.href);
    const total = await screen.findByTestId('assignment-log-total', {}, { timeout: 20_000 });
    await waitFor(() => expect(total.textContent).toBe(`${log?.from} 至 ${log?.to}：共 ${link.count} 条`), {
      timeout: 20_000,
    });
    expect(screen.getByRole('columnheader', { name: '首次联系' })).toBeTruthy();
    const cells = screen.getAllByTestId('assignment-log-response-cell');
    expect(cells.length).toBe(Math.min(link.count, 25));
    // "12 分钟" above "目标 30 分钟": the first contact, then the target it met.
    expect(cells[0]?.textContent).toMatch(/^[\d.]+ (分钟|小时)目标 [\d.]+ (分钟|小时)$/);
    view.unmount();
  }, 60_000);

  it('opens the Leads page on a count, says which, and shows its number of leads', async () => {
    const link = links.find((l) => parseLeadsDrill(l.href)?.criteria.metric === 'closed');
    expect(link).toBeDefined();
    window.location.hash = (link?.href ?? '').slice(1);
    renderWithApp(<LeadsPage />, client, 'zh-CN');
    const banner = await screen.findByTestId('leads-drill', {}, { timeout: 20_000 });
    const drill = parseLeadsDrill(link?.href ?? '');
    expect(banner.textContent).toContain(drill?.label ?? '?');
    // A count of the period says its period.
    expect(banner.textContent).toContain(`（${drill?.criteria.from} 至 ${drill?.criteria.to}）`);
    await waitFor(
      () =>
        expect(screen.getByTestId('lead-count').textContent).toContain(
          (link?.count ?? -1).toLocaleString('zh-CN'),
        ),
      { timeout: 20_000 },
    );
  }, 60_000);

  it('says a count of "Now" is the leads as they are, not the period’s', async () => {
    const link = links.find((l) => parseLeadsDrill(l.href)?.criteria.metric === 'open_load');
    if (!link) throw new Error('no open-load link');
    window.location.hash = link.href.slice(1);
    renderWithApp(<LeadsPage />, client, 'zh-CN');
    const banner = await screen.findByTestId('leads-drill', {}, { timeout: 20_000 });
    const drill = parseLeadsDrill(link.href);
    expect(banner.textContent).toContain(`来自仪表盘：${drill?.label}（此刻）`);
    expect(banner.textContent).not.toContain(drill?.criteria.from ?? '?');
  }, 60_000);
});
