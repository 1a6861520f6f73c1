import { describe, expect, it } from 'vitest';
import { defaultScoringModel } from '../../../../core/domain/scoring/default-model';
import type { LearnedModel } from '../../../../core/domain/scoring/learned';
import { trainConversionModel } from '../../../../core/domain/scoring/learned';
import { blendScore, suggestRuleWeights } from '../../../../core/domain/scoring/suggest';
import { generateSyntheticHistory } from '../../../../core/domain/scoring/synthetic-history';
import { validateScoringModel } from '../../../../core/domain/scoring/validate';
import { NOW } from './lead-fixtures';

function train(signal: 'planted' | 'none'): LearnedModel {
  const result = trainConversionModel(
    generateSyntheticHistory({ count: 2000, seed: 21, now: NOW, signal }),
    NOW,
    { seed: 1 },
  );
  if (!result.ok) throw new Error('refused');
  return result.value;
}

describe('suggestRuleWeights', () => {
  const model = defaultScoringModel();
  const suggestion = suggestRuleWeights(train('planted'), model);
  const change = (id: string) => suggestion.changes.find((c) => c.criterionId === id);

  it('proposes a valid next version of the model', () => {
    expect(suggestion.reason).toBe('applied');
    expect(suggestion.model.version).toBe(model.version + 1);
    expect(validateScoringModel(suggestion.model)).toEqual([]);
  });

  it('raises points where history shows a criterion wins, citing the learned features', () => {
    const dm = change('fit.title.decision_maker');
    expect(dm?.pointsAfter).toBeGreaterThan(dm?.pointsBefore ?? Infinity);
    expect(dm?.evidence).toContain('title=总经理');
    const target = change('fit.industry.target');
    expect(target?.evidence).toContain('industry=制造');
  });

  it('keeps every change within half to double and never flips a sign', () => {
    for (const c of suggestion.changes) {
      expect(Math.sign(c.pointsAfter)).toBe(Math.sign(c.pointsBefore));
      expect(Math.abs(c.pointsAfter)).toBeLessThanOrEqual(Math.abs(c.pointsBefore) * 2 + 0.5);
      expect(Math.abs(c.pointsAfter)).toBeGreaterThanOrEqual(Math.abs(c.pointsBefore) * 0.5 - 0.5);
    }
  });

  it('leaves criteria without evidence alone', () => {
    const changed = new Set(suggestion.changes.map((c) => c.criterionId));
    const untouched = model.criteria.filter((c) => !changed.has(c.id));
    expect(untouched.length).toBeGreaterThan(0);
    for (const c of untouched) expect(suggestion.model.criteria.find((x) => x.id === c.id)).toEqual(c);
  });

  it('suggests nothing when the learned model found no signal', () => {
    const none = suggestRuleWeights(train('none'), model);
    expect(none).toEqual({ model, changes: [], dimensionChanges: [], reason: 'no_signal' });
  });
});

describe('blendScore', () => {
  it.each([
    [70, 0.3, 0, 70],
    [70, 0.3, 1, 30],
    [70, 0.3, 0.5, 50],
    [80, 0.95, 0.25, 84],
    [70, 2, 1, 100],
    [70, 0.3, -1, 70],
  ])('blends rule %i with probability %f at weight %f into %i', (rule, p, w, expected) => {
    expect(blendScore(rule, p, w)).toBe(expected);
  });
});
