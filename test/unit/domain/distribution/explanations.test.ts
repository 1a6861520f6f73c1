import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributeBatch } from '../../../../core/domain/distribution/engine';
import type {
  Assignment,
  CandidateTrace,
  DistributionRule,
} from '../../../../core/domain/distribution/types';
import { asRepId, type RepId } from '../../../../core/domain/ids';
import type { Rep } from '../../../../core/domain/rep';
import { ASSIGNING_METHODS, NOW, makeLeads, makeRep, makeRule } from './fixtures';

const METHODS = ASSIGNING_METHODS;

interface Loads {
  open: Map<string, number>;
  today: Map<string, number>;
}

/** Checks one stored candidate against the loads rebuilt for the moment of the decision. */
function checkCandidate(c: CandidateTrace, rep: Rep | undefined, loads: Loads): void {
  const open = loads.open.get(c.repId) ?? 0;
  const today = loads.today.get(c.repId) ?? 0;
  if (c.exclusion?.code === 'open-cap') {
    expect({ open: c.exclusion.open, cap: c.exclusion.cap }).toEqual({ open, cap: rep?.capOpen });
    expect(open).toBeGreaterThanOrEqual(c.exclusion.cap);
  } else if (c.exclusion?.code === 'daily-cap') {
    expect({ today: c.exclusion.today, cap: c.exclusion.cap }).toEqual({ today, cap: rep?.capDaily });
    expect(today).toBeGreaterThanOrEqual(c.exclusion.cap);
  }
  if (c.eligible) {
    if (rep?.capOpen != null) expect(open).toBeLessThan(rep.capOpen);
    if (rep?.capDaily != null) expect(today).toBeLessThan(rep.capDaily);
  }
  const rank = c.rank;
  if (rank !== undefined && 'open' in rank) expect(rank.open).toBe(open);
}

function charge(loads: Loads, assignment: Assignment): void {
  for (const id of [assignment.repId, ...assignment.coOwnerIds]) {
    if (id === null) continue;
    loads.open.set(id, (loads.open.get(id) ?? 0) + 1);
    loads.today.set(id, (loads.today.get(id) ?? 0) + 1);
  }
}

describe('explanations true at the decision', () => {
  it('match the caps and loads rebuilt from the starting state at every decision, affinity and batches included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            capOpen: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
            capDaily: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
            open: fc.integer({ min: 0, max: 5 }),
            today: fc.integer({ min: 0, max: 5 }),
            tier: fc.constantFrom('senior' as const, 'mid' as const, 'junior' as const),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.array(fc.record({ method: fc.constantFrom(...METHODS), onlyA: fc.boolean() }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.integer({ min: 1, max: 25 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 25 }),
        fc.integer(),
        (specs, ruleSpecs, leadCount, affinityOwners, seed) => {
          const reps = specs.map((s, i) =>
            makeRep(`R${i}`, { capOpen: s.capOpen, capDaily: s.capDaily, tier: s.tier, skills: ['saas'] }),
          );
          const rules: DistributionRule[] = ruleSpecs.map((r, k) =>
            makeRule(r.method, {
              id: `rule-${k}`,
              conditions: r.onlyA ? [{ field: 'grade', op: 'equals', value: 'A' }] : [],
            }),
          );
          rules.push(makeRule('load-balanced', { id: 'fallback' }));
          const leads = makeLeads(leadCount, (i) => ({
            grade: (['A', 'B', 'C', 'D'] as const)[i % 4],
            industry: 'saas',
            score: 30 + ((i * 7) % 60),
          }));
          // Some leads are existing customers of a rep (who may be at a cap by then).
          const byLead: Record<string, RepId> = {};
          affinityOwners.forEach((owner, i) => {
            const lead = leads[i];
            if (lead !== undefined && owner < reps.length) byLead[lead.id] = asRepId(`R${owner}`);
          });
          const state = {
            pointers: {},
            credits: {},
            openLoads: Object.fromEntries(reps.map((rep, i) => [rep.id, specs[i]?.open ?? 0])),
            assignedToday: Object.fromEntries(reps.map((rep, i) => [rep.id, specs[i]?.today ?? 0])),
            day: '2026-03-04',
          };
          const result = distributeBatch({
            leads,
            reps,
            rules,
            state,
            now: NOW,
            seed,
            affinity: { byLead },
          });
          const repById = new Map(reps.map((rep) => [rep.id as string, rep]));
          const loads: Loads = {
            open: new Map(Object.entries(state.openLoads)),
            today: new Map(Object.entries(state.assignedToday)),
          };
          // Leads decided one by one, in arrival order, each against the loads left by those before it.
          const isBatch = (a: Assignment) =>
            a.explanation.methodState?.method === 'optimal' && a.explanation.methodState.mode === 'batch';
          for (const assignment of result.assignments.filter((a) => !isBatch(a))) {
            for (const c of assignment.explanation.candidates) checkCandidate(c, repById.get(c.repId), loads);
            if (assignment.repId !== null)
              expect(
                assignment.explanation.candidates.find((c) => c.repId === assignment.repId)?.eligible,
              ).toBe(true);
            charge(loads, assignment);
          }
          // Then each optimal rule's batch, as one decision against the loads it started from.
          for (const rule of rules) {
            const group = result.assignments.filter((a) => isBatch(a) && a.ruleId === rule.id);
            for (const assignment of group)
              for (const c of assignment.explanation.candidates)
                checkCandidate(c, repById.get(c.repId), loads);
            for (const assignment of group) charge(loads, assignment);
          }
          expect(Object.fromEntries(loads.open)).toEqual(result.state.openLoads);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shows an existing customer’s owner at 127 of a daily cap of 128 as eligible, not capped', () => {
    const reps = [makeRep('T1', { capDaily: 128 }), makeRep('T2')];
    const [lead] = makeLeads(1);
    if (lead === undefined) throw new Error('no lead');
    const result = distributeBatch({
      leads: [lead],
      reps,
      rules: [makeRule('round-robin')],
      state: { pointers: {}, credits: {}, openLoads: {}, assignedToday: { T1: 127 }, day: '2026-03-04' },
      now: NOW,
      seed: 1,
      affinity: { byLead: { [lead.id]: asRepId('T1') } },
    });
    const explanation = result.assignments[0]?.explanation;
    expect(explanation?.repId).toBe('T1');
    expect(explanation?.candidates.find((c) => c.repId === 'T1')).toEqual({ repId: 'T1', eligible: true });
  });
});
