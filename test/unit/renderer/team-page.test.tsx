import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { asRepId } from '../../../core/domain/ids';
import type { Rep } from '../../../core/domain/rep';
import { TeamPage } from '../../../renderer/src/features/team/TeamPage';
import { createFakeClient, renderWithApp } from './render-app';

function rep(overrides: Partial<Omit<Rep, 'id'>> & { id?: string }): Rep & { hasPin: boolean } {
  return {
    hasPin: false,
    name: 'Wang Fang',
    email: null,
    phone: null,
    tier: 'senior',
    skills: ['制造'],
    regions: ['华东'],
    weight: 3,
    capOpen: 90,
    capDaily: null,
    isActive: true,
    isOutOfOffice: false,
    leave: [],
    joinedOn: '2024-01-01',
    ...overrides,
    id: asRepId(overrides.id ?? 'rep_1'),
  };
}

describe('the Team page', () => {
  it('lists inactive reps greyed out, with a way to reactivate them', async () => {
    const client = createFakeClient({
      'reps.list': () => [rep({}), rep({ id: 'rep_2', name: 'Li Qiang', isActive: false })],
    });
    const { container } = renderWithApp(<TeamPage />, client);
    await waitFor(() => expect(screen.getByText('Li Qiang')).toBeTruthy());
    const inactiveRow = container.querySelector('[data-rep-id="rep_2"]');
    expect(inactiveRow?.className).toContain('fl-inactive');
    expect(inactiveRow?.textContent).toContain('Reactivate');
    expect(container.querySelector('[data-rep-id="rep_1"]')?.textContent).toContain('Deactivate');
  });

  it('shows who is out of office and the caps, "No cap" where there is none', async () => {
    const client = createFakeClient({ 'reps.list': () => [rep({ isOutOfOffice: true })] });
    const { container } = renderWithApp(<TeamPage />, client);
    await waitFor(() => expect(screen.getByText('Wang Fang')).toBeTruthy());
    const row = container.querySelector('[data-rep-id="rep_1"]');
    expect(row?.textContent).toContain('Out of office');
    expect(row?.textContent).toContain('90 / No cap');
  });

  it('shows each rep the win rate distribution learned for them, and a phone grouped for reading', async () => {
    const estimate = (wins: number, n: number, rate: number) => ({
      wins,
      n,
      raw: n === 0 ? null : wins / n,
      rate,
      low: rate - 0.1,
      high: rate + 0.1,
    });
    const client = createFakeClient({
      'reps.list': () => [rep({ phone: '13916027748' }), rep({ id: 'rep_2', name: 'Li Qiang' })],
      'distribution.repFit': () => ({
        status: 'learned',
        outcomes: 64,
        minOutcomes: 30,
        priorStrength: 10,
        team: estimate(24, 64, 0.375),
        reps: [
          {
            repId: 'rep_1',
            overall: estimate(22, 40, 0.47),
            cells: [{ segment: 'grade', key: 'A', estimate: estimate(9, 12, 0.6), teamRate: 0.5 }],
          },
          { repId: 'rep_2', overall: estimate(0, 0, 0.375), cells: [] },
        ],
      }),
    });
    const { container } = renderWithApp(<TeamPage />, client);
    await waitFor(() =>
      expect(container.querySelector('[data-rep-id="rep_1"] [data-testid="rep-fit"]')?.textContent).toBe(
        '47%22/40 won · 37–57%',
      ),
    );
    expect(container.querySelector('[data-rep-id="rep_2"] [data-testid="rep-fit"]')?.textContent).toBe(
      'No closed leads',
    );
    expect(container.querySelector('[data-rep-id="rep_1"]')?.textContent).toContain('139 1602 7748');
  });
});
