import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../core/domain/clock';
import { distributeBatch, distributeLead } from '../../../../core/domain/distribution/engine';
import { explanationSummary } from '../../../../core/domain/distribution/explanation-summary';
import { replayDistribution } from '../../../../core/domain/distribution/replay';
import type { ReplayDecision } from '../../../../core/domain/distribution/replay';
import type {
  Assignment,
  DistributionLead,
  DistributionRule,
  PreviousOwner,
} from '../../../../core/domain/distribution/types';
import { asRepId, type RepId } from '../../../../core/domain/ids';
import { ASSIGNING_METHODS, NOW, makeLead, makeLeads, makeRep, makeReps, makeRule } from './fixtures';

const COOLDOWN = 7 * DAY_MS;
const METHODS = ASSIGNING_METHODS;

const ruleArb = fc.record({
  method: fc.constantFrom(...METHODS),
  targetSize: fc.integer({ min: 1, max: 5 }),
  onlyA: fc.boolean(),
  ignoreAffinity: fc.boolean(),
  weightSource: fc.constantFrom('rep' as const, 'conversion' as const),
});
/** A recycle sequence: which rep (index) the lead was taken from, and how many days before now. */
const recyclesArb = fc.array(
  fc.record({ rep: fc.integer({ min: 0, max: 4 }), daysAgo: fc.integer({ min: 0, max: 12 }) }),
  { maxLength: 4 },
);

type RuleSpec = typeof ruleArb extends fc.Arbitrary<infer T> ? T : never;

function buildRules(specs: readonly RuleSpec[]): DistributionRule[] {
  const rules = specs.map((spec, k): DistributionRule =>
    makeRule(spec.method, {
      id: `rule-${k}`,
      conditions: spec.onlyA ? [{ field: 'grade', op: 'equals', value: 'A' }] : [],
      target: {
        kind: 'reps',
        repIds: Array.from({ length: spec.targetSize }, (_, i) => asRepId(`R00${(i + k) % 5}`)),
      },
      ignoreAffinity: spec.ignoreAffinity,
      options: { weightSource: spec.weightSource },
    }),
  );
  rules.push(makeRule('round-robin', { id: 'fallback' }));
  return rules;
}

/** Reps the lead must not get at `at`: recycled from them less than the cool-down before. */
function keptAway(previous: readonly PreviousOwner[], at: number): Set<string> {
  return new Set(previous.filter((p) => p.at <= at && at < p.at + COOLDOWN).map((p) => p.repId));
}

function expectKeptAway(assignment: Assignment, away: ReadonlySet<string>): void {
  for (const repId of [assignment.repId, ...assignment.coOwnerIds])
    if (repId !== null) expect(away.has(repId)).toBe(false);
  for (const c of assignment.explanation.candidates) {
    if (!away.has(c.repId)) continue;
    expect(c.eligible).toBe(false);
    // Only availability (checked before the lead's exclusions) or the target may name another reason.
    if (!['inactive', 'out-of-office', 'on-leave', 'not-in-target'].includes(c.exclusion?.code ?? ''))
      expect(c.exclusion?.code).toBe('recycled-from');
  }
}

const reps = makeReps(5, (i) => ({ tier: (['senior', 'mid', 'junior'] as const)[i % 3], skills: ['saas'] }));

