import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../core/domain/clock';
import { asLeadId } from '../../../../core/domain/ids';
import type { BehaviourEvent } from '../../../../core/domain/lead';
import { defaultScoringModel } from '../../../../core/domain/scoring/default-model';
import { compileScoringModel, scoreLead, scoreLeads } from '../../../../core/domain/scoring/engine';
import { gradeForScore } from '../../../../core/domain/scoring/grade';
import type { Criterion } from '../../../../core/domain/scoring/model';
import { leadArb, makeLead, makeModel, modelArb, NOW } from './lead-fixtures';

const downloadsAt = (...daysAgo: number[]): BehaviourEvent[] =>
  daysAgo.map((d) => ({ kind: 'download', at: NOW - d * DAY_MS }));

describe('score explanations', () => {
  it('adds its integer parts up to exactly the score, always within 0..100, for any lead and model', () => {
    fc.assert(
      fc.property(leadArb, modelArb, (lead, model) => {
        const result = scoreLead(lead, model, NOW);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.parts.reduce((s, p) => s + p.points, 0)).toBe(result.score);
        for (const p of result.parts) expect(Number.isInteger(p.points)).toBe(true);
        expect(result.grade).toBe(gradeForScore(result.score, model.thresholds));
        const dims = result.dimensions;
        expect(dims.fit.points + dims.behaviour.points + dims.need.points).toBe(result.score);
      }),
      { numRuns: 500 },
    );
  });

  it('rounds each part to within one point of its exact share', () => {
    fc.assert(
      fc.property(leadArb, modelArb, (lead, model) => {
        for (const p of scoreLead(lead, model, NOW).parts)
          expect(Math.abs(p.points - p.exactPoints)).toBeLessThan(1);
      }),
      { numRuns: 200 },
    );
  });

  it('splits three equal thirds into integer parts that still sum to the rounded total', () => {
    const model = makeModel(
      ['a', 'b', 'c'].map(
        (id) => ({ id, dimension: 'fit', field: 'title', operator: 'exists', points: 1 }) as Criterion,
      ),
      {
        dimensions: {
          fit: { weight: 1, cap: 3 },
          behaviour: { weight: 0, cap: 1 },
          need: { weight: 0, cap: 1 },
        },
      },
    );
    const result = scoreLead(makeLead({ title: 'CEO' }), model, NOW);
    expect(result.score).toBe(100);
    expect(result.parts.map((p) => p.points).sort()).toEqual([33, 33, 34]);
  });

  it('describes each fired criterion with its id, dimension, field, operator, value and the user label', () => {
    const model = makeModel([
      {
        id: 'dm',
        label: '决策层',
        dimension: 'fit',
        field: 'title',
        operator: 'keywords',
        value: ['总经理', 'CEO'],
        points: 30,
      },
      { id: 'never', dimension: 'fit', field: 'industry', operator: 'equals', value: '金融', points: 30 },
    ]);
    const [part, ...rest] = scoreLead(makeLead({ title: '集团总经理' }), model, NOW).parts;
    expect(rest).toEqual([]);
    expect(part).toMatchObject({
      criterionId: 'dm',
      label: '决策层',
      dimension: 'fit',
      field: 'title',
      operator: 'keywords',
      value: ['总经理', 'CEO'],
      points: 30,
      detail: { leadValue: '集团总经理', matchedKeywords: ['总经理'] },
    });
  });

  it('lists parts in model order whatever the mix of field and behaviour criteria', () => {
    const model = makeModel([
      { id: 'visit', dimension: 'fit', field: 'events', operator: 'event', value: 'visit', points: 5 },
      { id: 'title', dimension: 'fit', field: 'title', operator: 'exists', points: 5 },
      { id: 'download', dimension: 'fit', field: 'events', operator: 'event', value: 'download', points: 5 },
    ]);
    const lead = makeLead({
      title: 'x',
      events: [
        { kind: 'visit', at: NOW },
        { kind: 'download', at: NOW },
      ],
    });
    expect(scoreLead(lead, model, NOW).parts.map((p) => p.criterionId)).toEqual([
      'visit',
      'title',
      'download',
    ]);
  });
});

describe('grade boundaries', () => {
  it.each([
    [100, 'A'],
    [81, 'A'],
    [80, 'B'],
    [79, 'B'],
    [60, 'B'],
    [59, 'C'],
    [40, 'C'],
    [39, 'D'],
    [0, 'D'],
  ] as const)('grades score %i as %s with the default thresholds', (score, grade) => {
    expect(gradeForScore(score)).toBe(grade);
  });

  it.each([
    [91, 'A'],
    [90, 'B'],
    [70, 'B'],
    [69, 'C'],
    [50, 'C'],
    [49, 'D'],
  ] as const)('grades score %i as %s with thresholds 90/70/50', (score, grade) => {
    expect(gradeForScore(score, { a: 90, b: 70, c: 50 })).toBe(grade);
  });

  it.each([79, 80, 81, 59, 60, 39, 40])(
    'gives a lead worth exactly %i points that score and its grade',
    (points) => {
      const model = makeModel([{ id: 'x', dimension: 'fit', field: 'title', operator: 'exists', points }]);
      const result = scoreLead(makeLead({ title: 'x' }), model, NOW);
      expect(result.score).toBe(points);
      expect(result.grade).toBe(gradeForScore(points));
    },
  );
});

