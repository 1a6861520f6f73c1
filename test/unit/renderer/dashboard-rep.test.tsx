// The Dashboard as a rep sees it (their own figures, the monthly pulse) and the page's two languages.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import dashboardEn from '../../../renderer/src/features/dashboard/i18n.en.json';
import dashboardZh from '../../../renderer/src/features/dashboard/i18n.zh-CN.json';
import { DashboardPage } from '../../../renderer/src/features/dashboard/DashboardPage';
import { answers } from './dashboard-fixtures';
import { createFakeClient, renderWithApp } from './render-app';

function flattenEntries(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) =>
    flattenEntries(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('the Dashboard for a rep, and its words', { timeout: 30_000 }, () => {
  it('shows a rep their own figures against the team median, never the team’s page', async () => {
    const client = createFakeClient(answers({ role: 'rep', repId: 'rep_1', name: '王芳' }));
    renderWithApp(<DashboardPage />, client);
    expect((await screen.findByTestId('dashboard-lead-only')).textContent).toContain('for the team lead');
    expect((await screen.findByTestId('mine-response-value')).textContent).toBe('12 min');
    expect(screen.getByTestId('mine-response').textContent).toContain('team median 30 min');
    expect(screen.getByTestId('mine-conversion-value').textContent).toBe('25%');
    // Each share beside the two counts it divides: 2 won of 8 closed, 8 of 10 hand-overs reached in time.
    expect(screen.getByTestId('mine-conversion-counts').textContent).toBe('2 won of 8 closed');
    expect(screen.getByTestId('mine-within-counts').textContent).toBe('8 of 10 hand-overs reached in time');
    const names = client.calls.map((c) => c.name);
    expect(names).not.toContain('dashboard.kpis');
    expect(names).not.toContain('dashboard.summary');
  });

  it('says what each of a rep’s figures counts, on hover or focus of its label', async () => {
    const client = createFakeClient(answers({ role: 'rep', repId: 'rep_1', name: '王芳' }));
    renderWithApp(<DashboardPage />, client);
    await screen.findByTestId('mine-response-value');
    const definitions = dashboardEn.dashboard.mine.definitions;
    for (const [testId, definition] of [
      ['mine-response', definitions.response],
      ['mine-within', definitions.within],
      ['mine-conversion', definitions.conversion],
      ['mine-mix', definitions.mix],
    ] as const) {
      const label = screen.getByTestId(`${testId}-label`);
      expect(label.textContent, testId).toContain('ⓘ');
      fireEvent.focus(label);
      expect((await screen.findByRole('tooltip')).textContent, testId).toBe(definition);
      fireEvent.blur(label);
      await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
    }
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
