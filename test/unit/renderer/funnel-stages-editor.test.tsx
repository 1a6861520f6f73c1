import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CallInput } from '../../../core/api/contract';
import { DEFAULT_FUNNEL_SETTINGS } from '../../../core/api/sla/settings';
import { FunnelStagesEditor } from '../../../renderer/src/features/funnel/FunnelStagesEditor';
import { createFakeClient, pickOption, renderWithApp, type FakeClient } from './render-app';

function editorClient(counts: Record<string, number> = {}): FakeClient {
  return createFakeClient({
    'funnel.stageCounts': () => ({ counts }),
    'funnel.saveSettings': (input) => {
      const { reassign, ...funnel } = input;
      return {
        funnel: { ...funnel, stages: funnel.stages.map((s) => ({ ...s, hidden: s.hidden ?? false })) },
        moved: reassign?.length ?? 0,
      };
    },
  });
}

function sent(client: FakeClient): CallInput<'funnel.saveSettings'> | undefined {
  return client.calls.find((call) => call.name === 'funnel.saveSettings')?.input as
    CallInput<'funnel.saveSettings'> | undefined;
}

async function save(): Promise<void> {
  await act(async () => fireEvent.click(screen.getByTestId('save-stages')));
}

describe('the funnel stage editor', () => {
  it('adds a stage after the one chosen and saves the funnel in that order', async () => {
    const client = editorClient();
    const onClose = vi.fn();
    renderWithApp(<FunnelStagesEditor funnel={DEFAULT_FUNNEL_SETTINGS} onClose={onClose} />, client);
    fireEvent.change(screen.getByRole('textbox', { name: 'New stage' }), {
      target: { value: 'Demo booked' },
    });
    await pickOption('After', 'SQL');
    fireEvent.click(screen.getByRole('button', { name: 'Add stage' }));
    await waitFor(() => expect(screen.getByTestId('save-stages').hasAttribute('disabled')).toBe(false));
    await save();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const stages = sent(client)?.stages ?? [];
    expect(stages.map((s) => s.en)).toEqual([
      'Raw',
      'MQL',
      'SQL',
      'Demo booked',
      'Opportunity',
      'Won',
      'Lost',
      'Nurture',
    ]);
    expect(stages[3]).toMatchObject({
      zh: 'Demo booked',
      hidden: false,
      key: expect.stringMatching(/^c_[a-z0-9]{10}$/),
    });
  });

  it('moves a working stage up, but never above raw', async () => {
    const client = editorClient();
    renderWithApp(<FunnelStagesEditor funnel={DEFAULT_FUNNEL_SETTINGS} onClose={() => undefined} />, client);
    fireEvent.click(screen.getByRole('button', { name: 'Move Opportunity up' }));
    expect(screen.getByRole('button', { name: 'Move MQL up' }).hasAttribute('disabled')).toBe(true);
    await waitFor(() => expect(screen.getByTestId('save-stages').hasAttribute('disabled')).toBe(false));
    await save();
    await waitFor(() => expect(sent(client)).toBeDefined());
    expect(sent(client)?.stages.map((s) => s.key)).toEqual([
      'raw',
      'mql',
      'opportunity',
      'sql',
      'won',
      'lost',
      'nurture',
    ]);
  });

  it('asks where the leads of a hidden stage go before it saves, and sends that choice', async () => {
    const client = editorClient({ mql: 3, sql: 1 });
    renderWithApp(<FunnelStagesEditor funnel={DEFAULT_FUNNEL_SETTINGS} onClose={() => undefined} />, client);
    await screen.findByText('3');
    fireEvent.click(screen.getByRole('switch', { name: 'Show MQL' }));
    expect(await screen.findByText('MQL still has 3 leads: choose the stage they move to.')).toBeTruthy();
    expect(screen.getByTestId('save-stages').hasAttribute('disabled')).toBe(true);
    await pickOption('Move the leads of MQL to', 'SQL');
    await waitFor(() => expect(screen.getByTestId('save-stages').hasAttribute('disabled')).toBe(false));
    await save();
    await waitFor(() => expect(sent(client)).toBeDefined());
    expect(sent(client)?.stages.find((s) => s.key === 'mql')?.hidden).toBe(true);
    expect(sent(client)?.reassign).toEqual([{ from: 'mql', to: 'sql' }]);
  });

  it('offers no switch to hide raw, won, lost or nurture', () => {
    renderWithApp(
      <FunnelStagesEditor funnel={DEFAULT_FUNNEL_SETTINGS} onClose={() => undefined} />,
      editorClient(),
    );
    for (const name of ['Raw', 'Won', 'Lost', 'Nurture'])
      expect(screen.getByRole('switch', { name: `Show ${name}` }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('switch', { name: 'Show SQL' }).hasAttribute('disabled')).toBe(false);
  });

  it('speaks Chinese when the UI is Chinese', () => {
    renderWithApp(
      <FunnelStagesEditor funnel={DEFAULT_FUNNEL_SETTINGS} onClose={() => undefined} />,
      editorClient(),
      'zh-CN',
    );
    expect(screen.getByRole('button', { name: '添加阶段' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: '显示市场认可 MQL' })).toBeTruthy();
  });
});
