// Which rep a lead may go to before any method chooses: existing-customer affinity, recycle exclusions, working
// hours, the rule pipeline, and the explanation that says so.
import { describe, expect, it } from 'vitest';
import { distributeBatch, distributeLead } from '../../../../core/domain/distribution/engine';
import { explanationSummary } from '../../../../core/domain/distribution/explanation-summary';
import type { DistributionRule } from '../../../../core/domain/distribution/types';
import { asRepId } from '../../../../core/domain/ids';
import { NOW, makeLead, makeLeads, makeReps, makeRule } from './fixtures';

describe('existing-customer affinity', () => {
  it('gives the lead to the rep who owns the customer, ahead of the method', () => {
    const reps = makeReps(3);
    const { assignment } = distributeLead({
      lead: makeLead('x', { company: '  Acme  Ltd ' }),
      reps,
      rules: [makeRule('round-robin')],
      now: NOW,
      seed: 1,
      affinity: { byCompany: { 'acme ltd': asRepId('R002') } },
    });
    expect(assignment.repId).toBe('R002');
    expect(assignment.explanation.method).toBe('affinity');
    expect(assignment.explanation.affinity).toEqual({
      kind: 'company',
      repId: 'R002',
      honored: true,
      stepId: null,
      stepIndex: null,
      ownerKeeps: false,
    });
  });

  it('lets a rule ignore affinity', () => {
    const { assignment } = distributeLead({
      lead: makeLead('x'),
      reps: makeReps(3),
      rules: [makeRule('round-robin', { ignoreAffinity: true })],
      now: NOW,
      seed: 1,
      affinity: { byLead: { x: asRepId('R002') } },
    });
    expect(assignment.repId).toBe('R000');
    expect(assignment.explanation.affinity).toMatchObject({
      honored: false,
      why: { code: 'ignored-by-rule' },
    });
  });

  it('falls back to the method when the owner is on leave, and says so', () => {
    const reps = makeReps(2, (i) => ({ leave: i === 1 ? [{ from: '2026-03-01', to: '2026-03-09' }] : [] }));
    const { assignment } = distributeLead({
      lead: makeLead('x'),
      reps,
      rules: [makeRule('round-robin')],
      now: NOW,
      seed: 1,
      affinity: { byLead: { x: asRepId('R001') } },
    });
    expect(assignment.repId).toBe('R000');
    expect(assignment.explanation.affinity).toMatchObject({ honored: false, why: { code: 'on-leave' } });
  });
});

describe('recycled leads', () => {
  it('never go back to the rep they were recycled from, nor to excluded reps', () => {
    const reps = makeReps(3);
    const leads = makeLeads(30, () => ({
      recycledFromRepId: asRepId('R000'),
      excludeRepIds: [asRepId('R001')],
    }));
    const result = distributeBatch({ leads, reps, rules: [makeRule('round-robin')], now: NOW, seed: 1 });
    expect(new Set(result.assignments.map((a) => a.repId))).toEqual(new Set(['R002']));
    expect(result.assignments[0]?.explanation.candidates.map((c) => c.exclusion?.code)).toEqual([
      'recycled-from',
      'excluded',
      undefined,
    ]);
  });
});

describe('working hours', () => {
  const rule = makeRule('round-robin', { respectWorkingHours: true });
  const workingHours = {
    teamDefault: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' },
    byRep: { R001: { days: [1, 2, 3, 4, 5], from: '20:00', to: '02:00' } },
  };

  it('skips reps outside their hours in local time', () => {
    // 10:00 UTC = 18:00 in China: the team day is over, R001's evening shift is on.
    const { assignment } = distributeLead({
      lead: makeLead('x'),
      reps: makeReps(2),
      rules: [rule],
      now: NOW + 2 * 3_600_000,
      seed: 1,
      workingHours,
      options: { utcOffsetMinutes: 480 },
    });
    expect(assignment.repId).toBe('R001');
    expect(assignment.explanation.candidates[0]?.exclusion).toEqual({
      code: 'outside-working-hours',
      localTime: '20:00',
    });
  });

  it('counts the small hours of a night shift as the shift of the day before', () => {
    // Thursday 01:00 local belongs to Wednesday's 20:00–02:00 shift.
    const { assignment } = distributeLead({
      lead: makeLead('x'),
      reps: makeReps(2),
      rules: [rule],
      now: Date.UTC(2026, 2, 4, 17, 0),
      seed: 1,
      workingHours,
      options: { utcOffsetMinutes: 480 },
    });
    expect(assignment.repId).toBe('R001');
  });

  it('ignores hours when the rule does not ask', () => {
    const { assignment } = distributeLead({
      lead: makeLead('x'),
      reps: makeReps(2),
      rules: [makeRule('round-robin')],
      now: NOW + 2 * 3_600_000,
      seed: 1,
      workingHours,
      options: { utcOffsetMinutes: 480 },
    });
    expect(assignment.repId).toBe('R000');
  });
});

