// The team lead's Dashboard page against a fake service: sections, KPI cards, tables, click-through links, export.
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DashboardPage } from '../../../renderer/src/features/dashboard/DashboardPage';
import { parseLeadsDrill } from '../../../renderer/src/features/dashboard/leads-drill';
import { answers, ROW } from './dashboard-fixtures';
import { createFakeClient, renderWithApp } from './render-app';

// The page is heavy: on a busy machine its first render takes seconds, more than findBy's default second.
configure({ asyncUtilTimeout: 10_000 });

/** A table's body as the text of each row's cells. */
const cellsOf = (table: Element) =>
  [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent),
  );

// Each test renders the whole page; the first pays for loading it: more than vitest's default 5 s when busy.
describe('the Dashboard page', { timeout: 30_000 }, () => {
  it('titles "Now" and "This period" apart, the stage counts under Now', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    const now = (await screen.findByRole('heading', { name: 'Now' }, { timeout: 15_000 })).closest(
      'section',
    )!;
    const period = screen.getByRole('heading', { name: 'This period' }).closest('section')!;
    expect(within(now).getByTestId('dashboard-funnel')).toBeTruthy();
    expect(within(period).queryByTestId('dashboard-funnel')).toBeNull();
    expect(within(period).getByTestId('kpi-row')).toBeTruthy();
    await waitFor(() => expect(within(now).getByText('Qualified by marketing')).toBeTruthy(), {
      timeout: 10_000,
    });
    expect(screen.getByTestId('funnel-stage-raw-value').textContent).toBe('12');
    expect(screen.queryByTestId('funnel-stage-nurture')).toBeNull();
    expect(screen.getByTestId('dashboard-overdue-first-contact-value').textContent).toBe('2');
    // Whole days: a team lead plans in days, not in hundredths of one.
    expect(screen.getByTestId('dashboard-days-to-fill').textContent).toBe('about 17 days');
  });

  it('shows each KPI with its target and the period before', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    expect((await screen.findByTestId('kpi-response-value')).textContent).toBe('20 min');
    expect(screen.getByTestId('kpi-response-previous').textContent).toBe('before: 45 min');
    expect(screen.getByTestId('kpi-response').textContent).toContain('target 5 min');
    // The share within target with the two counts it divides (the fixture's 50% of 8 decided hand-overs).
    expect(screen.getByTestId('kpi-response').textContent).toContain(
      '50% reached within target (4 of 8 hand-overs)',
    );
    expect(screen.getByTestId('kpi-conversion-value').textContent).toBe('15%');
    expect(screen.getByTestId('kpi-conversion-previous').textContent).toBe('before: 10%');
    expect(screen.getByTestId('kpi-loss-value').textContent).toBe('25%');
    expect(screen.getByTestId('kpi-loss').textContent).toContain('off target');
    expect(screen.getByTestId('kpi-satisfaction-value').textContent).toBe('4.5 / 5');
    expect(screen.getByTestId('kpi-satisfaction-count').textContent).toBe('6 answers in 2026-11');
  });

  it('judges each grade’s median response by that grade’s own target, with the mean and p90 beside', async () => {
    // All grades together: a 30-minute median, which the A leads' 5 minutes would call late; the A leads alone were
    // reached in 4 minutes, and the B leads in 10 hours against their 24.
    const figures = (median: number, mean: number, p90: number, within: number, n: number) => ({
      ...ROW.response.current,
      medianMinutes: median,
      meanMinutes: mean,
      p90Minutes: p90,
      withinTarget: { value: within / n, n, low: null, high: null },
    });
    const row = {
      ...ROW,
      response: {
        ...ROW.response,
        current: figures(30, 42, 90, 7, 10),
        byGrade: {
          ...ROW.response.byGrade,
          A: figures(4, 5, 6, 3, 4),
          B: figures(600, 620, 700, 4, 6),
          C: { ...ROW.response.byGrade.C, assigned: 0 },
          D: { ...ROW.response.byGrade.D, assigned: 0 },
          ungraded: { ...ROW.response.byGrade.ungraded, assigned: 0 },
        },
      },
    };
    renderWithApp(<DashboardPage />, createFakeClient({ ...answers(), 'dashboard.kpis': () => row }));
    const card = await screen.findByTestId('kpi-response');
    expect(within(card).getByTestId('kpi-response-value').textContent).toBe('30 min');
    expect(within(card).getByTestId('kpi-response-spread').textContent).toBe(
      'Median 30 min, mean 42 min; 90% reached within 90 min',
    );
    expect(within(card).getByTestId('kpi-response-a').textContent).toBe(
      'A leads: median 4 min, target 5 min on target',
    );
    const grades = within(card).getByTestId('kpi-response-grades');
    expect(cellsOf(grades)).toEqual([
      ['A', '5 min', '4 min', '75%'],
      ['B', '24 h', '10 h', '66.7%'],
    ]);
    expect(grades.querySelector('[data-grade="B"] td:last-child')?.getAttribute('title')).toBe(
      '4 of 6 hand-overs reached within target',
    );
  });

  it('puts each conversion share beside the two counts it divides', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    // 3 won of 20 arrived is the headline's 15%; 2 won of the 4 closed in the period is the 50% beside them.
    const arrivals = await screen.findByTestId('kpi-conversion-arrivals');
    expect(within(arrivals).getByTestId('kpi-arrived').textContent).toBe('20');
    expect(within(arrivals).getByTestId('kpi-won').textContent).toBe('3');
    const closures = screen.getByTestId('kpi-conversion-closures');
    expect(within(closures).getByTestId('kpi-closed').textContent).toBe('4');
    expect(within(closures).getByTestId('kpi-won-closed').textContent).toBe('2');
    expect(closures.textContent).toContain('(50%)');
    // The grade table holds shares only: no row of counts under its share columns.
    const grades = screen.getByTestId('kpi-conversion-grades');
    const rows = within(grades).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-grade'))).toEqual(['A', 'B', 'C', 'D', 'ungraded']);
    expect(
      within(grades)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['', 'Arrived', 'Won of arrived', 'Won of closed']);
    // Each share names the counts it divides on hover: A's 40% is 2 won of 5 arrived, 50% is 2 of 4 closed.
    const [, , ofArrived, ofClosed] = within(rows[0] as HTMLElement).getAllByRole('cell');
    expect([ofArrived?.textContent, ofArrived?.getAttribute('title')]).toEqual(['40%', '2 won of 5']);
    expect([ofClosed?.textContent, ofClosed?.getAttribute('title')]).toEqual(['50%', '2 won of 4']);
  });

  it('says too few to judge instead of raising an alarm over 3 A/B leads', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    const readings = await screen.findByTestId('fairness-readings');
    expect(readings.textContent).toContain('Only 3 A/B leads in this period — too few to judge.');
    expect(readings.textContent).toContain('Only 10 leads in this period — too few to judge.');
    expect(readings.textContent).toContain('too few to judge against their floor of 25%');
    expect(readings.textContent).not.toMatch(/concentrated|went to a few reps/);
  });

  it('reads the balance of each grade apart, "too few" under the sample a verdict needs', async () => {
    const estimate = (value: number, n: number, low: number, high: number) => ({ value, n, low, high });
    const grade = (g: 'A' | 'B', leads: number, gini: number, verdict: 'too_few' | 'uneven') => ({
      group: g,
      leads,
      reps: 4,
      stdDev: estimate(2.5, leads, 2, 3.25),
      gini: estimate(gini, leads, gini - 0.1, gini + 0.05),
      verdict,
    });
    const row = {
      ...ROW,
      balance: {
        ...ROW.balance,
        groups: [...ROW.balance.groups, grade('A', 3, 0.75, 'too_few'), grade('B', 40, 0.5, 'uneven')],
        previous: [...ROW.balance.previous, { group: 'B' as const, leads: 30, stdDev: 2, gini: 0.35 }],
      },
    };
    renderWithApp(<DashboardPage />, createFakeClient({ ...answers(), 'dashboard.kpis': () => row }));
    const table = await screen.findByTestId('kpi-balance-grades');
    expect(cellsOf(table)).toEqual([
      ['A', '3', '0.75', 'too few'],
      ['B', '40', '0.5', 'concentrated'],
    ]);
    expect(table.querySelector('[data-grade="B"]')?.getAttribute('title')).toBe(
      'Gini 0.5 (likely 0.4–0.55); per rep σ 2.5 leads (likely 2–3.25); before: Gini 0.35 (30 leads)',
    );
    // The card's target and the period before, as the other cards give theirs.
    expect(screen.getByTestId('kpi-balance-target').textContent).toBe(
      "target: Gini at most 0.4 (an alarm only when even its interval's low end is above)",
    );
    expect(screen.getByTestId('kpi-balance-previous').textContent).toBe(
      'before: Gini 0.25 for A/B leads (4), 0.3 for all (12)',
    );
  });

  it('draws the balance trend with what a point is, and none when every window had too few', async () => {
    const weekly = {
      ...ROW,
      balance: {
        ...ROW.balance,
        trend: [
          { from: '2026-11-10', to: '2026-11-16', leads: 30, gini: 0.2 },
          { from: '2026-11-17', to: '2026-11-23', leads: 40, gini: 0.3 },
        ],
      },
    };
    const { unmount } = renderWithApp(
      <DashboardPage />,
      createFakeClient({ ...answers(), 'dashboard.kpis': () => weekly }),
    );
    const card = await screen.findByTestId('kpi-balance');
    expect(within(card).getByTestId('kpi-balance-trend')).toBeTruthy();
    expect(card.textContent).toContain("trend: all leads' Gini per week (none for a week under 20 leads)");
    unmount();
    const tooFew = {
      ...ROW,
      balance: { ...ROW.balance, trend: [{ from: '2026-11-23', to: '2026-11-23', leads: 5, gini: null }] },
    };
    renderWithApp(<DashboardPage />, createFakeClient({ ...answers(), 'dashboard.kpis': () => tooFew }));
    const again = await screen.findByTestId('kpi-balance');
    expect(within(again).queryByTestId('kpi-balance-trend')).toBeNull();
    expect(again.textContent).not.toContain('trend:');
  });

  it('never words a new-rep share under its floor as "not below", even when chance could explain it', async () => {
    // 0 of 54 A/B leads against a floor of 4.3 %: the interval (0–6.6 %) reaches the floor, so no alarm, but the
    // demo's Dashboard read "新人拿到 54 条 A/B 线索中的 0%，没有低于保底 4.3%".
    const byChance = {
      ...ROW,
      balance: {
        ...ROW.balance,
        newReps: {
          newReps: 2,
          share: { value: 0, n: 54, low: 0, high: 0.066 },
          floor: 0.043,
          verdict: 'below_floor_by_chance' as const,
        },
      },
    };
    for (const language of ['en', 'zh-CN'] as const) {
      const view = renderWithApp(
        <DashboardPage />,
        createFakeClient({ ...answers(), 'dashboard.kpis': () => byChance }),
        language,
      );
      const readings = (await screen.findByTestId('fairness-readings')).textContent;
      expect(readings).toContain(
        language === 'en'
          ? 'New reps got 0% of 54 A/B leads (likely 0%–6.6%): under their floor of 4.3%, but by no more than chance'
          : '新人拿到 54 条 A/B 线索中的 0%（大致 0%–6.6%），低于保底 4.3%，但差距仍在抽样波动之内',
      );
      expect(readings).not.toMatch(/not below|没有低于/);
      view.unmount();
    }
  });

  it('gives each figure its definition in a tooltip', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()), 'zh-CN');
    const label = await screen.findByTestId('kpi-response-label');
    fireEvent.mouseEnter(label);
    expect((await screen.findByRole('tooltip')).textContent).toContain('只计工作时间');
  });

  it('lists sources with ROI, a free source as having none', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    const table = await screen.findByTestId('dashboard-sources');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.querySelector('[data-column="roi"]')?.textContent).toBe('400%');
    expect(rows[2]?.querySelector('[data-column="roi"]')?.textContent).toBe('no cost');
  });

  it('sorts the rep table by a column, both ways', async () => {
    const { container } = renderWithApp(<DashboardPage />, createFakeClient(answers()));
    await screen.findByTestId('dashboard-reps');
    const order = () =>
      [...container.querySelectorAll('[data-testid="dashboard-reps"] [data-rep-id]')].map((r) =>
        r.getAttribute('data-rep-id'),
      );
    expect(order()).toEqual(['rep_1', 'rep_2']);
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Follow-ups' }));
    expect(order()).toEqual(['rep_2', 'rep_1']);
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Follow-ups' }));
    expect(order()).toEqual(['rep_1', 'rep_2']);
  });

  it('links a count to the Leads page with the card’s own question and the period’s filters', async () => {
    const { container } = renderWithApp(<DashboardPage />, createFakeClient(answers()));
    await screen.findByTestId('dashboard-sources');
    const won = container.querySelector(
      '[data-source="百度推广"] [data-column="won"] a',
    ) as HTMLAnchorElement;
    expect(won.textContent).toBe('2');
    const drill = parseLeadsDrill(won.getAttribute('href') ?? '');
    expect(won.getAttribute('href')?.startsWith('#/leads?')).toBe(true);
    expect(drill?.criteria).toMatchObject({ metric: 'won', channel: { source: '百度推广' } });
    expect(drill?.criteria.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(drill?.label).not.toBe('');
  });

  /** Saves a table as CSV from its Export menu and answers what the page sent the hub. */
  async function exportCsv(testId: string): Promise<{ headers: string[]; rows: unknown[][] }> {
    const client = createFakeClient(answers());
    renderWithApp(<DashboardPage />, client);
    fireEvent.click(await screen.findByTestId(testId));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'CSV' }));
    await waitFor(() => expect(client.calls.some((c) => c.name === 'dashboard.exportTable')).toBe(true));
    return client.calls.find((c) => c.name === 'dashboard.exportTable')?.input as {
      headers: string[];
      rows: unknown[][];
    };
  }

  it('exports a table as shown', async () => {
    const input = await exportCsv('dashboard-sources-export');
    expect(input.headers[0]).toBe('Source');
    expect(input.rows[1]).toContain('no cost');
  });

  it('exports the per-rep shares with the counts they divide, and the leads by grade, as the table shows them', async () => {
    const input = await exportCsv('dashboard-reps-export');
    const cell = (header: string) => input.rows[0]?.[input.headers.indexOf(header)];
    // 1 of the 2 hand-overs whose outcome is known reached in time; 1 won of 1 closed.
    expect(cell('Within target')).toBe('50% (1/2)');
    expect(cell('Won / closed')).toBe('100% (1/1)');
    // The rep's leads were all C leads: the total and each grade, and no column for ungraded leads when none came.
    expect(cell('Leads received')).toBe(cell('Grade C leads received'));
    expect(cell('Grade A leads received')).toBe(0);
    expect(input.headers).not.toContain('Ungraded leads received');
  });

  it('heads the leads received by grade under "Leads received", each sortable', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    const table = await screen.findByTestId('dashboard-reps');
    expect(within(table).getByRole('columnheader', { name: 'Leads received' }).getAttribute('colspan')).toBe(
      '5',
    );
    for (const name of ['Leads received · All', 'Grade A leads received', 'Grade D leads received'])
      expect(within(table).getByRole('button', { name: `Sort by ${name}` })).toBeTruthy();
  });

  it('compares the scores with the learned model only when asked', async () => {
    const client = createFakeClient(answers());
    renderWithApp(<DashboardPage />, client);
    const card = await screen.findByTestId('dashboard-calibration');
    expect(client.calls.map((c) => c.name)).not.toContain('dashboard.calibration');
    fireEvent.click(within(card).getByRole('button', { name: 'Compare with the model' }));
    const row = await within(card).findByText('80–100');
    expect(row.closest('tr')?.textContent).toBe('A80–100450%62%');
  });

  it('speaks Chinese', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()), 'zh-CN');
    expect(await screen.findByRole('heading', { name: '现在' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '本期' })).toBeTruthy();
    expect(screen.getByText('首次联系已超时')).toBeTruthy();
    const readings = await screen.findByTestId('fairness-readings');
    expect(readings.textContent).toContain('本期只分出 3 条 A/B 线索，样本太少，暂不评判');
    expect(readings.textContent).toContain('本期只分出 10 条线索，样本太少，暂不评判');
    // Shares in Chinese text take full-width parentheses.
    expect(screen.getByTestId('kpi-conversion-closures').textContent).toContain('（50%）');
    expect(screen.getByTestId('kpi-loss').textContent).toContain('（10%）');
  });

  it('prints the period and filters on the report, and names the PDF by them', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      titleWhilePrinting = document.title;
    });
    let titleWhilePrinting = '';
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    const period = await screen.findByTestId('dashboard-print-period', {}, { timeout: 10_000 });
    const range = screen.getByTestId('dashboard-range').textContent ?? '';
    expect(range).not.toBe('');
    expect(range.startsWith(period.textContent?.split(' · ')[0] ?? '?')).toBe(true);
    expect(period.textContent).toContain('all reps, all sources');
    fireEvent.click(screen.getByTestId('dashboard-print'));
    expect(print).toHaveBeenCalledTimes(1);
    expect(titleWhilePrinting).toContain(period.textContent ?? '?');
    print.mockRestore();
  });

  it('edits the targets and saves them whole', async () => {
    const client = createFakeClient(answers());
    renderWithApp(<DashboardPage />, client);
    fireEvent.click(await screen.findByTestId('dashboard-targets', {}, { timeout: 10_000 }));
    const form = await screen.findByTestId('targets-form');
    fireEvent.change(within(form).getByLabelText('Conversion at least'), { target: { value: '20' } });
    fireEvent.change(within(form).getByLabelText('Response time target for A leads (minutes)'), {
      target: { value: '10' },
    });
    fireEvent.click(within(form).getByTestId('targets-save'));
    await waitFor(() => expect(client.calls.some((c) => c.name === 'dashboard.saveTargets')).toBe(true));
    const saved = client.calls.find((c) => c.name === 'dashboard.saveTargets')?.input as {
      targets: { conversion: number; responseMinutes: { A: number; B: number } };
    };
    expect(saved.targets.conversion).toBeCloseTo(0.2, 9);
    expect(saved.targets.responseMinutes.A).toBe(10);
    expect(saved.targets.responseMinutes.B).toBe(ROW.targets.responseMinutes.B);
  });

  it('shows the pulse’s answers and comments, a name only where the rep signed', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    const comments = await screen.findAllByTestId('dashboard-pulse-comment', {}, { timeout: 10_000 });
    expect(comments.map((c) => c.textContent)).toEqual(['2A 类线索总给老人anonymous', '5很公平王芳']);
    expect(screen.getByTestId('dashboard-pulse-summary').textContent).toContain('from 2 answers');
  });
});