describe('criteria operators', () => {
  const lead = makeLead({
    title: '  销售总监 ',
    industry: 'Software',
    companySize: 200,
    needs: '想了解CRM和线索管理',
    bant: { budget: 300_000, authority: 'decision_maker' },
    customFields: { tier: 'Gold', score: '42' },
  });
  it.each<[string, Omit<Criterion, 'id' | 'dimension' | 'points'>, boolean]>([
    ['equals ignores case and spaces', { field: 'industry', operator: 'equals', value: ' software' }, true],
    ['equals misses a different value', { field: 'industry', operator: 'equals', value: 'soft' }, false],
    ['equals compares numbers', { field: 'companySize', operator: 'equals', value: 200 }, true],
    [
      'equals compares numbers given as text',
      { field: 'companySize', operator: 'equals', value: '200' },
      true,
    ],
    [
      'equals reads BANT fields',
      { field: 'bant.authority', operator: 'equals', value: 'decision_maker' },
      true,
    ],
    ['equals reads custom fields', { field: 'custom.tier', operator: 'equals', value: 'gold' }, true],
    ['in matches any entry', { field: 'industry', operator: 'in', value: ['制造', 'SOFTWARE'] }, true],
    ['in needs a whole-value match', { field: 'industry', operator: 'in', value: ['soft'] }, false],
    ['contains finds a substring', { field: 'title', operator: 'contains', value: '总监' }, true],
    ['contains misses an absent substring', { field: 'title', operator: 'contains', value: '经理' }, false],
    [
      'range includes its min',
      { field: 'companySize', operator: 'range', value: { min: 200, max: 1000 } },
      true,
    ],
    [
      'range excludes its max',
      { field: 'companySize', operator: 'range', value: { min: 50, max: 200 } },
      false,
    ],
    ['range works open-ended', { field: 'bant.budget', operator: 'range', value: { min: 100_000 } }, true],
    [
      'range parses numeric custom text',
      { field: 'custom.score', operator: 'range', value: { max: 50 } },
      true,
    ],
    ['range never fires on text', { field: 'industry', operator: 'range', value: { min: 0 } }, false],
    ['exists fires on a present field', { field: 'needs', operator: 'exists' }, true],
    ['exists misses an empty field', { field: 'region', operator: 'exists' }, false],
    ['exists misses an absent custom field', { field: 'custom.nope', operator: 'exists' }, false],
    [
      'keywords matches any keyword, case-insensitive',
      { field: 'needs', operator: 'keywords', value: ['erp', 'crm'] },
      true,
    ],
    [
      'keywords treats regex characters literally',
      { field: 'needs', operator: 'keywords', value: ['c.m', '.*'] },
      false,
    ],
    [
      'keywords misses when none appear',
      { field: 'needs', operator: 'keywords', value: ['ERP', '报表'] },
      false,
    ],
  ])('%s', (_name, partial, fires) => {
    const criterion = { id: 'c', dimension: 'fit', points: 10, ...partial } as Criterion;
    const result = scoreLead(lead, makeModel([criterion]), NOW);
    expect(result.score).toBe(fires ? 10 : 0);
    expect(result.parts.length).toBe(fires ? 1 : 0);
  });
});