describe('rule pipeline', () => {
  const rules: DistributionRule[] = [
    {
      id: 'off',
      name: 'Disabled',
      enabled: false,
      conditions: [],
      target: { kind: 'everyone' },
      method: 'manual',
    },
    {
      id: 'vip',
      name: 'VIP from events at night',
      enabled: true,
      conditions: [
        { field: 'source', op: 'in', values: ['Event', 'referral'] },
        { field: 'custom.tier', op: 'equals', value: 'gold' },
        { field: 'arrival.hour', op: 'range', min: 20, max: 6 },
      ],
      target: { kind: 'reps', repIds: [asRepId('R001')] },
      method: 'round-robin',
    },
    {
      id: 'east',
      name: 'East territory',
      enabled: true,
      conditions: [{ field: 'region', op: 'contains', value: 'east' }],
      target: { kind: 'territory' },
      method: 'load-balanced',
    },
    {
      id: 'fallback',
      name: 'Everyone',
      enabled: true,
      conditions: [],
      target: { kind: 'everyone' },
      method: 'round-robin',
    },
  ];
  const reps = makeReps(3, (i) => ({ regions: i === 2 ? ['North-East'] : [] }));

  it('uses the first enabled rule whose conditions all hold and shows each condition with the lead’s value', () => {
    const lead = makeLead('x', {
      source: 'event',
      customFields: { tier: 'Gold' },
      createdAt: Date.UTC(2026, 2, 4, 22, 30),
    });
    const { assignment } = distributeLead({ lead, reps, rules, now: NOW, seed: 1 });
    expect(assignment.repId).toBe('R001');
    expect(assignment.explanation.rule).toMatchObject({ id: 'vip', index: 1, isFallback: false });
    expect(assignment.explanation.rule?.conditions.map((c) => c.value)).toEqual(['event', 'Gold', 22]);
    expect(assignment.explanation.skippedRules).toEqual([{ id: 'off', index: 0, reason: 'disabled' }]);
  });

  it('routes by territory and falls through to the fallback when no condition holds', () => {
    const result = distributeBatch({
      leads: [makeLead('a', { region: 'North-East' }), makeLead('b', { region: 'west', createdAt: NOW })],
      reps,
      rules,
      now: NOW,
      seed: 1,
    });
    expect(result.assignments.map((a) => [a.ruleId, a.repId])).toEqual([
      ['east', 'R002'],
      ['fallback', 'R000'],
    ]);
    expect(result.assignments[0]?.explanation.exclusionCounts).toEqual({ 'not-in-target': 2 });
  });

  it('pools a lead when no rule matches at all', () => {
    const { assignment } = distributeLead({
      lead: makeLead('x'),
      reps,
      rules: [rules[1] as DistributionRule],
      now: NOW,
      seed: 1,
    });
    expect(assignment).toMatchObject({ outcome: 'pool', poolReason: 'no-rule-matched', ruleId: null });
  });
});

describe('explanation summary', () => {
  it('gives tokens the UI can translate and an English fallback', () => {
    const reps = makeReps(3, (i) => ({ isActive: i !== 0 }));
    const { assignment } = distributeLead({
      lead: makeLead('x'),
      reps,
      rules: [makeRule('load-balanced')],
      now: NOW,
      seed: 1,
    });
    const summary = explanationSummary(assignment.explanation);
    expect(summary.tokens.map((t) => t.key)).toEqual([
      'rule.fallback',
      'method.load-balanced',
      'excluded',
      'tiebreak.seeded',
      'outcome.assigned',
    ]);
    expect(summary.tokens).toContainEqual({ key: 'excluded', params: { code: 'inactive', count: 1 } });
    expect(summary.text).toMatch(
      /^Fallback rule “All leads by load-balanced” applied; fewest open leads: 0\/1; 1 rep\(s\) inactive; .*assigned to R00[12]\.$/,
    );
  });
});
