import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributeLead } from '../../../../core/domain/distribution/engine';
import { replayDistribution } from '../../../../core/domain/distribution/replay';
import type { ReplayDecision } from '../../../../core/domain/distribution/replay';
import type {
  DistributionMethod,
  DistributionRule,
  DistributionState,
} from '../../../../core/domain/distribution/types';
import { validateRules } from '../../../../core/domain/distribution/validate-rules';
import { asRepId, type RepId } from '../../../../core/domain/ids';
import { NOW, makeLead, makeLeads, makeRep, makeReps, makeRule } from './fixtures';

const team = [makeRep('rep-01'), ...makeReps(8, (i) => ({ id: asRepId(`T${i + 1}`) }))];
const onlyT: DistributionRule = makeRule('round-robin', {
  id: 'only-t',
  target: { kind: 'reps', repIds: team.slice(1).map((r) => r.id) },
});
const customer = makeLead('L1', { grade: 'C' });
const ownedByRep01 = { byLead: { L1: asRepId('rep-01') } };
const step = (overrides: Partial<DistributionRule> = {}): DistributionRule =>
  makeRule('existing-customer', { id: 'step', name: 'Existing customers', ...overrides });

function decide(rules: DistributionRule[], lead = customer, affinity = ownedByRep01) {
  return distributeLead({ reps: team, rules, lead, now: NOW, seed: 1, affinity }).assignment;
}

describe('existing-customer matching as a rule step', () => {
  it('respects the rule’s target: a rule aimed at T1–T8 does not send the customer to rep-01', () => {
    const assignment = decide([onlyT]);
    expect(assignment.repId).toMatch(/^T/);
    expect(assignment.explanation.affinity).toMatchObject({
      repId: 'rep-01',
      honored: false,
      why: { code: 'not-in-target' },
      stepId: null,
      ownerKeeps: false,
    });
  });

  it('lets the owner keep the customer whatever the rule when the step says so', () => {
    const assignment = decide([step({ options: { ownerKeeps: true } }), onlyT]);
    expect(assignment.repId).toBe('rep-01');
    expect(assignment.ruleId).toBe('step');
    expect(assignment.explanation.method).toBe('affinity');
    expect(assignment.explanation.rule).toMatchObject({ id: 'step', index: 0, isFallback: false });
    expect(assignment.explanation.affinity).toMatchObject({ honored: true, stepId: 'step', stepIndex: 0 });
  });

  it('runs where it stands: rules above it distribute without looking at existing customers', () => {
    const aLeads = makeRule('round-robin', {
      id: 'a-leads',
      conditions: [{ field: 'grade', op: 'equals', value: 'A' }],
      target: { kind: 'reps', repIds: [asRepId('T1')] },
    });
    const rules = [aLeads, step(), makeRule('round-robin', { id: 'fallback' })];
    const aLead = makeLead('L1', { grade: 'A' });
    const a = decide(rules, aLead);
    expect(a.repId).toBe('T1');
    expect(a.explanation.affinity).toBeNull();
    const c = decide(rules);
    expect(c.repId).toBe('rep-01');
    expect(c.explanation.rule?.id).toBe('step');
  });

  it('applies only to the leads its conditions match and the reps in its own target', () => {
    const east = step({ conditions: [{ field: 'region', op: 'equals', value: 'east' }] });
    const rules = [east, makeRule('round-robin', { id: 'fallback' })];
    expect(decide(rules, makeLead('L1', { region: 'west' })).explanation.affinity).toBeNull();
    expect(decide(rules, makeLead('L1', { region: 'east' })).repId).toBe('rep-01');
    const narrow = step({ target: { kind: 'reps', repIds: [asRepId('T1')] } });
    const refused = decide([narrow, makeRule('round-robin', { id: 'fallback' })]);
    expect(refused.explanation.affinity).toMatchObject({ honored: false, why: { code: 'not-in-target' } });
  });

  it('is off when the team disables the step', () => {
    const assignment = decide([step({ enabled: false }), makeRule('round-robin', { id: 'fallback' })]);
    expect(assignment.explanation.affinity).toBeNull();
  });

  it('is validated: a conditionless step does not shadow later rules, but cannot be the fallback', () => {
    expect(validateRules([step(), makeRule('round-robin')])).toEqual([]);
    expect(validateRules([makeRule('round-robin'), step()]).map((p) => p.code)).toContain('no-fallback');
    expect(
      validateRules([
        step({ options: { ownerKeeps: 'yes' as unknown as boolean } }),
        makeRule('round-robin'),
      ]),
    ).toHaveLength(1);
  });
});

