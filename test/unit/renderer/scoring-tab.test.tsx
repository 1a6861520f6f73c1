import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../core/api/contract';
import { ApiError } from '../../../core/api/errors';
import { defaultScoringModel } from '../../../core/domain/scoring/default-model';
import type { ModelChangePreview } from '../../../core/domain/scoring/preview';
import jobsEn from '../../../renderer/src/features/jobs/i18n.en.json';
import jobsZh from '../../../renderer/src/features/jobs/i18n.zh-CN.json';
import rulesEn from '../../../renderer/src/features/rules/i18n.en.json';
import rulesZh from '../../../renderer/src/features/rules/i18n.zh-CN.json';
import scoringEn from '../../../renderer/src/features/scoring/i18n.en.json';
import scoringZh from '../../../renderer/src/features/scoring/i18n.zh-CN.json';
import { normalizeProblemPath } from '../../../renderer/src/features/scoring/model-draft';
import { ScoringTab } from '../../../renderer/src/features/scoring/ScoringTab';
import { createFakeClient, renderWithApp, type FakeAnswers } from './render-app';

function flattenEntries(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) =>
    flattenEntries(child, prefix ? `${prefix}.${key}` : key),
  );
}

const PREVIEW: ModelChangePreview = {
  total: 500,
  before: { A: 0, B: 9, C: 97, D: 394 },
  after: { A: 3, B: 21, C: 148, D: 328 },
  moves: {
    A: { A: 0, B: 0, C: 0, D: 0 },
    B: { A: 3, B: 6, C: 0, D: 0 },
    C: { A: 0, B: 15, C: 82, D: 0 },
    D: { A: 0, B: 0, C: 66, D: 328 },
  },
  changedCount: 84,
  sample: [],
};

function answers(overrides: FakeAnswers = {}): FakeAnswers {
  const model = defaultScoringModel();
  return {
    'workspace.status': () => ({
      isEmpty: false,
      hasLeadPassword: true,
      leadCount: 500,
      repCount: 8,
      schemaVersion: 6,
      appVersion: '0.1.0',
      utcOffsetMinutes: 480,
      actor: { role: 'lead' },
    }),
    'scoring.getModel': (): CallOutput<'scoring.getModel'> => ({ model, versions: [], staleLeads: 0 }),
    'leads.list': () => ({ total: 0, rows: [] }),
    'jobs.list': () => [],
    'scoring.previewModel': () => PREVIEW,
    ...overrides,
  };
}

async function raiseDecisionMakerPoints(): Promise<void> {
  const input = await screen.findByTestId('criterion-points-fit.title.decision_maker');
  fireEvent.change(input, { target: { value: '40' } });
}

describe('the scoring model editor', () => {
  it('shows the grade histogram before and after a change, from the preview of the draft', async () => {
    const client = createFakeClient(answers());
    renderWithApp(<ScoringTab />, client, 'zh-CN');
    await raiseDecisionMakerPoints();
    // The preview waits for typing to pause before it asks the server.
    const after = await screen.findByTestId('preview-after-D', {}, { timeout: 5_000 });
    expect(after.getAttribute('data-count')).toBe('328');
    expect(screen.getByTestId('preview-before-D').getAttribute('data-count')).toBe('394');
    expect(screen.getByTestId('preview-changed').textContent).toContain('84 条线索等级会变化');
    const previewed = client.calls.find((call) => call.name === 'scoring.previewModel');
    const sent = previewed?.input as { model: ReturnType<typeof defaultScoringModel> };
    expect(sent.model.criteria.find((c) => c.id === 'fit.title.decision_maker')?.points).toBe(40);
  });

  it('shows a problem the server reports beside the input its path names', async () => {
    const client = createFakeClient(
      answers({
        'scoring.saveModel': () => {
          throw new ApiError({
            code: 'invalid_input',
            reason: 'input.invalid',
            message: 'model.criteria.0.points: Points must be a number.',
            field: 'model.criteria.0.points',
            details: { field: 'model.criteria.0.points', detail: 'Points must be a number.' },
          });
        },
      }),
    );
    renderWithApp(<ScoringTab />, client, 'en');
    await raiseDecisionMakerPoints();
    fireEvent.click(await screen.findByTestId('save-model'));
    await screen.findByText('Points must be a number.');
    const input = screen.getByTestId('criterion-points-fit.title.decision_maker');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses to save a draft whose thresholds are out of order, saying so beside them', async () => {
    renderWithApp(<ScoringTab />, createFakeClient(answers()), 'zh-CN');
    fireEvent.change(await screen.findByTestId('threshold-b'), { target: { value: '90' } });
    await screen.findByText('阈值需满足 C < B < A');
    expect((screen.getByTestId('save-model') as HTMLButtonElement).disabled).toBe(true);
  });

  it('reads API paths and validator paths as the same input', () => {
    expect(normalizeProblemPath('model.criteria.3.points')).toBe('criteria.3.points');
    expect(normalizeProblemPath('criteria[3].points')).toBe('criteria.3.points');
    expect(normalizeProblemPath('model')).toBe('');
  });
});

describe('scoring, jobs and rules translations', () => {
  it.each([
    ['scoring', scoringZh, scoringEn],
    ['jobs', jobsZh, jobsEn],
    ['rules', rulesZh, rulesEn],
  ])('%s has the same keys and placeholders in Chinese and English, none empty', (_name, zh, en) => {
    const zhEntries = flattenEntries(zh);
    const enMap = new Map(flattenEntries(en));
    expect(zhEntries.map(([key]) => key).sort()).toEqual([...enMap.keys()].sort());
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zhEntries) {
      expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
      expect(placeholders(value), key).toEqual(placeholders(enMap.get(key)));
    }
  });
});
