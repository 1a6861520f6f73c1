// On the demo workspace, through the real service: every count on the Dashboard that can be clicked is a link to
// the Leads page, and the Leads page lists exactly as many leads as the count said.
import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import type { AppClient } from '../../../core/api/transport/app-client';
import { DashboardPage } from '../../../renderer/src/features/dashboard/DashboardPage';
import { parseLeadsDrill } from '../../../renderer/src/features/dashboard/leads-drill';
import { LeadsPage } from '../../../renderer/src/features/leads/LeadsPage';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { renderWithApp } from './render-app';

describe('Dashboard click-through on the demo workspace', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let client: AppClient;
  let links: { href: string; count: number; name: string }[] = [];

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
    for (const link of links) {
      expect(link.href.startsWith('#/leads?'), link.href).toBe(true);
      const drill = parseLeadsDrill(link.href);
      expect(drill, link.href).not.toBeNull();
      const list = await client.call('leads.list', { drill: drill?.criteria, limit: 1 });
      expect(list.total, `${drill?.label} ${JSON.stringify(drill?.criteria)}`).toBe(link.count);
    }
  }, 120_000);

  it('opens the Leads page on a count, says which, and shows its number of leads', async () => {
    const link = links.find((l) => parseLeadsDrill(l.href)?.criteria.metric === 'closed');
    expect(link).toBeDefined();
    window.location.hash = (link?.href ?? '').slice(1);
    renderWithApp(<LeadsPage />, client, 'zh-CN');
    const banner = await screen.findByTestId('leads-drill', {}, { timeout: 20_000 });
    expect(banner.textContent).toContain(parseLeadsDrill(link?.href ?? '')?.label ?? '?');
    await waitFor(
      () =>
        expect(screen.getByTestId('lead-count').textContent).toContain(
          (link?.count ?? -1).toLocaleString('zh-CN'),
        ),
      { timeout: 20_000 },
    );
  }, 60_000);
});
