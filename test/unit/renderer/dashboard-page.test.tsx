import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Actor, CallOutput } from '../../../core/api/contract';
import type { DashboardSummary } from '../../../core/api/dashboard/calls';
import { DEFAULT_FUNNEL_SETTINGS } from '../../../core/api/sla/settings';
import { DEFAULT_SLA_POLICY } from '../../../core/domain/sla/sla-policy';
import dashboardEn from '../../../renderer/src/features/dashboard/i18n.en.json';
import dashboardZh from '../../../renderer/src/features/dashboard/i18n.zh-CN.json';
import { DashboardPage } from '../../../renderer/src/features/dashboard/DashboardPage';
import { blankLead } from '../../helpers/blank-lead';
import { createFakeClient, renderWithApp, type FakeAnswers } from './render-app';

type KpiRow = CallOutput<'dashboard.kpis'>;
type Lead = CallOutput<'dashboard.leads'>['rows'][number];

const SUMMARY: DashboardSummary = {
  from: '2026-10-25',
  to: '2026-11-23',
  stageCounts: { raw: 12, mql: 7, sql: 4, won: 3, lost: 2, nurture: 5 },
  newLeads: 21,
  won: 3,
  lost: 1,
  wonAmountFen: 1_234_500,
  conversionRate: 0.75,
  overdueFirstContact: 2,
  overdueFollowUp: 6,
  recycled: 4,
  reps: [],
  newLeadsByDay: [],
};

const est = (value: number | null, n: number) => ({ value, n, low: value, high: value });
const response = (median: number | null) => ({
  assigned: 10,
  contacted: 8,
  notContacted: 2,
  medianMinutes: median,
  meanMinutes: median,
  p90Minutes: median,
  withinTarget: est(0.5, 8),
  histogram: [],
});
const conversion = (won: number, arrived: number) => ({
  arrived,
  wonOfArrived: est(arrived === 0 ? null : won / arrived, arrived),
  closed: 4,
  wonOfClosed: est(0.5, 4),
});
const loss = {
  arrived: 20,
  lost: est(0.1, 20),
  recycled: est(0.05, 20),
  neverContacted: est(0.15, 20),
  any: est(0.25, 20),
};
const group = (g: 'all' | 'ab', leads: number) => ({
  group: g,
  leads,
  reps: 2,
  stdDev: est(1, leads),
  gini: est(0.5, leads),
  verdict: 'too_few' as const,
});
const rep = (repId: string, name: string, leads: number, followUps: number) => ({
  repId,
  name,
  tier: 'mid' as const,
  leadsByGrade: { A: 0, B: 0, C: leads, D: 0, ungraded: 0 },
  leads,
  openLoad: 3,
  cap: null,
  responseMedianMinutes: 12,
  withinTarget: est(0.5, 2),
  followUps,
  closed: 1,
  won: 1,
  conversion: 1,
  revenueFen: 100_000,
});

const ROW: KpiRow = {
  period: { from: '2026-10-25', to: '2026-11-23', days: 30 },
  previous: { from: '2026-09-25', to: '2026-10-24' },
  seriesDates: ['2026-11-22', '2026-11-23'],
  targets: {
    responseMinutes: { A: 5, B: 1440, C: 1440, D: 1440, ungraded: 1440 },
    conversion: 0.15,
    lossRate: 0.1,
    satisfaction: 4,
    balance: { minSample: 20, giniAlarm: 0.4, newRepFloorFraction: 0.5 },
  },
  response: {
    current: response(20),
    previous: response(45),
    byGrade: {
      A: response(20),
      B: response(null),
      C: response(null),
      D: response(null),
      ungraded: response(null),
    },
    series: [10, 30],
    notContactedLeads: 2,
  },
  conversion: {
    current: conversion(3, 20),
    previous: conversion(1, 10),
    byGrade: {
      A: conversion(2, 5),
      B: conversion(1, 15),
      C: conversion(0, 0),
      D: conversion(0, 0),
      ungraded: conversion(0, 0),
    },
    calibration: [],
    series: [0.1, 0.2],
  },
  loss: { current: loss, previous: loss, series: [0.2, 0.3] },
  balance: {
    groups: [group('all', 10), group('ab', 3)],
    newReps: { newReps: 1, share: est(2 / 3, 3), floor: 0.25, verdict: 'too_few' },
  },
  satisfaction: {
    latest: { month: '2026-11', value: 4.5, n: 6, low: 4, high: 5 },
    trend: [
      { month: '2026-10', count: 4, average: 3.5 },
      { month: '2026-11', count: 6, average: 4.5 },
    ],
    change: 1,
  },
  arrivalsSeries: [8, 12],
  channels: [
    {
      source: '百度推广',
      leads: 12,
      costFen: 120_000,
      won: 2,
      revenueFen: 600_000,
      costPerLeadFen: 10_000,
      conversion: est(2 / 12, 12),
      roi: 4,
      roiKind: 'ratio',
    },
    {
      source: '转介绍',
      leads: 8,
      costFen: 0,
      won: 1,
      revenueFen: 300_000,
      costPerLeadFen: 0,
      conversion: est(1 / 8, 8),
      roi: null,
      roiKind: 'no_cost',
    },
  ],
  funnel: [
    { stage: 'raw', reached: 20, toNext: 0.5, averageDays: 1.5, completedStays: 10 },
    { stage: 'mql', reached: 10, toNext: 0.4, averageDays: null, completedStays: 0 },
    { stage: 'sql', reached: 4, toNext: 0.5, averageDays: null, completedStays: 0 },
    { stage: 'opportunity', reached: 2, toNext: 0.5, averageDays: null, completedStays: 0 },
    { stage: 'won', reached: 1, toNext: null, averageDays: null, completedStays: 0 },
  ],
  reps: [rep('rep_1', '王芳', 7, 3), rep('rep_2', '李强', 4, 9)],
};

