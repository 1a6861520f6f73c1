import { describe, expect, it } from 'vitest';
import { defaultScoringModel } from '../../../../core/domain/scoring/default-model';
import type { Criterion, ScoringModel } from '../../../../core/domain/scoring/model';
import { validateScoringModel } from '../../../../core/domain/scoring/validate';

const base = defaultScoringModel();
const withCriterion = (patch: Record<string, unknown>, index = 0): unknown => ({
  ...base,
  criteria: base.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)),
});
const codesAt = (model: unknown) => validateScoringModel(model).map((p) => `${p.path}:${p.code}`);

describe('validateScoringModel', () => {
  it('accepts the default model', () => {
    expect(validateScoringModel(base)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    [
      'a negative weight',
      { ...base, dimensions: { ...base.dimensions, fit: { weight: -1, cap: 100 } } },
      'dimensions.fit.weight:bad_weight',
    ],
    [
      'all weights zero',
      {
        ...base,
        dimensions: {
          fit: { weight: 0, cap: 1 },
          behaviour: { weight: 0, cap: 1 },
          need: { weight: 0, cap: 1 },
        },
      },
      'dimensions:no_weight',
    ],
    [
      'a zero cap',
      { ...base, dimensions: { ...base.dimensions, need: { weight: 1, cap: 0 } } },
      'dimensions.need.cap:bad_cap',
    ],
    [
      'a missing dimension',
      { ...base, dimensions: { fit: base.dimensions.fit, need: base.dimensions.need } },
      'dimensions.behaviour:bad_weight',
    ],
    [
      'unordered thresholds',
      { ...base, thresholds: { a: 60, b: 80, c: 40 } },
      'thresholds:unordered_thresholds',
    ],
    ['equal thresholds', { ...base, thresholds: { a: 80, b: 80, c: 40 } }, 'thresholds:unordered_thresholds'],
    [
      'a fractional threshold',
      { ...base, thresholds: { a: 80.5, b: 60, c: 40 } },
      'thresholds.a:bad_threshold',
    ],
    [
      'a threshold above 100',
      { ...base, thresholds: { a: 101, b: 60, c: 40 } },
      'thresholds.a:bad_threshold',
    ],
    ['a zero half-life', { ...base, halfLifeDays: 0 }, 'halfLifeDays:bad_half_life'],
    ['version 0', { ...base, version: 0 }, 'version:bad_version'],
    ['an empty id', withCriterion({ id: '  ' }), 'criteria[0].id:empty_id'],
    ['an unknown dimension', withCriterion({ dimension: 'luck' }), 'criteria[0].dimension:unknown_dimension'],
    ['an unknown operator', withCriterion({ operator: 'regex' }), 'criteria[0].operator:unknown_operator'],
    ['an unknown field', withCriterion({ field: 'salary' }), 'criteria[0].field:unknown_field'],
    ['a custom field without key', withCriterion({ field: 'custom.' }), 'criteria[0].field:unknown_field'],
    ['non-numeric points', withCriterion({ points: 'ten' }), 'criteria[0].points:bad_points'],
    ['an empty keyword list', withCriterion({ value: [] }), 'criteria[0].value:bad_value'],
    ['an empty keyword', withCriterion({ value: ['总监', ''] }), 'criteria[0].value:bad_value'],
    [
      'a range with min above max',
      withCriterion({ operator: 'range', field: 'companySize', value: { min: 500, max: 100 } }),
      'criteria[0].value:bad_value',
    ],
    [
      'a range with no bounds',
      withCriterion({ operator: 'range', field: 'companySize', value: {} }),
      'criteria[0].value:bad_value',
    ],
    [
      'an unknown event kind',
      withCriterion({ operator: 'event', field: 'events', value: 'tweet' }),
      'criteria[0].value:bad_value',
    ],
    [
      'an event cap of zero',
      withCriterion({ operator: 'event', field: 'events', value: 'visit', maxEvents: 0 }),
      'criteria[0].maxEvents:bad_max_events',
    ],
    [
      'a negative event half-life',
      withCriterion({ operator: 'event', field: 'events', value: 'visit', halfLifeDays: -3 }),
      'criteria[0].halfLifeDays:bad_half_life',
    ],
    ['criteria that is not a list', { ...base, criteria: 'none' }, 'criteria:bad_value'],
  ])('reports %s', (_name, model, expected) => {
    expect(codesAt(model)).toContain(expected);
  });

  it('reports a duplicate id at the second occurrence and names the first', () => {
    const first = base.criteria[0] as Criterion;
    const model: ScoringModel = { ...base, criteria: [...base.criteria, { ...first }] };
    const problems = validateScoringModel(model);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: `criteria[${base.criteria.length}].id`, code: 'duplicate_id' });
    expect(problems[0]?.message).toContain('criteria[0]');
  });

  it('reports every problem at once rather than stopping at the first', () => {
    const model = { ...base, halfLifeDays: -1, thresholds: { a: 10, b: 20, c: 30 }, version: 0 };
    expect(codesAt(model)).toEqual([
      'version:bad_version',
      'halfLifeDays:bad_half_life',
      'thresholds:unordered_thresholds',
    ]);
  });

  it('answers with a problem rather than throwing on garbage', () => {
    expect(codesAt(null)).toEqual([':not_object']);
    expect(codesAt({ criteria: [null] })).toContain('criteria[0]:not_object');
  });
});
