// Test helpers: a blank Lead with overrides, and arbitrary leads and models for property tests.
import { blankLead } from '../../../helpers/blank-lead';
import fc from 'fast-check';
import { DAY_MS } from '../../../../core/domain/clock';
import type { BehaviourEvent, Lead } from '../../../../core/domain/lead';
import { BEHAVIOUR_KINDS } from '../../../../core/domain/lead';
import type { Criterion, ScoringModel } from '../../../../core/domain/scoring/model';
import { SCORING_DIMENSIONS } from '../../../../core/domain/scoring/model';

export const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

/** A lead with nothing filled in, plus the given overrides. */
export function makeLead(overrides: Partial<Lead> = {}): Lead {
  return blankLead('lead-1', {
    name: '张三',
    createdAt: NOW - 10 * DAY_MS,
    updatedAt: NOW - 10 * DAY_MS,
    ...overrides,
  });
}

/** A model with one dimension carrying all the weight, so points map 1:1 to the score when cap is 100. */
export function makeModel(criteria: Criterion[], overrides: Partial<ScoringModel> = {}): ScoringModel {
  return {
    version: 1,
    name: 'test',
    dimensions: {
      fit: { weight: 1, cap: 100 },
      behaviour: { weight: 0, cap: 100 },
      need: { weight: 0, cap: 100 },
    },
    halfLifeDays: 30,
    criteria,
    thresholds: { a: 80, b: 60, c: 40 },
    ...overrides,
  };
}

const WORDS = ['制造', '软件', '金融', '总经理', '经理', '工程师', '上海', '北京', 'CRM', 'ERP', 'abc', ''];
const word = fc.constantFrom(...WORDS);
const maybeWord = fc.option(word, { nil: null });

const eventArb: fc.Arbitrary<BehaviourEvent> = fc.record({
  kind: fc.constantFrom(...BEHAVIOUR_KINDS),
  at: fc.integer({ min: NOW - 400 * DAY_MS, max: NOW + DAY_MS }),
});

export const leadArb: fc.Arbitrary<Lead> = fc
  .record({
    title: maybeWord,
    industry: maybeWord,
    region: maybeWord,
    needs: fc.option(
      fc.array(word, { maxLength: 4 }).map((ws) => ws.join(' ')),
      { nil: null },
    ),
    product: maybeWord,
    companySize: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: null }),
    budget: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }),
    authority: fc.option(fc.constantFrom('decision_maker', 'influencer', 'user' as const), { nil: null }),
    custom: fc.option(word, { nil: undefined }),
    events: fc.array(eventArb, { maxLength: 12 }),
  })
  .map((r) =>
    makeLead({
      title: r.title,
      industry: r.industry,
      region: r.region,
      needs: r.needs,
      product: r.product,
      companySize: r.companySize,
      bant: { budget: r.budget, authority: r.authority },
      customFields: r.custom === undefined ? {} : { tier: r.custom },
      events: r.events,
    }),
  );

const textField = fc.constantFrom(
  'title',
  'industry',
  'region',
  'needs',
  'product',
  'bant.authority',
  'custom.tier',
);
const numField = fc.constantFrom('companySize', 'bant.budget');
const dimension = fc.constantFrom(...SCORING_DIMENSIONS);
const points = fc.integer({ min: -30, max: 60 });

const criterionArb: fc.Arbitrary<Omit<Criterion, 'id'>> = fc.oneof(
  fc.record({ dimension, points, field: textField, operator: fc.constant('equals' as const), value: word }),
  fc.record({
    dimension,
    points,
    field: textField,
    operator: fc.constant('in' as const),
    value: fc.array(word, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ dimension, points, field: textField, operator: fc.constant('contains' as const), value: word }),
  fc.record({
    dimension,
    points,
    field: textField,
    operator: fc.constant('keywords' as const),
    value: fc.array(word, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    dimension,
    points,
    field: fc.oneof(textField, numField),
    operator: fc.constant('exists' as const),
  }),
  fc.record({
    dimension,
    points,
    field: numField,
    operator: fc.constant('range' as const),
    value: fc.record({
      min: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
      max: fc.option(fc.integer({ min: 5000, max: 2_000_000 }), { nil: null }),
    }),
  }),
  fc.record({
    dimension,
    points,
    field: fc.constant('events' as const),
    operator: fc.constant('event' as const),
    value: fc.constantFrom(...BEHAVIOUR_KINDS),
    halfLifeDays: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
    maxEvents: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  }),
);

const dimensionSettings = fc.record({
  weight: fc.integer({ min: 0, max: 100 }),
  cap: fc.integer({ min: 1, max: 200 }),
});

export const modelArb: fc.Arbitrary<ScoringModel> = fc
  .record({
    criteria: fc.array(criterionArb, { maxLength: 30 }),
    fit: dimensionSettings,
    behaviour: dimensionSettings,
    need: dimensionSettings,
    halfLifeDays: fc.integer({ min: 1, max: 90 }),
  })
  .map((r) => ({
    version: 1,
    name: 'random',
    dimensions: { fit: r.fit, behaviour: r.behaviour, need: r.need },
    halfLifeDays: r.halfLifeDays,
    criteria: r.criteria.map((c, i) => ({ ...c, id: `c${i}` }) as Criterion),
    thresholds: { a: 80, b: 60, c: 40 },
  }));