const METHODS: DistributionMethod[] = ['round-robin', 'weighted', 'load-balanced', 'tier-ladder', 'optimal'];

describe('replay applies existing-customer matching exactly as live distribution', () => {
  it('makes the same decision for every lead as live distribution one lead at a time', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ contact: fc.integer({ min: 0, max: 5 }), company: fc.integer({ min: 0, max: 3 }) }),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        fc.constantFrom(...METHODS),
        fc.constantFrom('none', 'top', 'keeps', 'below') as fc.Arbitrary<'none' | 'top' | 'keeps' | 'below'>,
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        (customers, method, stepPlace, capOpen, seed) => {
          const reps = makeReps(4, (i) => ({
            capOpen: i === 0 ? capOpen : null,
            tier: i % 2 ? 'mid' : 'senior',
          }));
          const target = makeRule(method, {
            id: 'ab',
            conditions: [{ field: 'grade', op: 'in', values: ['A', 'B'] }],
            target: { kind: 'reps', repIds: [asRepId('R001'), asRepId('R002')] },
          });
          const fallback = makeRule('round-robin', { id: 'fallback' });
          const theStep = step({ options: { ownerKeeps: stepPlace === 'keeps' } });
          const rules =
            stepPlace === 'none'
              ? [target, fallback]
              : stepPlace === 'below'
                ? [target, theStep, fallback]
                : [theStep, target, fallback];
          const leads = makeLeads(customers.length, (i) => ({
            createdAt: NOW + i * 60_000,
            grade: (['A', 'B', 'C'] as const)[i % 3],
            score: 40 + i,
          }));
          const customerKeys = Object.fromEntries(
            leads.map((lead, i) => [
              lead.id,
              { contact: [`c${customers[i]?.contact ?? 0}`], company: `co${customers[i]?.company ?? 0}` },
            ]),
          );
          const replayed: ReplayDecision[] = [];
          replayDistribution({ leads, reps, rules, seed, customerKeys, onDecision: (d) => replayed.push(d) });

          // Live: one lead at a time, the owner of each customer looked up from what was decided before.
          const byContact = new Map<string, RepId>();
          const byCompany = new Map<string, RepId>();
          let state: DistributionState | undefined;
          leads.forEach((lead, i) => {
            const keys = customerKeys[lead.id];
            const contactOwner = byContact.get(keys?.contact[0] ?? '');
            const companyOwner = byCompany.get(keys?.company ?? '');
            const live = distributeLead({
              reps,
              rules,
              lead: { ...lead, company: keys?.company ?? null },
              state,
              now: lead.createdAt,
              seed,
              affinity: {
                byLead: contactOwner === undefined ? {} : { [lead.id]: contactOwner },
                byCompany: companyOwner === undefined ? {} : { [keys?.company ?? '']: companyOwner },
                companyKey: (c) => c,
              },
            });
            state = live.state;
            expect(replayed[i]?.repId ?? null).toBe(live.assignment.repId);
            if (live.assignment.repId !== null) {
              byContact.set(keys?.contact[0] ?? '', live.assignment.repId);
              byCompany.set(keys?.company ?? '', live.assignment.repId);
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
