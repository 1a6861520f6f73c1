// What each distribution method does with the leads a rule sends it: round-robin, weighted, load-balanced,
// tier ladder, skill match, teams, the public pool and manual.
import { describe, expect, it } from 'vitest';
import { distributeBatch, distributeLead } from '../../../../core/domain/distribution/engine';
import { explanationSummary } from '../../../../core/domain/distribution/explanation-summary';
import type { DistributionRule } from '../../../../core/domain/distribution/types';
import { asRepId } from '../../../../core/domain/ids';
import { NOW, countBy, makeLead, makeLeads, makeRep, makeReps, makeRule } from './fixtures';

describe('round-robin', () => {
  it('keeps every rep within one lead of the others', () => {
    for (const repCount of [1, 2, 3, 7, 10]) {
      for (const leadCount of [1, 5, 23, 100]) {
        const result = distributeBatch({
          leads: makeLeads(leadCount),
          reps: makeReps(repCount),
          rules: [makeRule('round-robin')],
          now: NOW,
          seed: 3,
        });
        const counts = [...countBy(result.assignments, (a) => a.repId).values()];
        while (counts.length < Math.min(repCount, leadCount)) counts.push(0);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('continues after the rep served last and skips unavailable reps', () => {
    const reps = makeReps(4, (i) => ({ isOutOfOffice: i === 2 }));
    const state = {
      pointers: { 'r-round-robin': asRepId('R001') },
      credits: {},
      openLoads: {},
      assignedToday: {},
    };
    const result = distributeBatch({
      leads: makeLeads(3),
      reps,
      rules: [makeRule('round-robin')],
      state,
      now: NOW,
      seed: 1,
    });
    expect(result.assignments.map((a) => a.repId)).toEqual(['R003', 'R000', 'R001']);
    expect(result.assignments[0]?.explanation.methodState).toEqual({
      method: 'round-robin',
      pointerBefore: 'R001',
      pointerAfter: 'R003',
      skipped: ['R002'],
    });
    expect(result.state.pointers['r-round-robin']).toBe('R001');
  });
});

describe('weighted', () => {
  it('gives each rep its weight share within 5% over 10k leads', () => {
    const weights = [1, 2, 3, 4, 10];
    const reps = makeReps(weights.length, (i) => ({ weight: weights[i] ?? 1 }));
    const result = distributeBatch({
      leads: makeLeads(10_000),
      reps,
      rules: [makeRule('weighted')],
      now: NOW,
      seed: 9,
      options: { explain: 'compact' },
    });
    const counts = countBy(result.assignments, (a) => a.repId);
    const total = weights.reduce((a, b) => a + b, 0);
    reps.forEach((rep, i) => {
      const expected = (10_000 * (weights[i] ?? 0)) / total;
      expect(Math.abs((counts.get(rep.id) ?? 0) - expected) / expected).toBeLessThanOrEqual(0.05);
    });
  });

  it('weights by recent conversion with a floor when asked', () => {
    const reps = makeReps(3);
    const rule = makeRule('weighted', { options: { weightSource: 'conversion', conversionFloor: 0.1 } });
    const conversionStats = {
      R000: { assigned: 100, won: 30 },
      R001: { assigned: 100, won: 10 },
      R002: { assigned: 100, won: 0 },
    };
    const result = distributeBatch({
      leads: makeLeads(500),
      reps,
      rules: [rule],
      now: NOW,
      seed: 1,
      conversionStats,
      options: { explain: 'compact' },
    });
    const counts = countBy(result.assignments, (a) => a.repId);
    expect(counts.get('R000')).toBe(300);
    expect(counts.get('R001')).toBe(100);
    expect(counts.get('R002')).toBe(100);
  });
});

describe('load-balanced', () => {
  it('keeps max − min open load within one when caps allow', () => {
    const reps = makeReps(6, () => ({ capOpen: 100 }));
    const openLoads = { R000: 5, R001: 0, R002: 3, R003: 0, R004: 1, R005: 2 };
    const result = distributeBatch({
      leads: makeLeads(200),
      reps,
      rules: [makeRule('load-balanced')],
      state: { pointers: {}, credits: {}, openLoads, assignedToday: {} },
      now: NOW,
      seed: 5,
    });
    const loads = Object.values(result.state.openLoads);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('fills reps in proportion to their open cap', () => {
    const reps = [makeRep('a', { capOpen: 10 }), makeRep('b', { capOpen: 30 })];
    const result = distributeBatch({
      leads: makeLeads(40),
      reps,
      rules: [makeRule('load-balanced')],
      now: NOW,
      seed: 5,
    });
    expect(result.state.openLoads).toEqual({ a: 10, b: 30 });
  });
});

describe('score-tier ladder', () => {
  const reps = [
    makeRep('s1', { tier: 'senior' }),
    makeRep('m1', { tier: 'mid' }),
    makeRep('j1', { tier: 'junior' }),
  ];

  it('sends A leads to seniors, B to mid and C/D to juniors', () => {
    const leads = (['A', 'B', 'C', 'D'] as const).map((grade, i) =>
      makeLead(`l${i}`, { grade, createdAt: NOW - 10 + i }),
    );
    const result = distributeBatch({ leads, reps, rules: [makeRule('tier-ladder')], now: NOW, seed: 1 });
    expect(result.assignments.map((a) => a.repId)).toEqual(['s1', 'm1', 'j1', 'j1']);
  });

  it('falls back to the nearest tier when nobody in the wanted tier is available, and says so', () => {
    const away = reps.map((rep) => (rep.tier === 'senior' ? { ...rep, isOutOfOffice: true } : rep));
    const { assignment } = distributeLead({
      lead: makeLead('x', { grade: 'A' }),
      reps: away,
      rules: [makeRule('tier-ladder')],
      now: NOW,
      seed: 1,
    });
    expect(assignment.repId).toBe('m1');
    expect(assignment.explanation.methodState).toMatchObject({
      method: 'tier-ladder',
      wantedTier: 'senior',
      usedTier: 'mid',
      fellBack: true,
    });
    expect(explanationSummary(assignment.explanation).tokens).toContainEqual({
      key: 'method.tier-ladder.fallback',
      params: { wanted: 'senior', used: 'mid' },
    });
  });

  it('follows a configured grade map', () => {
    const rule = makeRule('tier-ladder', { options: { tierMap: { D: 'senior' } } });
    const { assignment } = distributeLead({
      lead: makeLead('x', { grade: 'D' }),
      reps,
      rules: [rule],
      now: NOW,
      seed: 1,
    });
    expect(assignment.repId).toBe('s1');
  });
});

describe('skill match', () => {
  it('prefers the rep whose skills cover the lead’s industry and product', () => {
    const reps = [
      makeRep('a', { skills: ['SaaS'] }),
      makeRep('b', { skills: ['saas', 'CRM'] }),
      makeRep('c'),
    ];
    const { assignment } = distributeLead({
      lead: makeLead('x', { industry: 'SaaS', product: 'crm' }),
      reps,
      rules: [makeRule('skill-match')],
      now: NOW,
      seed: 1,
    });
    expect(assignment.repId).toBe('b');
    expect(assignment.explanation.candidates[1]?.rank).toMatchObject({
      method: 'skill-match',
      overlap: 2,
      matched: ['saas', 'crm'],
    });
  });

  it('leaves the lead in the pool when nobody matches and the rule says so', () => {
    const rule = makeRule('skill-match', { options: { skillFallback: 'pool' } });
    const { assignment } = distributeLead({
      lead: makeLead('x', { industry: 'mining' }),
      reps: makeReps(2),
      rules: [rule],
      now: NOW,
      seed: 1,
    });
    expect(assignment.outcome).toBe('pool');
    expect(assignment.poolReason).toBe('no-skill-match');
  });
});

describe('team', () => {
  it('names a primary owner and co-owners for a key account', () => {
    const reps = [
      makeRep('a', { tier: 'junior' }),
      makeRep('b', { tier: 'senior', skills: ['finance'] }),
      makeRep('c', { tier: 'senior' }),
      makeRep('d', { tier: 'mid' }),
    ];
    const rule: DistributionRule = makeRule('team', {
      conditions: [{ field: 'companySize', op: 'range', min: 1000 }],
      options: { coOwnerCount: 2 },
    });
    const fallback = makeRule('round-robin', { id: 'fallback' });
    const result = distributeBatch({
      leads: [makeLead('big', { companySize: 5000, industry: 'finance' })],
      reps,
      rules: [rule, fallback],
      now: NOW,
      seed: 1,
    });
    const assignment = result.assignments[0];
    expect(assignment?.repId).toBe('b');
    expect(assignment?.coOwnerIds).toEqual(['c', 'd']);
    expect(result.state.openLoads).toEqual({ a: 0, b: 1, c: 1, d: 1 });
  });

  it('uses fixed co-owners when the rule names them', () => {
    const rule = makeRule('team', { options: { coOwnerRepIds: [asRepId('R002')] } });
    const { assignment } = distributeLead({
      lead: makeLead('x'),
      reps: makeReps(3),
      rules: [rule],
      now: NOW,
      seed: 1,
    });
    expect(assignment.coOwnerIds).toEqual(['R002']);
    expect(assignment.repId).not.toBe('R002');
  });
});

describe('public pool and manual', () => {
  it('leaves a lead for claiming when the rule says public pool', () => {
    const { assignment, state } = distributeLead({
      lead: makeLead('x'),
      reps: makeReps(2),
      rules: [makeRule('public-pool')],
      now: NOW,
      seed: 1,
    });
    expect(assignment).toMatchObject({ outcome: 'pool', repId: null, poolReason: 'rule-public-pool' });
    expect(state.openLoads).toEqual({ R000: 0, R001: 0 });
  });

  it('queues a lead for the team lead when the rule says manual, listing who could take it', () => {
    const { assignment } = distributeLead({
      lead: makeLead('x'),
      reps: makeReps(2, (i) => ({ isActive: i === 0 })),
      rules: [makeRule('manual')],
      now: NOW,
      seed: 1,
    });
    expect(assignment).toMatchObject({ outcome: 'manual', repId: null, poolReason: null });
    expect(assignment.explanation.eligibleCount).toBe(1);
    expect(explanationSummary(assignment.explanation).text).toContain('queued for the team lead');
  });
});
