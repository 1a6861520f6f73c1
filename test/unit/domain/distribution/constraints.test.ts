import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributeBatch, distributeLead } from '../../../../core/domain/distribution/engine';
import type { DistributionRule } from '../../../../core/domain/distribution/types';
import { asRepId } from '../../../../core/domain/ids';
import { ASSIGNING_METHODS, NOW, makeLead, makeLeads, makeRep, makeRule } from './fixtures';

const METHODS = ASSIGNING_METHODS;

const repArb = fc.record({
  isActive: fc.boolean(),
  isOutOfOffice: fc.boolean(),
  onLeave: fc.boolean(),
  capOpen: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  capDaily: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  open: fc.integer({ min: 0, max: 5 }),
  today: fc.integer({ min: 0, max: 5 }),
  tier: fc.constantFrom('senior' as const, 'mid' as const, 'junior' as const),
  works: fc.boolean(),
});

describe('constraints every method respects', () => {
  it('never assigns an inactive, on-leave, out-of-office, off-hours, recycled-from or capped rep, and pools with a reason otherwise', () => {
    fc.assert(
      fc.property(
        fc.array(repArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...METHODS),
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        (specs, method, leadCount, seed) => {
          const reps = specs.map((s, i) =>
            makeRep(`R${i}`, {
              isActive: s.isActive,
              isOutOfOffice: s.isOutOfOffice,
              leave: s.onLeave ? [{ from: '2026-03-01', to: '2026-03-31' }] : [],
              capOpen: s.capOpen,
              capDaily: s.capDaily,
              tier: s.tier,
              skills: ['saas'],
            }),
          );
          const byId = new Map(reps.map((rep, i) => [rep.id as string, { rep, spec: specs[i] }]));
          const hours = { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' };
          const offHours = { days: [6, 7], from: '09:00', to: '17:00' };
          const workingHours = {
            byRep: Object.fromEntries(reps.map((rep, i) => [rep.id, specs[i]?.works ? hours : offHours])),
          };
          const state = {
            pointers: {},
            credits: {},
            openLoads: Object.fromEntries(reps.map((rep, i) => [rep.id, specs[i]?.open ?? 0])),
            assignedToday: Object.fromEntries(reps.map((rep, i) => [rep.id, specs[i]?.today ?? 0])),
            day: '2026-03-04',
          };
          const leads = makeLeads(leadCount, (i) => ({
            grade: (['A', 'B', 'C', 'D'] as const)[i % 4],
            industry: 'saas',
            recycledFromRepId: i % 3 === 0 ? asRepId('R0') : null,
          }));
          const rule: DistributionRule = makeRule(method, { respectWorkingHours: true });
          const result = distributeBatch({ leads, reps, rules: [rule], state, now: NOW, seed, workingHours });
          const open = new Map(Object.entries(state.openLoads));
          const today = new Map(Object.entries(state.assignedToday));
          for (const assignment of result.assignments) {
            const lead = leads.find((l) => l.id === assignment.leadId);
            for (const repId of [assignment.repId, ...assignment.coOwnerIds]) {
              if (repId === null) continue;
              const entry = byId.get(repId);
              expect(entry).toBeDefined();
              const { rep, spec } = entry as { rep: (typeof reps)[number]; spec: (typeof specs)[number] };
              expect(rep.isActive && !rep.isOutOfOffice && !spec?.onLeave && spec?.works).toBe(true);
              expect(lead?.recycledFromRepId === repId).toBe(false);
              open.set(repId, (open.get(repId) ?? 0) + 1);
              today.set(repId, (today.get(repId) ?? 0) + 1);
              if (rep.capOpen !== null)
                expect(open.get(repId)).toBeLessThanOrEqual(Math.max(rep.capOpen, spec?.open ?? 0));
              if (rep.capDaily !== null)
                expect(today.get(repId)).toBeLessThanOrEqual(Math.max(rep.capDaily, spec?.today ?? 0));
            }
            if (assignment.outcome === 'pool') expect(assignment.poolReason).not.toBeNull();
          }
          // Final loads in the state agree with what was handed out.
          for (const [id, value] of open) expect(result.state.openLoads[id]).toBe(value);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sends a lead to the public pool with the reason when every rep is unavailable', () => {
    const reps = [
      makeRep('a', { isActive: false }),
      makeRep('b', { isOutOfOffice: true }),
      makeRep('c', { capOpen: 2 }),
    ];
    const { assignment } = distributeLead({
      lead: makeLead('x'),
      reps,
      rules: [makeRule('round-robin')],
      state: { pointers: {}, credits: {}, openLoads: { c: 2 }, assignedToday: {} },
      now: NOW,
      seed: 1,
    });
    expect(assignment.outcome).toBe('pool');
    expect(assignment.poolReason).toBe('no-eligible-rep');
    expect(assignment.explanation.candidates.map((c) => c.exclusion)).toEqual([
      { code: 'inactive' },
      { code: 'out-of-office' },
      { code: 'open-cap', open: 2, cap: 2 },
    ]);
  });

  it('explains a daily cap and leave with the numbers behind them', () => {
    const reps = [
      makeRep('a', { capDaily: 3 }),
      makeRep('b', { leave: [{ from: '2026-03-04', to: '2026-03-05' }] }),
    ];
    const { assignment } = distributeLead({
      lead: makeLead('x'),
      reps,
      rules: [makeRule('load-balanced')],
      state: { pointers: {}, credits: {}, openLoads: {}, assignedToday: { a: 3 }, day: '2026-03-04' },
      now: NOW,
      seed: 1,
    });
    expect(assignment.explanation.candidates.map((c) => c.exclusion)).toEqual([
      { code: 'daily-cap', today: 3, cap: 3 },
      { code: 'on-leave', date: '2026-03-04' },
    ]);
  });

  it('restarts daily counts when the state is from an earlier day', () => {
    const { assignment, state } = distributeLead({
      lead: makeLead('x'),
      reps: [makeRep('a', { capDaily: 3 })],
      rules: [makeRule('load-balanced')],
      state: { pointers: {}, credits: {}, openLoads: {}, assignedToday: { a: 3 }, day: '2026-03-03' },
      now: NOW,
      seed: 1,
    });
    expect(assignment.repId).toBe('a');
    expect(state.assignedToday).toEqual({ a: 1 });
    expect(state.day).toBe('2026-03-04');
  });
});