describe('recycled leads stay away from their previous owners', () => {
  it('on every live path (single, batch, optimizer, affinity) within the cool-down, and the explanation says so', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
        fc.array(recyclesArb, { minLength: 1, maxLength: 8 }),
        fc.integer(),
        fc.boolean(),
        (ruleSpecs, sequences, seed, affinityToPrevious) => {
          const rules = buildRules(ruleSpecs);
          const leads: DistributionLead[] = sequences.map((sequence, k) =>
            makeLead(`L${k}`, {
              grade: k % 2 === 0 ? 'A' : 'C',
              industry: 'saas',
              score: 50 + k,
              previousOwners: [...sequence]
                .sort((a, b) => b.daysAgo - a.daysAgo)
                .map((r) => ({ repId: asRepId(`R00${r.rep}`), at: NOW - r.daysAgo * DAY_MS })),
            }),
          );
          // The existing-customer owner is a previous owner: affinity must not hand it back either.
          const byLead: Record<string, RepId> = {};
          if (affinityToPrevious)
            for (const lead of leads) {
              const last = lead.previousOwners?.at(-1);
              if (last !== undefined) byLead[lead.id] = last.repId;
            }
          const common = { reps, rules, now: NOW, seed, recycleCooldownMs: COOLDOWN, affinity: { byLead } };
          const batch = distributeBatch({ ...common, leads });
          for (const assignment of batch.assignments) {
            const lead = leads.find((l) => l.id === assignment.leadId);
            expectKeptAway(assignment, keptAway(lead?.previousOwners ?? [], NOW));
          }
          for (const lead of leads) {
            const single = distributeLead({ ...common, lead }).assignment;
            expectKeptAway(single, keptAway(lead.previousOwners ?? [], NOW));
            expect(single.explanation.previousOwners ?? []).toEqual(lead.previousOwners ?? []);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('in replays, each replayed recycle hands the lead to someone the lead was not recycled from within the cool-down', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
        fc.array(
          fc.record({ lead: fc.integer({ min: 0, max: 9 }), hoursLater: fc.integer({ min: 1, max: 400 }) }),
          {
            maxLength: 30,
          },
        ),
        fc.integer(),
        (ruleSpecs, events, seed) => {
          const rules = buildRules(ruleSpecs);
          const leads = makeLeads(10, (i) => ({
            createdAt: NOW + i * 3_600_000,
            grade: i % 2 === 0 ? 'A' : 'C',
            industry: 'saas',
          }));
          const recycles = events.map((e) => ({
            leadId: leads[e.lead]?.id ?? '',
            at: (leads[e.lead]?.createdAt ?? NOW) + e.hoursLater * 3_600_000,
          }));
          const decisions: ReplayDecision[] = [];
          replayDistribution({
            leads,
            reps,
            rules,
            seed,
            recycles,
            recycleTarget: 'redistribute',
            recycleCooldownMs: COOLDOWN,
            onDecision: (d) => decisions.push(d),
          });
          const owner = new Map<string, RepId | null>();
          const previous = new Map<string, PreviousOwner[]>();
          for (const d of decisions) {
            if (d.kind === 'recycle') {
              const from = owner.get(d.leadId) ?? null;
              expect(from).not.toBeNull();
              const list = [...(previous.get(d.leadId) ?? []), { repId: from as RepId, at: d.at }];
              previous.set(d.leadId, list);
              const away = keptAway(list, d.at);
              for (const repId of [d.repId, ...d.coOwnerIds])
                if (repId !== null) expect(away.has(repId)).toBe(false);
            }
            owner.set(d.leadId, d.repId);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the lead back to a previous owner once the cool-down has passed', () => {
    const two = makeReps(2);
    const lead = makeLead('L1', { previousOwners: [{ repId: asRepId('R000'), at: NOW - 8 * DAY_MS }] });
    const rules = [makeRule('load-balanced')];
    const state = {
      pointers: {},
      credits: {},
      openLoads: { R000: 0, R001: 5 },
      assignedToday: {},
      day: null,
    };
    const decide = (recycleCooldownMs: number) =>
      distributeLead({ reps: two, rules, state, lead, now: NOW, seed: 1, recycleCooldownMs }).assignment;
    expect(decide(COOLDOWN).repId).toBe('R000');
    expect(decide(9 * DAY_MS).repId).toBe('R001');
  });

  it('names the exclusion and when it ends', () => {
    const two = makeReps(2);
    const lead = makeLead('L1', { previousOwners: [{ repId: asRepId('R000'), at: NOW - DAY_MS }] });
    const { assignment } = distributeLead({
      reps: two,
      rules: [makeRule('round-robin')],
      lead,
      now: NOW,
      seed: 1,
      recycleCooldownMs: COOLDOWN,
    });
    expect(assignment.explanation.candidates[0]?.exclusion).toEqual({
      code: 'recycled-from',
      at: NOW - DAY_MS,
      until: NOW + 6 * DAY_MS,
    });
    const summary = explanationSummary(assignment.explanation);
    expect(summary.tokens).toContainEqual({
      key: 'recycled.kept-away',
      params: { rep: 'R000', until: '2026-03-10' },
    });
    expect(summary.text).toContain('R000 kept away');
  });

  it('never sends a lead recycled twice on a two-rep rule back to its first owner (T6 → T7 → pool, not T6)', () => {
    const team = [makeRep('T6'), makeRep('T7')];
    const rules = [makeRule('round-robin')];
    const lead = makeLead('L1', {
      recycledFromRepId: asRepId('T7'),
      previousOwners: [
        { repId: asRepId('T6'), at: NOW - 3 * DAY_MS },
        { repId: asRepId('T7'), at: NOW },
      ],
    });
    const { assignment } = distributeLead({ reps: team, rules, lead, now: NOW, seed: 1 });
    expect(assignment.outcome).toBe('pool');
    expect(assignment.explanation.exclusionCounts).toEqual({ 'recycled-from': 2 });
  });
});
