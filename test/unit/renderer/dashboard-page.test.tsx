import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../../core/api/dashboard/calls';
import type { Actor } from '../../../core/api/contract';
import { DEFAULT_FUNNEL_SETTINGS } from '../../../core/api/sla/settings';
import type { FairnessFigures } from '../../../core/domain/distribution/fairness';
import { asRepId } from '../../../core/domain/ids';
import { DEFAULT_SLA_POLICY } from '../../../core/domain/sla/sla-policy';
import dashboardEn from '../../../renderer/src/features/dashboard/i18n.en.json';
import dashboardZh from '../../../renderer/src/features/dashboard/i18n.zh-CN.json';
import { DashboardPage } from '../../../renderer/src/features/dashboard/DashboardPage';
import { createFakeClient, renderWithApp, type FakeAnswers } from './render-app';

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
  reps: [
    { repId: 'rep_1', name: '王芳', openLoad: 9, won: 2 },
    { repId: 'rep_2', name: '李强', openLoad: 5, won: 1 },
  ],
  newLeadsByDay: [
    { date: '2026-11-22', count: 3 },
    { date: '2026-11-23', count: 18 },
  ],
};

const FAIRNESS: FairnessFigures = {
  repCount: 2,
  leadCount: 20,
  perRep: {
    rep_1: { total: 11, byGrade: { A: 3, B: 2, C: 4, D: 2, ungraded: 0 } },
    rep_2: { total: 9, byGrade: { A: 2, B: 3, C: 1, D: 3, ungraded: 0 } },
  },
  workloadStdDev: 1,
  workloadStdDevByGrade: { A: 0.5, B: 0.5, C: 1.5, D: 0.5 },
  abGini: 0,
  minShare: 0.45,
  maxShare: 0.55,
  newRepIds: [asRepId('rep_2')],
  newRepShare: 0.45,
  newRepAbShare: 0.5,
};

function answers(actor: Actor = { role: 'lead' }): FakeAnswers {
  return {
    'workspace.status': () => ({
      isEmpty: false,
      hasLeadPassword: true,
      leadCount: 30,
      repCount: 2,
      schemaVersion: 6,
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
    'distribution.fairness': () => FAIRNESS,
  };
}

function flattenEntries(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) =>
    flattenEntries(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('the Dashboard page', () => {
  it('shows the configured funnel stages with their counts, hidden stages left out', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    const funnel = await screen.findByTestId('dashboard-funnel');
    await waitFor(() => expect(within(funnel).getByText('Qualified by marketing')).toBeTruthy());
    expect(screen.getByTestId('funnel-stage-raw-value').textContent).toBe('12');
    expect(screen.getByTestId('funnel-stage-mql-value').textContent).toBe('7');
    expect(screen.queryByTestId('funnel-stage-nurture')).toBeNull();
  });

  it('shows the period’s new leads, won amount, conversion and the SLA figures', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()));
    expect((await screen.findByTestId('dashboard-new-leads-value')).textContent).toBe('21');
    expect(screen.getByTestId('dashboard-won-amount-value').textContent).toContain('12,345.00');
    expect(screen.getByTestId('dashboard-conversion-value').textContent).toBe('75%');
    expect(screen.getByTestId('dashboard-overdue-first-contact-value').textContent).toBe('2');
    expect(screen.getByTestId('dashboard-overdue-follow-up-value').textContent).toBe('6');
    expect(screen.getByTestId('dashboard-recycled-value').textContent).toBe('4');
  });

  it('lists each rep with leads received per grade from the fairness call, open load and won', async () => {
    const client = createFakeClient(answers());
    const { container } = renderWithApp(<DashboardPage />, client);
    await screen.findByText('王芳');
    await waitFor(() =>
      expect(container.querySelector('[data-rep-id="rep_1"] [data-grade="A"]')?.textContent).toBe('3'),
    );
    const row = container.querySelector('[data-rep-id="rep_1"]');
    expect(row?.querySelector('[data-column="received"]')?.textContent).toBe('11');
    expect(row?.querySelector('[data-column="open"]')?.textContent).toBe('9');
    expect(row?.querySelector('[data-column="won"]')?.textContent).toBe('2');
    const readings = await screen.findByTestId('fairness-readings');
    expect(readings.textContent).toContain('A/B leads spread evenly (Gini 0.00)');
    expect(readings.textContent).toContain('New reps (1) got 45% of all leads and 50% of A/B leads');
    const fairnessCall = client.calls.find((c) => c.name === 'distribution.fairness');
    const summaryCall = client.calls.find((c) => c.name === 'dashboard.summary');
    expect(fairnessCall?.input).toEqual(summaryCall?.input);
  });

  it('speaks Chinese', async () => {
    renderWithApp(<DashboardPage />, createFakeClient(answers()), 'zh-CN');
    expect(await screen.findByText('首次联系已超时')).toBeTruthy();
    expect((await screen.findByTestId('fairness-readings')).textContent).toContain('A/B 线索分配均匀');
  });

  it('tells a rep the dashboard is for the team lead and asks for no figures', async () => {
    const client = createFakeClient(answers({ role: 'rep', repId: 'rep_1', name: '王芳' }));
    renderWithApp(<DashboardPage />, client);
    expect((await screen.findByTestId('dashboard-lead-only')).textContent).toContain('for the team lead');
    expect(client.calls.map((c) => c.name)).not.toContain('dashboard.summary');
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