const NOW: CallOutput<'dashboard.now'> = {
  openByStage: { raw: 12, mql: 7, sql: 4, nurture: 5 },
  capacity: {
    reps: [],
    tiers: [{ tier: 'mid', reps: 2, openLoad: 6, cap: 40, uncappedReps: 0 }],
    inflowPerDay: 2,
    freeRoom: 34,
    daysToFill: 17,
  },
};

function leadRow(i: number): Lead {
  return blankLead(`lead_${i}`, {
    name: `客户${i}`,
    source: '百度推广',
    createdAt: Date.UTC(2026, 10, 20),
  }) as Lead;
}

function answers(actor: Actor = { role: 'lead' }): FakeAnswers {
  return {
    'workspace.status': () => ({
      isEmpty: false,
      hasLeadPassword: true,
      leadCount: 30,
      repCount: 2,
      schemaVersion: 11,
      appVersion: '0.1.0',
      actor,
    }),
    'work.settings': () => ({
      funnel: {
        ...DEFAULT_FUNNEL_SETTINGS,
        stages: DEFAULT_FUNNEL_SETTINGS.stages.map((stage) =>
          stage.key === 'nurture'
            ? { ...stage, hidden: true }
            : stage.key === 'mql'
              ? { ...stage, en: 'Qualified by marketing' }
              : stage,
        ),
      },
      sla: DEFAULT_SLA_POLICY,
      slaDefaults: DEFAULT_SLA_POLICY,
    }),
    'dashboard.summary': () => SUMMARY,
    'dashboard.kpis': () => ROW,
    'dashboard.now': () => NOW,
    'reps.list': () => [],
    'leads.facets': () => ({ sources: ['百度推广', '转介绍'], industries: [], regions: [] }),
    // As many rows as the count asked about said: the fake answers by the metric.
    'dashboard.leads': (input) => {
      const total = input.metric === 'won' && input.channel?.source === '百度推广' ? 2 : 12;
      return { total, rows: Array.from({ length: total }, (_, i) => leadRow(i)) };
    },
    'dashboard.mine': () => ({
      period: { from: '2026-10-25', to: '2026-11-23' },
      responseMedianMinutes: { mine: 12, teamMedian: 30 },
      withinTarget: { mine: est(0.8, 10), teamMedian: 0.5 },
      conversion: { mine: est(0.25, 8), teamMedian: 0.2 },
      gradeMix: {
        mine: { A: 2, B: 3, C: 4, D: 1, ungraded: 0 },
        teamMedian: { A: 1.5, B: 3, C: 4, D: 2, ungraded: 0 },
      },
    }),
    'dashboard.myPulse': () => ({ month: '2026-11', answer: null }),
    'dashboard.answerPulse': (input) => ({
      month: '2026-11',
      score: input.score,
      comment: input.comment ?? null,
      isSigned: input.isSigned ?? false,
    }),
    'dashboard.calibration': () => ({
      hasModel: true,
      closed: 4,
      isTruncated: false,
      cells: [{ grade: 'A', bandFrom: 80, converted: est(0.5, 4), predicted: 0.62, predictedCount: 4 }],
    }),
    'dashboard.exportTable': (input) => ({
      fileName: `${input.name}.csv`,
      mimeType: 'text/csv',
      contentBase64: '',
      rows: input.rows.length,
    }),
  };
}

