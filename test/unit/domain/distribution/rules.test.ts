import { describe, expect, it } from 'vitest';
import { validateRules, validateWorkingHours } from '../../../../core/domain/distribution/validate-rules';
import type { DistributionRule } from '../../../../core/domain/distribution/types';
import { makeRule } from './fixtures';

const fallback = makeRule('round-robin', { id: 'fallback' });

function codes(rules: readonly unknown[]): string[] {
  return validateRules(rules as DistributionRule[]).map((p) => `${p.path} ${p.code}`);
}

describe('rule validation', () => {
  it('accepts a list that ends in an enabled rule without conditions', () => {
    const rules: DistributionRule[] = [
      makeRule('tier-ladder', {
        id: 'a',
        conditions: [{ field: 'grade', op: 'in', values: ['A', 'B'] }],
        options: { tierMap: { A: 'senior' } },
      }),
      makeRule('weighted', {
        id: 'b',
        conditions: [
          { field: 'custom.vip', op: 'exists' },
          { field: 'arrival.hour', op: 'range', min: 22, max: 6 },
        ],
      }),
      fallback,
    ];
    expect(validateRules(rules)).toEqual([]);
  });

  it('requires a final fallback rule', () => {
    expect(codes([])).toEqual([' no-fallback']);
    expect(
      codes([makeRule('manual', { conditions: [{ field: 'source', op: 'equals', value: 'web' }] })]),
    ).toEqual(['[0].conditions no-fallback']);
    expect(codes([makeRule('manual', { enabled: false })])).toEqual(['[0].enabled no-fallback']);
  });

  it('points at each broken field with its path', () => {
    const rules = [
      {
        ...makeRule('round-robin', { id: 'x' }),
        conditions: [
          { field: 'colour', op: 'equals', value: 'red' },
          { field: 'score', op: 'range', min: 80, max: 20 },
          { field: 'arrival.hour', op: 'range', min: 0, max: 24 },
          { field: 'source', op: 'like', value: 'x' },
        ],
      },
      {
        ...makeRule('lottery' as DistributionRule['method'], { id: 'x' }),
        conditions: [{ field: 'region', op: 'in', values: [] }],
        target: { kind: 'tier', tiers: ['boss'] },
        options: { fairnessTolerance: 2 },
      },
      fallback,
    ];
    expect(codes(rules)).toEqual([
      '[0].conditions[0].field unknown-field',
      '[0].conditions[1].max min-above-max',
      '[0].conditions[2].max bad-hour',
      '[0].conditions[3].op unknown-op',
      '[1].id duplicate-id',
      '[1].method unknown-method',
      '[1].conditions[0].values bad-values',
      '[1].target.tiers[0] unknown-tier',
      '[1].options.fairnessTolerance bad-fraction',
    ]);
  });

  it('flags a catch-all rule that hides the rules after it', () => {
    expect(codes([makeRule('manual', { id: 'early' }), fallback])).toEqual([
      '[0].conditions shadows-later-rules',
    ]);
  });

  it('checks working hours', () => {
    expect(
      validateWorkingHours({ days: [1, 2, 8], from: '9:00', to: '25:00' }, 'teamDefault').map((p) => p.path),
    ).toEqual(['teamDefault.days', 'teamDefault.to']);
  });
});