describe('behaviour decay and caps', () => {
  const downloadCriterion = (extra: Partial<Criterion> = {}): Criterion =>
    ({
      id: 'dl',
      dimension: 'fit',
      field: 'events',
      operator: 'event',
      value: 'download',
      points: 40,
      ...extra,
    }) as Criterion;

  it('counts an event at full value today, half at the half-life and a quarter at twice the half-life', () => {
    const model = makeModel([downloadCriterion({ halfLifeDays: 7 } as Partial<Criterion>)]);
    expect(scoreLead(makeLead({ events: downloadsAt(0) }), model, NOW).score).toBe(40);
    expect(scoreLead(makeLead({ events: downloadsAt(7) }), model, NOW).parts[0]?.rawPoints).toBeCloseTo(
      20,
      9,
    );
    expect(scoreLead(makeLead({ events: downloadsAt(14) }), model, NOW).parts[0]?.rawPoints).toBeCloseTo(
      10,
      9,
    );
  });

  it("uses the model's half-life when the criterion has none, and no decay when it is null", () => {
    const fallback = makeModel([downloadCriterion()], { halfLifeDays: 30 });
    expect(scoreLead(makeLead({ events: downloadsAt(30) }), fallback, NOW).score).toBe(20);
    const none = makeModel([downloadCriterion({ halfLifeDays: null } as Partial<Criterion>)]);
    expect(scoreLead(makeLead({ events: downloadsAt(300) }), none, NOW).score).toBe(40);
  });

  it('counts only the most recent events up to the event cap', () => {
    const model = makeModel([
      downloadCriterion({ points: 10, halfLifeDays: null, maxEvents: 3 } as Partial<Criterion>),
    ]);
    const result = scoreLead(makeLead({ events: downloadsAt(1, 2, 3, 4, 5, 6) }), model, NOW);
    expect(result.score).toBe(30);
    expect(result.parts[0]?.detail).toMatchObject({ eventCount: 6, countedEvents: 3 });
  });

  it('keeps the freshest events when capping decayed events', () => {
    const model = makeModel([downloadCriterion({ halfLifeDays: 10, maxEvents: 1 } as Partial<Criterion>)]);
    expect(scoreLead(makeLead({ events: downloadsAt(100, 0, 50) }), model, NOW).score).toBe(40);
  });

  it('never lets a dimension exceed its cap', () => {
    const model = makeModel(
      [
        { id: 'a', dimension: 'fit', field: 'title', operator: 'exists', points: 60 },
        { id: 'b', dimension: 'fit', field: 'industry', operator: 'exists', points: 60 },
        { id: 'c', dimension: 'need', field: 'needs', operator: 'exists', points: 10 },
      ],
      {
        dimensions: {
          fit: { weight: 50, cap: 100 },
          behaviour: { weight: 0, cap: 100 },
          need: { weight: 50, cap: 100 },
        },
      },
    );
    const result = scoreLead(makeLead({ title: 'x', industry: 'y', needs: 'z' }), model, NOW);
    expect(result.dimensions.fit).toMatchObject({ raw: 120, counted: 100, points: 50 });
    expect(result.score).toBe(55);
    expect(result.parts[0]?.detail?.dimensionClamp).toBe('cap');
  });

  it('lets a penalty lower a dimension but never below zero', () => {
    const model = makeModel([
      { id: 'good', dimension: 'fit', field: 'title', operator: 'exists', points: 30 },
      { id: 'intern', dimension: 'fit', field: 'title', operator: 'contains', value: '实习', points: -50 },
    ]);
    expect(scoreLead(makeLead({ title: '经理' }), model, NOW).score).toBe(30);
    const penalised = scoreLead(makeLead({ title: '实习生' }), model, NOW);
    expect(penalised.score).toBe(0);
    expect(penalised.parts.map((p) => p.points)).toEqual([0, 0]);
  });

  it('counts a future-dated event as fresh, not as more than fresh', () => {
    const model = makeModel([downloadCriterion()]);
    expect(
      scoreLead(makeLead({ events: [{ kind: 'download', at: NOW + 5 * DAY_MS }] }), model, NOW).score,
    ).toBe(40);
  });
});

describe('default model and batch scoring', () => {
  it('grades a hot decision-maker lead A and an empty lead D', () => {
    const model = defaultScoringModel();
    const hot = makeLead({
      title: '总经理',
      industry: '制造业',
      region: '上海',
      companySize: 1200,
      product: 'CRM',
      needs: '急需CRM做线索管理，本月采购',
      wechat: 'wx123',
      bant: { budget: 800_000, authority: 'decision_maker', need: 'high', timeline: 'now' },
      events: [
        ...downloadsAt(1, 3),
        { kind: 'event', at: NOW - 2 * DAY_MS },
        { kind: 'call_in', at: NOW - DAY_MS },
      ],
    });
    expect(scoreLead(hot, model, NOW).grade).toBe('A');
    expect(scoreLead(makeLead(), model, NOW)).toMatchObject({ score: 0, grade: 'D', parts: [] });
  });

  it('scores a batch with the same score and grade as each lead alone, in input order', () => {
    const leads = fc
      .sample(leadArb, { numRuns: 50, seed: 7 })
      .map((l, i) => ({ ...l, id: asLeadId(`l${i}`) }));
    const model = defaultScoringModel();
    const one = compileScoringModel(model);
    const expected = leads.map((l) => ({ leadId: l.id, score: one(l, NOW).score, grade: one(l, NOW).grade }));
    expect(scoreLeads(leads, model, NOW)).toEqual(expected);
  });

  it('summarizes any lead with exactly the score and grade of its full explanation', () => {
    fc.assert(
      fc.property(leadArb, modelArb, (lead, model) => {
        const scorer = compileScoringModel(model);
        const full = scorer(lead, NOW);
        expect(scorer.summarize(lead, NOW)).toEqual({
          leadId: lead.id,
          score: full.score,
          grade: full.grade,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('records the model version on every score', () => {
    const model = { ...defaultScoringModel(), version: 7 };
    expect(scoreLead(makeLead(), model, NOW).modelVersion).toBe(7);
  });
});

describe('hostile input', () => {
  it('ignores events of unknown kinds, even ones named like object properties', () => {
    const model = defaultScoringModel();
    const lead = makeLead({ events: [{ kind: 'constructor', at: NOW } as unknown as BehaviourEvent] });
    expect(scoreLead(lead, model, NOW).score).toBe(0);
  });

  it('reads only own custom fields, never inherited ones', () => {
    const model = makeModel([
      { id: 'c', dimension: 'fit', field: 'custom.toString', operator: 'exists', points: 10 },
    ]);
    expect(scoreLead(makeLead(), model, NOW).score).toBe(0);
  });
});
