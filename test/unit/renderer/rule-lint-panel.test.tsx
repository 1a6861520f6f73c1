import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DistributionRule } from '../../../core/domain/distribution/types';
import { FairnessLedger } from '../../../renderer/src/features/rules/FairnessLedger';
import { RuleLintPanel } from '../../../renderer/src/features/rules/RuleLintPanel';
import { createFakeClient, renderWithApp } from './render-app';

const rules: DistributionRule[] = [
  {
    id: 'f',
    name: '兜底',
    enabled: true,
    conditions: [],
    target: { kind: 'everyone' },
    method: 'round-robin',
  },
];

const cell = (received: number, expected: number) => ({ received, expected });

describe('the rule check and the ledger on screen', () => {
  it('lists the warnings and marks a forecast day over the caps in words', async () => {
    const client = createFakeClient({
      'distribution.lintRules': () => ({
        warnings: [
          {
            kind: 'cap-breach',
            scope: 'team',
            rule: null,
            reps: [{ repId: 'a', name: '甲', cap: 3 }],
            days: [{ date: '2026-03-04', weekday: 3, expected: 8, cap: 3 }],
          },
        ],
        forecast: {
          historyDays: 28,
          historyLeads: 32,
          days: [{ date: '2026-03-04', weekday: 3, expected: 8, capacity: 3, availableReps: 1 }],
        },
      }),
    });
    renderWithApp(<RuleLintPanel rules={rules} isValid />, client, 'zh-CN');
    expect(
      await screen.findByText(
        '预计进线量超过全团队的每日上限：周三 03-04 预计约 8 条，上限 3 条。超出的线索会留在公海池。',
      ),
    ).toBeTruthy();
    expect(screen.getByText('超出上限')).toBeTruthy();
    expect(client.calls.find((c) => c.name === 'distribution.lintRules')?.input).toEqual({ rules });
  });

  it('asks for the problems to be fixed first and does not lint an invalid draft', async () => {
    const client = createFakeClient({});
    renderWithApp(<RuleLintPanel rules={rules} isValid={false} />, client, 'en');
    expect(await screen.findByText(/Fix the problems above first/)).toBeTruthy();
    expect(client.calls.some((c) => c.name === 'distribution.lintRules')).toBe(false);
  });

  it('shows each rep received against owed, in words, with days available', async () => {
    const client = createFakeClient({
      'distribution.ledger': () => ({
        from: '2026-06-01',
        to: '2026-06-30',
        availableDays: 46,
        leadCount: 60,
        rows: [
          {
            repId: 'a',
            name: '休假',
            availableDays: 16,
            total: cell(16, 16),
            byGrade: { A: cell(0, 0), B: cell(16, 16), C: cell(0, 0), D: cell(0, 0), ungraded: cell(0, 0) },
            claims: 0,
            manual: 0,
            leave: [
              { from: '2026-06-08', to: '2026-06-21', kind: 'leave' },
              { from: '2026-06-25', to: '2026-06-26', kind: 'out-of-office' },
            ],
          },
          {
            repId: 'b',
            name: '全勤',
            availableDays: 30,
            total: cell(47, 44),
            byGrade: { A: cell(0, 0), B: cell(47, 44), C: cell(0, 0), D: cell(0, 0), ungraded: cell(0, 0) },
            claims: 2,
            manual: 0,
            leave: [],
          },
        ],
      }),
    });
    renderWithApp(<FairnessLedger />, client, 'zh-CN');
    await waitFor(() => expect(screen.getAllByTestId('ledger-row')).toHaveLength(2));
    expect(screen.getByText('持平')).toBeTruthy();
    expect(screen.getByText('多得 3 条')).toBeTruthy();
    // The tooltip names each kind of time away with its days.
    fireEvent.mouseEnter(screen.getByText('16 天 （已扣除休假、外出）'));
    expect(await screen.findByText('休假 06-08–06-21；外出 06-25–06-26')).toBeTruthy();
  });

  it('asks for the team’s last 30 days, as the Dashboard counts them, not UTC’s', async () => {
    // 00:30 on 12-05 in Beijing: UTC's day is still 12-04.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 11, 4, 16, 30));
    try {
      const client = createFakeClient({
        'workspace.status': () => ({
          isEmpty: false,
          hasLeadPassword: true,
          leadCount: 1,
          repCount: 1,
          schemaVersion: 1,
          appVersion: '0.1.0',
          utcOffsetMinutes: 480,
          actor: { role: 'lead' },
        }),
        'distribution.ledger': (input) => ({
          from: input.from ?? '',
          to: input.to ?? '',
          availableDays: 0,
          leadCount: 0,
          rows: [],
        }),
      });
      renderWithApp(<FairnessLedger />, client, 'zh-CN');
      await waitFor(() =>
        expect(client.calls.filter((c) => c.name === 'distribution.ledger').at(-1)?.input).toEqual({
          from: '2026-11-06',
          to: '2026-12-05',
        }),
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
