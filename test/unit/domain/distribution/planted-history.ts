// A planted year of history for judging the optimizer: reps whose true conversion by industry is known, leads
// handed out round-robin over four quarters, outcomes drawn from the truth. Shared by the tests and the bench.
import { createRng } from '../../../../core/domain/clock';
import { distributeBatch } from '../../../../core/domain/distribution/engine';
import type { FitOutcome } from '../../../../core/domain/distribution/rep-fit';
import type {
  Assignment,
  DistributionLead,
  DistributionRule,
} from '../../../../core/domain/distribution/types';
import type { Grade } from '../../../../core/domain/funnel';
import type { RepId } from '../../../../core/domain/ids';
import type { Rep } from '../../../../core/domain/rep';
import { blankLead } from '../../../helpers/blank-lead';
import { makeRep } from './fixtures';

export const PLANTED_INDUSTRIES = ['manufacturing', 'saas', 'retail', 'finance'] as const;
const GRADE_MIX: readonly [Grade, number, number][] = [
  // grade, share of leads, base conversion
  ['A', 0.15, 0.45],
  ['B', 0.25, 0.3],
  ['C', 0.35, 0.15],
  ['D', 0.25, 0.06],
];
const QUARTER_MS = 91 * 86_400_000;
const START = Date.UTC(2025, 0, 1);

export interface PlantedWorld {
  readonly reps: readonly Rep[];
  /** Rep → industry → true multiplier on the base rate (1 everywhere when reps do not differ). */
  readonly trueFit: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Closed leads of the first three quarters, as the fit model learns from them. */
  readonly training: readonly FitOutcome[];
  /** The last quarter's leads, unassigned, with the scorer's probability (the grade's base rate). */
  readonly heldOut: readonly DistributionLead[];
  /** What actually happened to each held-out lead: round-robin's rep and whether it was won. */
  readonly actual: ReadonlyMap<string, { readonly repId: RepId; readonly won: boolean }>;
  /** The true conversion probability of giving a lead to a rep. */
  truth(repId: string, lead: DistributionLead): number;
}

export function plantHistory(options: {
  readonly reps: number;
  readonly leadsPerQuarter: number;
  readonly differ: boolean;
  readonly seed: number;
}): PlantedWorld {
  const rng = createRng(options.seed);
  const reps: Rep[] = Array.from({ length: options.reps }, (_, i) =>
    makeRep(`P${String(i).padStart(2, '0')}`, { name: `Planted ${i}` }),
  );
  const trueFit: Record<string, Record<string, number>> = {};
  reps.forEach((rep, i) => {
    const row: Record<string, number> = {};
    PLANTED_INDUSTRIES.forEach((industry, k) => {
      row[industry] = !options.differ ? 1 : k === i % PLANTED_INDUSTRIES.length ? 2 : 0.6;
    });
    trueFit[rep.id] = row;
  });
  const baseOf = (grade: Grade | null): number => GRADE_MIX.find(([g]) => g === grade)?.[2] ?? 0.1;
  const truth = (repId: string, lead: DistributionLead): number =>
    Math.min(0.95, baseOf(lead.grade) * (trueFit[repId]?.[lead.industry ?? ''] ?? 1));

  const training: FitOutcome[] = [];
  const heldOut: DistributionLead[] = [];
  const actual = new Map<string, { repId: RepId; won: boolean }>();
  let turn = 0;
  for (let quarter = 0; quarter < 4; quarter += 1) {
    for (let k = 0; k < options.leadsPerQuarter; k += 1) {
      let pick = rng();
      let grade: Grade = 'D';
      for (const [g, share] of GRADE_MIX) {
        if (pick < share) {
          grade = g;
          break;
        }
        pick -= share;
      }
      const industry = PLANTED_INDUSTRIES[Math.floor(rng() * PLANTED_INDUSTRIES.length)] ?? 'saas';
      const createdAt = START + quarter * QUARTER_MS + Math.floor((k / options.leadsPerQuarter) * QUARTER_MS);
      const lead: DistributionLead = {
        ...blankLead(`Q${quarter}-${String(k).padStart(5, '0')}`, {
          name: `Lead ${quarter}/${k}`,
          createdAt,
          updatedAt: createdAt,
        }),
        grade,
        industry,
        source: 'web',
        region: 'east',
        probability: baseOf(grade),
      };
      // What happened: round-robin in arrival order, the outcome drawn from the truth.
      const rep = reps[turn % reps.length] as Rep;
      turn += 1;
      const won = rng() < truth(rep.id, lead);
      if (quarter < 3) training.push({ repId: rep.id, grade, source: 'web', industry, region: 'east', won });
      else {
        heldOut.push(lead);
        actual.set(lead.id, { repId: rep.id, won });
      }
    }
  }
  return { reps, trueFit, training, heldOut, actual, truth };
}

/** Σ of the true conversion probability over the assignments: expected conversions under the planted truth. */
export function truthValue(world: PlantedWorld, assignments: readonly Assignment[]): number {
  const byId = new Map(world.heldOut.map((lead) => [lead.id as string, lead]));
  let total = 0;
  for (const a of assignments) {
    const lead = byId.get(a.leadId);
    if (a.repId !== null && lead !== undefined) total += world.truth(a.repId, lead);
  }
  return total;
}

/**
 * Conversions over the held-out quarter estimated from what actually happened (the replay method): the win rate
 * over the leads where the policy chose the rep who really had the lead, times the quarter's lead count. Unbiased
 * because the real assignment (round-robin by arrival) did not depend on the lead; noisy, with 1/reps of the leads.
 */
export function actualValue(world: PlantedWorld, assignments: readonly Assignment[]): number {
  let matched = 0;
  let wins = 0;
  for (const a of assignments) {
    const real = world.actual.get(a.leadId);
    if (real === undefined || a.repId !== real.repId) continue;
    matched += 1;
    if (real.won) wins += 1;
  }
  return matched === 0 ? 0 : (wins / matched) * world.heldOut.length;
}

export const ROUND_ROBIN_RULE: DistributionRule = {
  id: 'rr',
  name: 'Round-robin',
  enabled: true,
  conditions: [],
  target: { kind: 'everyone' },
  method: 'round-robin',
};

export const OPTIMAL_RULE: DistributionRule = {
  ...ROUND_ROBIN_RULE,
  id: 'best',
  name: 'Best fit',
  method: 'optimal',
};

/** Assigns the held-out quarter as one batch with the given rule and context. */
export function assignHeldOut(
  world: PlantedWorld,
  rule: DistributionRule,
  context: Pick<Parameters<typeof distributeBatch>[0], 'repFit' | 'fit'> = {},
): ReturnType<typeof distributeBatch> {
  return distributeBatch({
    leads: world.heldOut,
    reps: world.reps,
    rules: [rule],
    now: START + 4 * QUARTER_MS,
    seed: 1,
    options: { explain: 'compact' },
    ...context,
  });
}
