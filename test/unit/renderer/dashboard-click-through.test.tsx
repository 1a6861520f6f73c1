// On the demo workspace, through the real service: every count on the Dashboard that can be clicked opens a table
// of exactly that many leads.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import type { AppClient } from '../../../core/api/transport/app-client';
import { DashboardPage } from '../../../renderer/src/features/dashboard/DashboardPage';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { renderWithApp } from './render-app';

describe('Dashboard click-through on the demo workspace', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let client: AppClient;

  beforeAll(async () => {
    t = createTestService(tempDir());
    await t.client.call('workspace.loadDemo', {});
    // The page asks for "the last 30 days" by the browser's clock: the service's.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t.clock.now);
    const inProcess = createInProcessClient(t.service, { as: { role: 'lead' } });
    client = { call: (name, input) => inProcess.call(name, input), subscribe: () => () => undefined };
  }, 120_000);
  afterAll(() => {
    vi.useRealTimers();
    t.close();
  });

  it('opens as many leads as each count says', async () => {
    renderWithApp(<DashboardPage />, client, 'zh-CN');
    await screen.findByTestId('kpi-row', {}, { timeout: 20_000 });
    await screen.findByTestId('dashboard-capacity', {}, { timeout: 20_000 });
    const links = [...document.querySelectorAll<HTMLElement>('button[data-count]')];
    // Stages now, not contacted, arrivals by grade and in all, won, closed, the loss parts, sources, reps.
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) {
      const expected = Number(link.getAttribute('data-count'));
      fireEvent.click(link);
      const table = await screen.findByTestId('drill-table', {}, { timeout: 10_000 });
      await waitFor(() =>
        expect(Number(table.getAttribute('data-total')), link.getAttribute('aria-label') ?? '').toBe(
          expected,
        ),
      );
      expect(within(table).getAllByRole('row').length - 1).toBe(Math.min(expected, 100));
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
      await waitFor(() => expect(screen.queryByTestId('drill-table')).toBeNull());
    }
  }, 120_000);
});