function flattenEntries(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) =>
    flattenEntries(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('the Dashboard page', () => {
  it('titles "Now" and "This period" apart, the stage counts under Now', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    const now = (await screen.findByRole('heading', { name: 'Now' })).closest('section')!;
    const period = screen.getByRole('heading', { name: 'This period' }).closest('section')!;
    expect(within(now).getByTestId('dashboard-funnel')).toBeTruthy();
    expect(within(period).queryByTestId('dashboard-funnel')).toBeNull();
    expect(within(period).getByTestId('kpi-row')).toBeTruthy();
    await waitFor(() => expect(within(now).getByText('Qualified by marketing')).toBeTruthy());
    expect(screen.getByTestId('funnel-stage-raw-value').textContent).toBe('12');
    expect(screen.queryByTestId('funnel-stage-nurture')).toBeNull();
    expect(screen.getByTestId('dashboard-overdue-first-contact-value').textContent).toBe('2');
    expect(screen.getByTestId('dashboard-days-to-fill').textContent).toBe('17');
  });

  it('shows each KPI with its target and the period before', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    expect((await screen.findByTestId('kpi-response-value')).textContent).toBe('20 min');
    expect(screen.getByTestId('kpi-response-previous').textContent).toBe('before: 45 min');
    expect(screen.getByTestId('kpi-response').textContent).toContain('target 5 min');
    expect(screen.getByTestId('kpi-conversion-value').textContent).toBe('15%');
    expect(screen.getByTestId('kpi-conversion-previous').textContent).toBe('before: 10%');
    expect(screen.getByTestId('kpi-loss-value').textContent).toBe('25%');
    expect(screen.getByTestId('kpi-loss').textContent).toContain('off target');
    expect(screen.getByTestId('kpi-satisfaction-value').textContent).toBe('4.5 / 5');
    expect(screen.getByTestId('kpi-satisfaction-count').textContent).toBe('6 answers in 2026-11');
  });

  it('says too few to judge instead of raising an alarm over 3 A/B leads', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    const readings = await screen.findByTestId('fairness-readings');
    expect(readings.textContent).toContain('Only 3 A/B leads in this period — too few to judge.');
    expect(readings.textContent).toContain('too few to judge against their floor of 25%');
    expect(readings.textContent).not.toMatch(/concentrated|went to a few reps/);
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

  it('opens the leads behind a count, as many as it said, with the card’s own question', async () => {
    const client = createFakeClient(answers());
    const { container } = renderWithApp(<DashboardPage />, client);
    await screen.findByTestId('dashboard-sources');
    const won = container.querySelector('[data-source="百度推广"] [data-column="won"] button') as HTMLElement;
    expect(won.textContent).toBe('2');
    fireEvent.click(won);
    const table = await screen.findByTestId('drill-table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 2);
    const call = client.calls.find((c) => c.name === 'dashboard.leads');
    expect(call?.input).toMatchObject({ metric: 'won', channel: { source: '百度推广' } });
  });

  it('exports a table as shown', async () => {
    const client = createFakeClient(answers());
    renderWithApp(<DashboardPage />, client);
    fireEvent.click(await screen.findByTestId('dashboard-sources-export'));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'CSV' }));
    await waitFor(() => expect(client.calls.some((c) => c.name === 'dashboard.exportTable')).toBe(true));
    const input = client.calls.find((c) => c.name === 'dashboard.exportTable')?.input as {
      headers: string[];
      rows: unknown[][];
    };
    expect(input.headers[0]).toBe('Source');
    expect(input.rows[1]).toContain('no cost');
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
    expect((await screen.findByTestId('fairness-readings')).textContent).toContain('样本太少，暂不评判');
  });

  it('shows a rep their own figures against the team median, never the team’s page', async () => {
    const client = createFakeClient(answers({ role: 'rep', repId: 'rep_1', name: '王芳' }));
    renderWithApp(<DashboardPage />, client);
    expect((await screen.findByTestId('dashboard-lead-only')).textContent).toContain('for the team lead');
    expect((await screen.findByTestId('mine-response-value')).textContent).toBe('12 min');
    expect(screen.getByTestId('mine-response').textContent).toContain('team median 30 min');
    expect(screen.getByTestId('mine-conversion-value').textContent).toBe('25%');
    const names = client.calls.map((c) => c.name);
    expect(names).not.toContain('dashboard.kpis');
    expect(names).not.toContain('dashboard.summary');
  });

  it('lets a rep answer the monthly pulse, unsigned unless they tick the box', async () => {
    const client = createFakeClient(answers({ role: 'rep', repId: 'rep_1', name: '王芳' }));
    renderWithApp(<DashboardPage />, client);
    const form = await screen.findByTestId('pulse-form');
    const send = within(form).getByRole('button', { name: 'Send' });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(form).getByRole('radio', { name: '4' }));
    fireEvent.change(within(form).getByLabelText('Comment (optional)'), { target: { value: '还可以' } });
    fireEvent.click(send);
    await within(form).findByText(/your answer for 2026-11 is in/);
    expect(client.calls.find((c) => c.name === 'dashboard.answerPulse')?.input).toEqual({
      score: 4,
      isSigned: false,
      comment: '还可以',
    });
  });

  it('has the same keys and placeholders in Chinese and English, none empty', () => {
    const zhEntries = flattenEntries(dashboardZh);
    const enMap = new Map(flattenEntries(dashboardEn));
    expect(zhEntries.map(([key]) => key).sort()).toEqual([...enMap.keys()].sort());
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zhEntries) {
      expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
      expect(placeholders(value), key).toEqual(placeholders(enMap.get(key)));
    }
  });
});
