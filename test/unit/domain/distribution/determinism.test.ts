import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../core/domain/clock';
import {
  createEmptyState,
  distributeBatch,
  distributeLead,
} from '../../../../core/domain/distribution/engine';
import type {
  DistributionMethod,
  DistributionRule,
  DistributionState,
} from '../../../../core/domain/distribution/types';
import { ASSIGNING_METHODS, NOW, makeLeads, makeReps, makeRule } from './fixtures';

const METHODS = ASSIGNING_METHODS;

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function scenario(method: DistributionMethod, repCount: number, leadCount: number) {
  const reps = makeReps(repCount, (i) => ({
    tier: (['senior', 'mid', 'junior'] as const)[i % 3],
    weight: 1 + (i % 3),
    skills: i % 2 === 0 ? ['saas'] : ['retail'],
    capOpen: i % 4 === 0 ? 3 : null,
  }));
  const leads = makeLeads(leadCount, (i) => ({
    grade: (['A', 'B', 'C', 'D'] as const)[i % 4],
    industry: i % 3 === 0 ? 'saas' : 'retail',
    score: (i * 37) % 100,
    createdAt: NOW - 10_000 + (i % 5) * 100,
  }));
  const rules: DistributionRule[] = [makeRule(method)];
  return { reps, leads, rules };
}

describe('deterministic allocation', () => {
  it('gives identical assignments and explanations for the same leads, reps, rules, clock and seed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODS),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer(),
        (method, repCount, leadCount, seed) => {
          const { reps, leads, rules } = scenario(method, repCount, leadCount);
          const a = distributeBatch({ leads, reps, rules, now: NOW, seed });
          const b = distributeBatch({ leads, reps, rules, now: NOW, seed });
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('does not change the result when reps or leads arrive in another order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODS),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer(),
        (method, repCount, leadCount, seed) => {
          const { reps, leads, rules } = scenario(method, repCount, leadCount);
          const a = distributeBatch({ leads, reps, rules, now: NOW, seed });
          const b = distributeBatch({
            leads: shuffle(leads, seed + 1),
            reps: shuffle(reps, seed),
            rules,
            now: NOW,
            seed,
          });
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('decides a batch exactly as one lead at a time with the state carried over', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<DistributionMethod>(
          'round-robin',
          'weighted',
          'load-balanced',
          'skill-match',
          'tier-ladder',
          'team',
        ),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer(),
        (method, repCount, leadCount, seed) => {
          const { reps, leads, rules } = scenario(method, repCount, leadCount);
          const batch = distributeBatch({ leads, reps, rules, now: NOW, seed });
          let state: DistributionState = createEmptyState();
          const single = [];
          for (const lead of [...leads].sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1))) {
            const step = distributeLead({ lead, reps, rules, state, now: NOW, seed });
            state = step.state;
            single.push(step.assignment);
          }
          expect(JSON.stringify(single)).toBe(JSON.stringify(batch.assignments));
          expect(state).toEqual(batch.state);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('decides a lead the same with a team reused from earlier calls as with a fresh copy of it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODS),
        fc.integer({ min: 1, max: 8 }),
        fc.integer(),
        (method, repCount, seed) => {
          const { reps, leads, rules } = scenario(method, repCount, 3);
          let state: DistributionState = createEmptyState();
          const reused = [];
          for (const lead of leads) {
            const step = distributeLead({ lead, reps, rules, state, now: NOW, seed });
            state = step.state;
            reused.push(step.assignment);
          }
          state = createEmptyState();
          const fresh = [];
          for (const lead of leads) {
            const step = distributeLead({
              lead,
              reps: structuredClone(reps),
              rules: structuredClone(rules),
              state,
              now: NOW,
              seed,
            });
            state = step.state;
            fresh.push(step.assignment);
          }
          expect(JSON.stringify(reused)).toBe(JSON.stringify(fresh));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('records the seeded tie-break when several reps are equally loaded', () => {
    const { reps, leads, rules } = scenario('load-balanced', 4, 1);
    const tie = distributeBatch({ leads, reps, rules, now: NOW, seed: 1 }).assignments[0]?.explanation
      .tieBreak;
    expect(tie).toMatchObject({ kind: 'seeded-random', among: ['R000', 'R001', 'R002', 'R003'] });
    if (tie?.kind === 'seeded-random') expect(tie.among).toContain(tie.picked);
  });
});
