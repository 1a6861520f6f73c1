// The team lead's rule editors: SLA clocks typed in working hours and days, and the Settings sections for lost
// reasons, pool claims and 撞单 protection, each saving only its own part of the settings.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CallInput, CallOutput } from '../../../core/api/contract';
import { DEFAULT_FUNNEL_SETTINGS } from '../../../core/api/sla/settings';
import { DEFAULT_SLA_POLICY } from '../../../core/domain/sla/sla-policy';
import { pickUnit, toMinutes } from '../../../renderer/src/features/funnel/SlaDurationInput';
import { SlaPolicyForm } from '../../../renderer/src/features/funnel/SlaPolicyForm';
import { LeadRulesSections } from '../../../renderer/src/features/settings/LeadRulesSections';
import { createFakeClient, renderWithApp, type FakeClient } from './render-app';

const SETTINGS: CallOutput<'work.settings'> = {
  funnel: { ...DEFAULT_FUNNEL_SETTINGS, lostReasons: ['Too expensive', 'Went elsewhere'] },
  sla: DEFAULT_SLA_POLICY,
  slaDefaults: DEFAULT_SLA_POLICY,
};

function rulesClient(): FakeClient {
  return createFakeClient({
    'work.settings': () => SETTINGS,
    'funnel.saveSettings': (input) => ({
      funnel: { ...input, stages: input.stages.map((s) => ({ ...s, hidden: s.hidden ?? false })) },
      moved: 0,
    }),
    'sla.savePolicy': (input) => input.policy,
    'leads.entryRules': () => ({ protectionDays: 30, showOwnerName: false }),
    'leads.saveEntryRules': (input) => input,
  });
}

function sentInput<T>(client: FakeClient, name: string): T | undefined {
  return client.calls.find((call) => call.name === name)?.input as T | undefined;
}

describe('SLA clocks in working time', () => {
  it('picks the largest unit that shows a clock as a whole number', () => {
    expect(pickUnit(5, 540)).toBe('minute');
    expect(pickUnit(24 * 60, 540)).toBe('hour');
    expect(pickUnit(72 * 60, 540)).toBe('day');
    expect(toMinutes(1.5, 'hour', 540)).toBe(90);
    expect(toMinutes(2, 'day', 540)).toBe(1080);
  });

  it('shows the default clocks in hours and work days, and saves a changed one in minutes', async () => {
    const client = rulesClient();
    renderWithApp(<SlaPolicyForm settings={SETTINGS} onSaved={vi.fn()} />, client);
    // 72 business hours on a 9-hour day: 8 work days; nothing in the form is in minutes but A's 5-minute call.
    const cRecycle = screen.getByRole('textbox', { name: 'C Recycle after' });
    expect((cRecycle as HTMLInputElement).value).toBe('8');
    expect(screen.getByText(/1 work day = 9 hours/)).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'B First contact within' }), {
      target: { value: '2' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    await waitFor(() => expect(sentInput(client, 'funnel.saveSettings')).toBeDefined());
    const { policy } = sentInput<CallInput<'sla.savePolicy'>>(client, 'sla.savePolicy') ?? {};
    expect(policy?.grades.B.firstContactMinutes).toBe(120);
    expect(policy?.grades.C.recycleAfterMinutes).toBe(72 * 60);
    // The lost reasons are the Settings page's: saved as stored, not from this form.
    expect(sentInput<CallInput<'funnel.saveSettings'>>(client, 'funnel.saveSettings')?.lostReasons).toEqual([
      'Too expensive',
      'Went elsewhere',
    ]);
    // Forty inputs in jsdom on a busy machine take seconds to render.
  }, 30_000);
});

describe('the lead rules on the Settings page', () => {
  it('shows a repeated lost reason beside its field and saves the list once it is fixed', async () => {
    const client = rulesClient();
    renderWithApp(<LeadRulesSections isTeamLead />, client);
    const section = await screen.findByTestId('lost-reasons');
    fireEvent.click(within(section).getByRole('button', { name: 'Add a reason' }));
    const third = within(section).getByRole('textbox', { name: 'Reason 3' });
    fireEvent.change(third, { target: { value: 'Too expensive' } });
    expect(within(section).getByText('“Too expensive” is listed twice')).toBeTruthy();
    const save = within(section).getByRole('button', { name: 'Save' });
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.change(third, { target: { value: 'No budget' } });
    await act(async () => fireEvent.click(save));
    await waitFor(() => expect(sentInput(client, 'funnel.saveSettings')).toBeDefined());
    const sent = sentInput<CallInput<'funnel.saveSettings'>>(client, 'funnel.saveSettings');
    expect(sent?.lostReasons).toEqual(['Too expensive', 'Went elsewhere', 'No budget']);
    expect(sent?.stages).toEqual(SETTINGS.funnel.stages);
    expect(sent?.claimDailyLimit).toBe(SETTINGS.funnel.claimDailyLimit);
  });

  it('saves the pool claim limit and cool-down without touching the lost reasons', async () => {
    const client = rulesClient();
    renderWithApp(<LeadRulesSections isTeamLead />, client);
    const section = await screen.findByTestId('pool-claims');
    fireEvent.change(within(section).getByRole('textbox', { name: /Claims per rep per day/ }), {
      target: { value: '5' },
    });
    await act(async () => fireEvent.click(within(section).getByRole('button', { name: 'Save' })));
    await waitFor(() => expect(sentInput(client, 'funnel.saveSettings')).toBeDefined());
    const sent = sentInput<CallInput<'funnel.saveSettings'>>(client, 'funnel.saveSettings');
    expect(sent?.claimDailyLimit).toBe(5);
    expect(sent?.lostReasons).toEqual(SETTINGS.funnel.lostReasons);
  });

  it('saves the 撞单 protection period and whether reps see the holder’s name', async () => {
    const client = rulesClient();
    renderWithApp(<LeadRulesSections isTeamLead />, client, 'zh-CN');
    const section = await screen.findByTestId('entry-rules');
    await waitFor(() =>
      expect((within(section).getByRole('textbox', { name: /保护期/ }) as HTMLInputElement).value).toBe('30'),
    );
    fireEvent.change(within(section).getByRole('textbox', { name: /保护期/ }), { target: { value: '14' } });
    fireEvent.click(within(section).getByRole('switch', { name: '撞单时告诉销售是谁的线索' }));
    await act(async () => fireEvent.click(within(section).getByRole('button', { name: '保存' })));
    await waitFor(() =>
      expect(sentInput(client, 'leads.saveEntryRules')).toEqual({ protectionDays: 14, showOwnerName: true }),
    );
  });

  it('shows a rep nothing', () => {
    const { container } = renderWithApp(<LeadRulesSections isTeamLead={false} />, rulesClient());
    expect(container.querySelector('[data-testid="lead-rules"]')).toBeNull();
  });
});
