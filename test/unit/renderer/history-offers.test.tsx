// After a past-leads import: the learned model's training starts with the flagged leak columns excluded (the team
// lead can put one back), the Scoring tab offers training, and the Distribution tab offers a replay of the period.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CallOutput, JobStatus } from '../../../core/api/contract';
import { defaultScoringModel } from '../../../core/domain/scoring/default-model';
import { DistributionTab } from '../../../renderer/src/features/rules/DistributionTab';
import { LearnedModelPanel } from '../../../renderer/src/features/scoring/LearnedModelPanel';
import { ScoringTab } from '../../../renderer/src/features/scoring/ScoringTab';
import { createFakeClient, renderWithApp, type FakeAnswers } from './render-app';

const IMPORTED_AT = Date.UTC(2025, 0, 2);

const FLAGS: CallOutput<'import.historyFlags'> = {
  batchId: 'batch-1',
  at: IMPORTED_AT,
  excludeFields: ['custom.线索质量'],
  leaks: [
    {
      column: '线索质量',
      field: 'custom.线索质量',
      reason: 'name',
      evidence: { value: null, won: 0, lost: 0, matched: '质量' },
    },
    {
      column: '线索质量',
      field: 'custom.线索质量',
      reason: 'predicts_outcome',
      evidence: { value: '高', won: 2_412, lost: 0 },
    },
  ],
  leads: 20_000,
  period: { from: '2024-01-01', to: '2024-12-31', leads: 20_000 },
};

function job(kind: JobStatus['kind']): JobStatus {
  return {
    id: `job-${kind}`,
    kind,
    actor: 'team lead',
    state: 'running',
    done: 0,
    total: 3,
    message: null,
    result: null,
    error: null,
    startedAt: IMPORTED_AT,
    finishedAt: null,
    batchId: kind === 'import' || kind === 'distribute' ? 'batch-1' : null,
  };
}

function answers(overrides: FakeAnswers = {}): FakeAnswers {
  return {
    'workspace.status': () => ({
      isEmpty: false,
      hasLeadPassword: true,
      leadCount: 20_000,
      repCount: 7,
      schemaVersion: 6,
      appVersion: '0.1.0',
      utcOffsetMinutes: 480,
      actor: { role: 'lead' },
    }),
    'import.historyFlags': () => FLAGS,
    'scoring.getModel': () => ({ model: defaultScoringModel(), versions: [], staleLeads: 0 }),
    'scoring.getLearned': () => null,
    'scoring.getBlend': () => ({ mode: 'rules', weight: 0.5 }),
    'scoring.train': () => job('train'),
    'leads.list': () => ({ total: 0, rows: [] }),
    'jobs.list': () => [],
    'reps.list': () => [],
    'distribution.getRules': () => ({ version: 1, rules: [], savedBy: null, savedAt: null, versions: [] }),
    'distribution.replay': () => job('replay'),
    'appeals.list': () => [],
    ...overrides,
  };
}

function trainInputs(client: ReturnType<typeof createFakeClient>) {
  return client.calls.filter((call) => call.name === 'scoring.train').map((call) => call.input);
}

function renderPanel(client: ReturnType<typeof createFakeClient>, language: 'en' | 'zh-CN') {
  return renderWithApp(
    <LearnedModelPanel
      model={defaultScoringModel()}
      customKeys={[]}
      readOnly={false}
      onLoadDraft={() => undefined}
    />,
    client,
    language,
  );
}

