// A deterministic demo workspace: 8 reps and 500 realistic leads with a few months of assignments and follow-ups.
import { createRng } from '../clock';
import type { IdGenerator, LeadId } from '../ids';
import type { DistributionRule } from '../distribution/types';
import type { Rep } from '../rep';
import { defaultScoringModel } from '../scoring/default-model';
import type { DemoFollowUp } from './follow-ups';
import type { DemoAssignment, DemoLead } from './assignment-history';
import { HistoryBuilder } from './assignment-history';
import type { DraftContext, LeadDraft } from './leads';
import { draftDuplicate, draftLead, drawTargetGrades } from './leads';
import { buildReps } from './team';
import type { DemoStageMove } from './stage-moves';
import { demoStageMoves } from './stage-moves';

export interface DemoWorkspace {
  readonly reps: Rep[];
  readonly leads: DemoLead[];
  readonly followUps: DemoFollowUp[];
  readonly assignments: DemoAssignment[];
  /** How each lead moved along the funnel to its stage now. */
  readonly stageMoves: DemoStageMove[];
  /** The distribution rules the history's automatic assignments followed, in force once the demo is loaded. */
  readonly rules: readonly DistributionRule[];
}

export interface DemoWorkspaceOptions {
  readonly seed: number;
  /** Epoch ms; every generated timestamp is at or before it. */
  readonly now: number;
  /** Called with 'rep', 'lead', 'assignment', 'follow-up'; default: `lead-0001` style. */
  readonly ids?: IdGenerator;
}

const DEMO_LEAD_COUNT = 500;
/** Mixed into the seed for the won/lost draws, a stream of their own. */
const OUTCOME_STREAM = 0x5eed_0c0e;
const DUPLICATE_COUNT = 15;

/**
 * Builds the demo workspace. Pure and deterministic: the same seed and now give a deep-equal result.
 * Invariants: every timestamp ≤ now; every owner, follow-up rep and assignment rep is one of the reps; automatic
 * assignments are the distribution engine's decisions with its explanations; won leads carry `wonAmountFen`,
 * lost leads `lostReason`; score and grade are left null for the scoring engine, which under the default model
 * grades about 10% A, 25% B, 35% C and 30% D.
 */
export function generateDemoWorkspace(options: DemoWorkspaceOptions): DemoWorkspace {
  const { seed, now } = options;
  const rng = createRng(seed);
  const makeId = options.ids ?? createSequentialIds();
  const reps = buildReps(now, makeId);
  const ctx: DraftContext = {
    rng,
    now,
    model: defaultScoringModel(),
    phones: new Set(),
    outcomeRng: createRng(seed ^ OUTCOME_STREAM),
  };
  const drafts: LeadDraft[] = [];
  const grades = drawTargetGrades(rng, DEMO_LEAD_COUNT - DUPLICATE_COUNT, DUPLICATE_COUNT);
  for (const [i, grade] of grades.entries()) drafts.push(draftLead(ctx, i, grade));
  for (let i = 0; i < DUPLICATE_COUNT; i += 1) drafts.push(draftDuplicate(ctx, drafts, drafts.length));
  drafts.sort((a, b) => a.createdAt - b.createdAt || a.order - b.order);

  const history = new HistoryBuilder(rng, now, seed, reps, makeId);
  const leads = drafts.map((draft) => history.settle(draft, makeId('lead') as LeadId));
  return {
    reps,
    leads,
    followUps: history.followUps,
    assignments: history.assignments,
    stageMoves: stageMovesOf(leads, history.followUps, history.assignments, now, makeId),
    rules: history.rules,
  };
}

/** Every lead's moves to its stage, each from when its owner last got it. */
function stageMovesOf(
  leads: readonly DemoLead[],
  followUps: readonly DemoFollowUp[],
  assignments: readonly DemoAssignment[],
  now: number,
  makeId: IdGenerator,
): DemoStageMove[] {
  const followUpsOf = new Map<LeadId, DemoFollowUp[]>();
  for (const f of followUps) followUpsOf.set(f.leadId, [...(followUpsOf.get(f.leadId) ?? []), f]);
  const handedOver = new Map<string, number>();
  for (const a of assignments) {
    if (a.repId !== null)
      handedOver.set(`${a.leadId} ${a.repId}`, Math.max(a.at, handedOver.get(`${a.leadId} ${a.repId}`) ?? 0));
  }
  return leads.flatMap((lead) =>
    demoStageMoves(
      lead,
      followUpsOf.get(lead.id) ?? [],
      lead.ownerId === null ? null : (handedOver.get(`${lead.id} ${lead.ownerId}`) ?? null),
      now,
      makeId,
    ),
  );
}

function createSequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  const short: Record<string, [string, number]> = {
    rep: ['rep', 2],
    lead: ['lead', 4],
    assignment: ['asg', 5],
    'follow-up': ['fu', 5],
  };
  return (prefix) => {
    const next = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, next);
    const [label, width] = short[prefix] ?? [prefix, 4];
    return `${label}-${String(next).padStart(width, '0')}`;
  };
}
