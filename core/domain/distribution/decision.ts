// One decision as the engine records it: the draft a path builds, turned into the assignment and its explanation.
import type { RepId } from '../ids';
import type {
  AffinityTrace,
  Assignment,
  CandidateTrace,
  DistributionLead,
  DistributionMethod,
  ExclusionCode,
  ExclusionReason,
  Explanation,
  Outcome,
  PreviousOwner,
  RuleTrace,
  SkippedRule,
} from './types';
import type { CandidateRank, MethodStateTrace, PoolReason, TieBreak } from './trace-types';
import type { EngineContext } from './engine-context';

/** Where every rep stands for one lead under one rule. */
export interface Statuses {
  /** Per rep index: why it is out, or null when eligible. */
  readonly exclusions: (ExclusionReason | null)[];
  readonly eligible: number[];
  readonly target: number[];
  readonly counts: Partial<Record<ExclusionCode, number>>;
}

export const NO_TIE: TieBreak = { kind: 'none' };

function candidateTraces(
  ctx: EngineContext,
  statuses: Statuses | null,
  ranks: ReadonlyMap<number, CandidateRank> | null,
): CandidateTrace[] {
  if (!ctx.isFullExplain || statuses === null) return [];
  return ctx.repIds.map((repId, i) => {
    const exclusion = statuses.exclusions[i] ?? null;
    if (exclusion !== null) return { repId, eligible: false, exclusion };
    const rank = ranks?.get(i);
    return rank === undefined ? { repId, eligible: true } : { repId, eligible: true, rank };
  });
}

export interface Draft {
  readonly lead: DistributionLead;
  readonly rule: RuleTrace | null;
  readonly ruleId: string | null;
  readonly skipped: readonly SkippedRule[];
  readonly affinity: AffinityTrace | null;
  readonly method: DistributionMethod | 'affinity' | null;
  readonly statuses: Statuses | null;
  readonly ranks: ReadonlyMap<number, CandidateRank> | null;
  readonly methodState: MethodStateTrace | null;
  readonly tieBreak: TieBreak;
  readonly outcome: Outcome;
  readonly repIndex: number | null;
  readonly coOwners: readonly number[];
  readonly poolReason: PoolReason | null;
}

/** The lead's previous owners for its explanation, the rep it is being recycled from last; nothing when none. */
/** The lead's previous owners for its explanation, the rep it is being recycled from last; nothing when none. */
function previousOwnersField(
  lead: DistributionLead,
  now: number,
): { previousOwners?: readonly PreviousOwner[] } {
  const list = [...(lead.previousOwners ?? [])];
  const from = lead.recycledFromRepId ?? null;
  if (from !== null && !list.some((p) => p.repId === from && p.at === now))
    list.push({ repId: from, at: now });
  return list.length === 0 ? {} : { previousOwners: list };
}

/** The assignment and its explanation, from a finished draft. */
export function finish(ctx: EngineContext, draft: Draft): Assignment {
  const repId = draft.repIndex === null ? null : (ctx.repIds[draft.repIndex] as RepId);
  const coOwnerIds = draft.coOwners.map((i) => ctx.repIds[i] as RepId);
  const explanation: Explanation = {
    version: 1,
    leadId: draft.lead.id,
    at: ctx.now,
    rule: draft.rule,
    skippedRules: draft.skipped,
    affinity: draft.affinity,
    method: draft.method,
    candidates: candidateTraces(ctx, draft.statuses, draft.ranks),
    eligibleCount: draft.statuses?.eligible.length ?? 0,
    exclusionCounts: draft.statuses?.counts ?? {},
    methodState: draft.methodState,
    tieBreak: draft.tieBreak,
    outcome: draft.outcome,
    repId,
    coOwnerIds,
    poolReason: draft.poolReason,
    ...previousOwnersField(draft.lead, ctx.now),
    grade: draft.lead.grade,
  };
  return {
    leadId: draft.lead.id,
    outcome: draft.outcome,
    repId,
    coOwnerIds,
    ruleId: draft.ruleId,
    poolReason: draft.poolReason,
    explanation,
  };
}
