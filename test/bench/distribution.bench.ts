// Benchmark of the pure distribution engine: a 10k batch through 20 rules, a 2k optimal batch, a 100k replay,
// learning rep fit from 100k closed leads, and the optimizer's gain over round-robin on a held-out quarter of a
// planted history (trained on the quarters before, scored by what actually happened, the planted truth's best
// possible gain printed beside it).
import { createRng } from '../../core/domain/clock';
import { asLeadId, asRepId } from '../../core/domain/ids';
import type { Rep, RepTier } from '../../core/domain/rep';
import { distributeBatch } from '../../core/domain/distribution/engine';
import { replayDistribution } from '../../core/domain/distribution/replay';
import { estimateRepFit, type FitOutcome } from '../../core/domain/distribution/rep-fit';
import { GRADES } from '../../core/domain/funnel';
import {
  OPTIMAL_RULE,
  ROUND_ROBIN_RULE,
  actualValue,
  assignHeldOut,
  plantHistory,
  truthValue,
} from '../unit/domain/distribution/planted-history';
import type {
  DistributionLead,
  DistributionMethod,
  DistributionRule,
} from '../../core/domain/distribution/types';
import type { Report } from './figure';
import { figure, timeMs } from './figure';

const NOW = Date.UTC(2026, 2, 4, 2, 0, 0);
const INDUSTRIES = [
  'saas',
  'retail',
  'manufacturing',
  'finance',
  'education',
  'health',
  'logistics',
  'energy',
];
const REGIONS = ['north', 'east', 'south', 'west', 'central'];
const SOURCES = ['web', 'ad', 'event', 'referral', 'import'];
const TIERS: readonly RepTier[] = ['senior', 'mid', 'junior'];

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

function makeReps(count: number): Rep[] {
  const rng = createRng(7);
  return Array.from({ length: count }, (_, i) => ({
    id: asRepId(`rep-${String(i).padStart(3, '0')}`),
    name: `Rep ${i}`,
    email: null,
    phone: null,
    tier: TIERS[i % 3] as RepTier,
    skills: [pick(rng, INDUSTRIES), pick(rng, INDUSTRIES)],
    regions: [pick(rng, REGIONS)],
    weight: 1 + (i % 4),
    capOpen: 2000,
    capDaily: 1000,
    isActive: i % 25 !== 24,
    isOutOfOffice: false,
    leave: i % 17 === 5 ? [{ from: '2026-03-01', to: '2026-03-10' }] : [],
    joinedOn: i % 10 === 0 ? '2026-02-01' : '2024-06-01',
  }));
}

function makeLeads(count: number, spanMs: number, seed: number): DistributionLead[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const createdAt = NOW - spanMs + Math.floor((i / count) * spanMs);
    const score = Math.floor(rng() * 100);
    const closed = rng() < 0.6;
    return {
      id: asLeadId(`lead-${String(i).padStart(7, '0')}`),
      name: `Lead ${i}`,
      phone: null,
      email: null,
      wechat: null,
      company: `Company ${i % 5000}`,
      title: null,
      industry: pick(rng, INDUSTRIES),
      region: pick(rng, REGIONS),
      companySize: Math.floor(rng() * 2000),
      product: pick(rng, ['crm', 'erp', 'bi']),
      source: pick(rng, SOURCES),
      campaign: null,
      costFen: 0,
      needs: null,
      bant: {},
      customFields: { channel: pick(rng, ['a', 'b', 'c']) },
      events: [],
      stage: closed ? (rng() < 0.3 ? 'won' : 'lost') : 'sql',
      ownerId: null,
      score,
      grade: score > 80 ? 'A' : score >= 60 ? 'B' : score >= 40 ? 'C' : 'D',
      createdAt,
      updatedAt: createdAt + Math.floor(rng() * 10 * 86_400_000),
      isHistory: true,
      probability: (score / 100) * 0.3,
    } satisfies DistributionLead;
  });
}

function makeRules(): DistributionRule[] {
  const methods: DistributionMethod[] = [
    'round-robin',
    'weighted',
    'load-balanced',
    'skill-match',
    'tier-ladder',
    'team',
  ];
  const rules: DistributionRule[] = [];
  for (let i = 0; i < 19; i += 1) {
    const method = methods[i % methods.length] as DistributionMethod;
    rules.push({
      id: `rule-${i}`,
      name: `Rule ${i}`,
      enabled: i !== 3,
      conditions: [
        { field: 'source', op: 'equals', value: SOURCES[i % SOURCES.length] as string },
        {
          field: 'industry',
          op: 'in',
          values: [INDUSTRIES[i % 8] as string, INDUSTRIES[(i + 3) % 8] as string],
        },
        { field: 'score', op: 'range', min: (i % 3) * 20, max: 100 },
        { field: 'arrival.hour', op: 'range', min: 0, max: 23 },
      ],
      target:
        i % 4 === 0
          ? { kind: 'territory' }
          : i % 4 === 1
            ? { kind: 'tier', tiers: [TIERS[i % 3] as RepTier] }
            : { kind: 'everyone' },
      method,
      respectWorkingHours: i % 5 === 0,
    });
  }
  rules.push({
    id: 'fallback',
    name: 'Everyone else',
    enabled: true,
    conditions: [],
    target: { kind: 'everyone' },
    method: 'load-balanced',
  });
  return rules;
}