describe('training the learned model after a history import', () => {
  it('shows the flagged column with its reasons, excluded by default, and trains without it', async () => {
    const client = createFakeClient(answers());
    renderPanel(client, 'zh-CN');
    const leak = await screen.findByTestId('train-leak');
    const checkbox = within(leak).getByRole('checkbox', { name: '不用 自定义：线索质量 训练' });
    expect((checkbox as HTMLInputElement).checked).toBe(true);
    expect(leak.textContent).toContain('列“线索质量”的列名是成交后字段（质量）');
    expect(leak.textContent).toContain('列“线索质量”的取值“高”出现在 2412 条成交、0 条输单线索上');
    expect(screen.getByText('自定义：线索质量', { selector: '.mantine-Pill-label' })).toBeTruthy();

    fireEvent.click(screen.getByTestId('train-button'));
    await waitFor(() => expect(trainInputs(client)).toHaveLength(1));
    expect(trainInputs(client)[0]).toEqual({ seed: 1, excludeFields: ['custom.线索质量'] });
  });

  it('lets the team lead put a flagged column back into training, with a warning', async () => {
    const client = createFakeClient(answers());
    renderPanel(client, 'en');
    const leak = await screen.findByTestId('train-leak');
    fireEvent.click(within(leak).getByRole('checkbox'));
    expect(leak.textContent).toContain('the AUC may look better than it is');

    fireEvent.click(screen.getByTestId('train-button'));
    await waitFor(() => expect(trainInputs(client)).toHaveLength(1));
    expect(trainInputs(client)[0]).toEqual({ seed: 1, excludeFields: [] });
  });

  it('shows no leak box and excludes nothing when no history was imported', async () => {
    const client = createFakeClient(answers({ 'import.historyFlags': () => null }));
    renderPanel(client, 'en');
    const train = await screen.findByTestId('train-button');
    await waitFor(() => expect((train as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(train);
    await waitFor(() => expect(trainInputs(client)).toHaveLength(1));
    expect(trainInputs(client)[0]).toEqual({ seed: 1, excludeFields: [] });
    expect(screen.queryByTestId('train-leaks')).toBeNull();
  });
});

describe('the offers after a history import', () => {
  it('offers training on the Scoring tab and opens the learned model with the leak excluded', async () => {
    renderWithApp(<ScoringTab />, createFakeClient(answers()), 'zh-CN');
    const offer = // The tab's queries settle in a few hundred ms alone; on a loaded machine more than findBy's default second.
      await screen.findByTestId('history-train-offer', {}, { timeout: 5_000 });
    expect(offer.textContent).toContain('已导入 20,000 条历史线索');
    fireEvent.click(within(offer).getByRole('button', { name: '训练学习模型' }));
    const leak = await screen.findByTestId('train-leak');
    expect((within(leak).getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
  });

  it('stops offering training once a training after the import has finished', async () => {
    let trainedAt: number | null = null;
    const learned = (): CallOutput<'scoring.getLearned'> =>
      trainedAt === null
        ? null
        : ({ model: { trainedAt }, trainedBy: 'team lead' } as unknown as CallOutput<'scoring.getLearned'>);
    const client = createFakeClient(answers({ 'scoring.getLearned': learned }));
    renderWithApp(<ScoringTab />, client, 'en');
    // The tab's queries settle in a few hundred ms alone; on a loaded machine more than findBy's default second.
    await screen.findByTestId('history-train-offer', {}, { timeout: 5_000 });

    trainedAt = IMPORTED_AT + 60_000;
    const listeners = vi.mocked(client.subscribe).mock.calls.map(([listener]) => listener);
    act(() => {
      for (const listener of listeners)
        listener({ event: 'jobs.progress', payload: { ...job('train'), state: 'done' } });
    });
    await waitFor(() => expect(screen.queryByTestId('history-train-offer')).toBeNull());
  });

  it('offers a replay over the imported period on the Distribution tab and replays those days', async () => {
    const client = createFakeClient(answers());
    renderWithApp(<DistributionTab />, client, 'en');
    const offer = await screen.findByTestId('history-replay-offer');
    expect(offer.textContent).toContain('20,000 past leads imported (2024-01-01 to 2024-12-31)');
    fireEvent.click(within(offer).getByRole('button', { name: 'Replay the imported period' }));
    expect((await screen.findByTestId('replay-from')).textContent).toBe('2024-01-01');
    expect(screen.getByTestId('replay-to').textContent).toBe('2024-12-31');
    fireEvent.click(screen.getByTestId('replay-start'));
    await waitFor(() =>
      expect(client.calls.find((c) => c.name === 'distribution.replay')?.input).toEqual({
        from: '2024-01-01',
        to: '2024-12-31',
      }),
    );
  });
});
