// A rep's own Dashboard on the demo workspace, through the real service as that rep: each count is a link — the
// leads they won and closed to the Leads page, the leads handed to them by grade and those reached in time to those
// rows of the assignment history — and what the link opens holds exactly as many as the count said.
import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import type { AppClient } from '../../../core/api/transport/app-client';
import { parseLeadsDrill } from '../../../renderer/src/features/dashboard/leads-drill';
import { RepDashboard } from '../../../renderer/src/features/dashboard/RepDashboard';
import { AssignmentLog } from '../../../renderer/src/features/transparency/AssignmentLog';
import { filtersOfLink, logInput } from '../../../renderer/src/features/transparency/AssignmentLogFilters';
import { parseAssignmentLogLink } from '../../../renderer/src/features/transparency/log-link';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { renderWithApp } from './render-app';

interface Link {
  readonly href: string;
  readonly count: number;
}

describe("a rep's Dashboard click-through on the demo workspace", () => {
  const tempDir = useTempDir();
  let t: TestService;
  const linksByRep = new Map<string, { client: AppClient; drills: Link[]; logs: Link[] }>();

  beforeAll(async () => {
    t = createTestService(tempDir());
    await t.client.call('workspace.loadDemo', {});
    // The page asks for "the last 30 days" by the browser's clock: the service's.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t.clock.now);
    const reps = (await t.client.call('reps.list', {})).filter((rep) => rep.isActive).slice(0, 3);
    for (const rep of reps) {
      const inProcess = createInProcessClient(t.service, { as: { role: 'rep', repId: rep.id } });
      const client: AppClient = {
        call: (name, input) => inProcess.call(name, input),
        subscribe: () => () => undefined,
      };
      const view = renderWithApp(<RepDashboard />, client, 'zh-CN');
      await screen.findByTestId('mine-mix', {}, { timeout: 20_000 });
      // The links come once the page knows who is signed in (workspace.status).
      await waitFor(() => expect(document.querySelector('a[data-log-link]')).not.toBeNull(), {
        timeout: 20_000,
      });
      const read = (selector: string) =>
        [...document.querySelectorAll<HTMLAnchorElement>(selector)].map((link) => ({
          href: link.getAttribute('href') ?? '',
          count: Number(link.getAttribute('data-count')),
        }));
      linksByRep.set(rep.id, { client, drills: read('a[data-drill-link]'), logs: read('a[data-log-link]') });
      view.unmount();
    }
  }, 120_000);
  afterAll(() => {
    vi.useRealTimers();
    window.location.hash = '';
    t.close();
  });

  it('links the won and closed counts to the Leads page, which lists as many of the rep’s leads', async () => {
    let checked = 0;
    for (const [repId, { client, drills }] of linksByRep) {
      for (const link of drills) {
        const drill = parseLeadsDrill(link.href);
        expect(drill?.criteria.repId, link.href).toBe(repId);
        const list = await client.call('leads.list', { drill: drill?.criteria, limit: 1 });
        expect(list.total, link.href).toBe(link.count);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });

  it('links its counts of hand-overs (by grade, reached in time) to the history, which holds as many', async () => {
    let checked = 0;
    const outcomes = new Set<string>();
    for (const [repId, { client, logs }] of linksByRep) {
      for (const link of logs) {
        const log = parseAssignmentLogLink(link.href);
        expect(log?.repId, link.href).toBe(repId);
        if (!log) continue;
        // The call the page makes when the link opens it.
        const rows = await client.call(
          'distribution.assignments',
          logInput({ kind: 'custom', from: log.from, to: log.to }, filtersOfLink(log), 1, 1),
        );
        expect(rows.total, link.href).toBe(link.count);
        if (log.response) outcomes.add(log.response);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(3);
    expect([...outcomes].sort()).toEqual(['decided', 'within']);
  });

  it('refuses a rep the response outcomes of another rep’s hand-overs', async () => {
    const [[, mine] = [], [otherRepId] = []] = [...linksByRep];
    if (!mine || !otherRepId) throw new Error('two reps were read');
    const period = { from: '2026-01-01', to: '2026-01-31' };
    await expect(
      mine.client.call('distribution.assignments', { ...period, repId: otherRepId, response: 'within' }),
    ).rejects.toMatchObject({ reason: 'distribution.responseOfOthers' });
    await expect(
      mine.client.call('distribution.assignments', { ...period, response: 'within' }),
    ).rejects.toMatchObject({ reason: 'distribution.responseOfOthers' });
  });

  it('opens the history on the link’s rep, grade and period', async () => {
    const first = [...linksByRep.values()][0];
    const client = first?.client;
    const link = first?.logs[0];
    const log = parseAssignmentLogLink(link?.href ?? '');
    if (!client || !link || !log) throw new Error('no link to the history');
    window.location.hash = link.href.slice(1);
    renderWithApp(<AssignmentLog />, client, 'zh-CN');
    const total = await screen.findByTestId('assignment-log-total', {}, { timeout: 20_000 });
    await waitFor(() => expect(total.textContent).toBe(`${log.from} 至 ${log.to}：共 ${link.count} 条`), {
      timeout: 20_000,
    });
  }, 60_000);
});
