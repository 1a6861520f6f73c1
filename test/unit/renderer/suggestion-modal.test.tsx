import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { defaultScoringModel } from '../../../core/domain/scoring/default-model';
import type { RuleWeightSuggestion } from '../../../core/domain/scoring/suggest';
import { SuggestionModal } from '../../../renderer/src/features/scoring/learned/SuggestionModal';
import { createFakeClient, renderWithApp } from './render-app';

describe('the suggested weights', () => {
  it('lists each criterion change with its evidence and loads the proposed model as a draft', async () => {
    const model = defaultScoringModel();
    const first = model.criteria[0]!;
    const proposed = { ...model, version: model.version + 1 };
    const suggestion: RuleWeightSuggestion = {
      model: proposed,
      changes: [
        {
          criterionId: first.id,
          pointsBefore: first.points,
          pointsAfter: first.points + 5,
          factor: 1.2,
          meanCoefficient: 0.4,
          evidence: ['industry=制造'],
        },
      ],
      dimensionChanges: [],
      reason: 'applied',
    };
    const onLoad = vi.fn();
    renderWithApp(
      <SuggestionModal suggestion={suggestion} model={model} onLoad={onLoad} onClose={() => undefined} />,
      createFakeClient({}),
    );
    const table = await screen.findByTestId('suggestion-changes');
    expect(table.textContent).toContain(String(first.points + 5));
    fireEvent.click(screen.getByTestId('suggestion-load'));
    expect(onLoad).toHaveBeenCalledWith(proposed);
  });
});