function makeOutcomes(count: number, reps: number, seed: number): FitOutcome[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => ({
    repId: asRepId(`rep-${String(Math.floor(rng() * reps)).padStart(3, '0')}`),
    grade: pick(rng, GRADES),
    source: pick(rng, SOURCES),
    industry: pick(rng, INDUSTRIES),
    region: pick(rng, REGIONS),
    won: rng() < 0.25,
  }));
}

function makeFit(reps: readonly Rep[]): Record<string, Record<string, number>> {
  const rng = createRng(11);
  const fit: Record<string, Record<string, number>> = {};
  for (const rep of reps) {
    const row: Record<string, number> = {};
    for (const industry of INDUSTRIES) row[industry] = 0.5 + rng();
    fit[rep.id] = row;
  }
  return fit;
}

/** Best of `runs` timings: other processes share this 2-core machine, and the best run is the engine's own cost. */
async function bestMs(runs: number, fn: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) best = Math.min(best, await timeMs(fn));
  return best;
}

export async function run(report: Report): Promise<void> {
  const reps = makeReps(50);
  const rules = makeRules();
  const workingHours = { teamDefault: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' } };

  const batch = makeLeads(10_000, 3_600_000, 1);
  distributeBatch({
    leads: batch.slice(0, 500),
    reps,
    rules,
    now: NOW,
    seed: 1,
    workingHours,
    options: { utcOffsetMinutes: 480 },
  });
  const distributeMs = await bestMs(3, () =>
    distributeBatch({
      leads: batch,
      reps,
      rules,
      now: NOW,
      seed: 1,
      workingHours,
      options: { utcOffsetMinutes: 480 },
    }),
  );
  report(figure('distribute_10k_leads_50_reps_20_rules_s', distributeMs / 1000, 's', '<=', 1));

  const optimalRule: DistributionRule = {
    id: 'optimal',
    name: 'Best fit',
    enabled: true,
    conditions: [],
    target: { kind: 'everyone' },
    method: 'optimal',
    options: { fairnessTolerance: 0.2 },
  };
  const cappedReps = reps.map((rep) => ({ ...rep, capOpen: 60, capDaily: null }));
  const optimalLeads = makeLeads(2_000, 3_600_000, 2);
  const fit = makeFit(reps);
  // NaN until an optimizer reports: a figure of NaN meets no target, so a run with no optimizer fails.
  let gain = Number.NaN;
  const optimalMs = await bestMs(3, () => {
    const result = distributeBatch({
      leads: optimalLeads,
      reps: cappedReps,
      rules: [optimalRule],
      now: NOW,
      seed: 1,
      fit,
      options: { explain: 'compact' },
    });
    gain = result.optimizations[0]?.gainOverRoundRobin ?? Number.NaN;
  });
  if (Number.isNaN(gain)) console.log('# the optimal rule ran no optimizer: no gain to report');
  report(figure('optimal_2k_leads_50_reps_s', optimalMs / 1000, 's', '<=', 3));
  report(figure('optimal_2k_gain_over_round_robin_conversions', gain, 'conversions', '>=', 0));

  const history = makeLeads(100_000, 180 * 86_400_000, 3);
  const replayMs = await timeMs(() =>
    replayDistribution({
      leads: history,
      reps,
      rules,
      seed: 1,
      workingHours,
      options: { utcOffsetMinutes: 480 },
    }),
  );
  report(figure('replay_100k_leads_s', replayMs / 1000, 's', '<=', 10));

  const outcomes = makeOutcomes(100_000, 50, 5);
  const fitMs = await bestMs(3, () => estimateRepFit(outcomes));
  report(figure('fit_estimation_100k_history_s', fitMs / 1000, 's', '<=', 2));

  for (const differ of [true, false]) {
    const world = plantHistory({ reps: 8, leadsPerQuarter: 4000, differ, seed: 21 });
    const model = estimateRepFit(world.training);
    const rr = assignHeldOut(world, ROUND_ROBIN_RULE);
    const optimal = assignHeldOut(world, OPTIMAL_RULE, { repFit: model });
    const oracle = assignHeldOut(world, OPTIMAL_RULE, { fit: world.trueFit });
    const heldOutGain = actualValue(world, optimal.assignments) - actualValue(world, rr.assignments);
    const truthGain = truthValue(world, optimal.assignments) - truthValue(world, rr.assignments);
    const bestGain = truthValue(world, oracle.assignments) - truthValue(world, rr.assignments);
    const label = differ ? 'reps differ by industry' : 'reps do not differ';
    console.log(
      `# ${label}: held-out gain ${heldOutGain.toFixed(1)} conversions of ${world.heldOut.length} leads ` +
        `(planted truth: this plan ${truthGain.toFixed(1)}, best possible ${bestGain.toFixed(1)}; ` +
        `shares within ±20%: ${String(optimal.optimizations[0]?.sharesWithinTolerance)})`,
    );
    // Where reps differ the gain must show; where they do not, zero is the honest answer and is printed only.
    if (differ) report(figure('optimal_heldout_gain_vs_round_robin', heldOutGain, 'conversions', '>=', 0));
  }
}
