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
});
