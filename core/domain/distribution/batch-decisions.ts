// The optimizer's leads of a batch: queued while the others are decided one by one, then solved together per rule.
import type { Assignment, DistributionRule, ExclusionCode } from './types';
import type { CandidateRank } from './trace-types';
import type { OptimizationReport } from './optimizer-types';
import type { EngineContext } from './engine-context';
import { chargeRep, fitOf } from './engine-context';
import { capExclusion } from './exclusions';
import { leadProbability } from './conditions';
import { NO_TIE, finish } from './decision';
import type { Draft } from './decision';
import { planOptimalBatch } from './optimal';
import type { BatchItem, BatchPlan } from './optimal';

export interface Deferred {
  readonly item: BatchItem;
  readonly slot: number;
  readonly rule: DistributionRule;
  readonly draft: Omit<
    Draft,
    'ranks' | 'methodState' | 'tieBreak' | 'outcome' | 'repIndex' | 'coOwners' | 'poolReason'
  >;
}

function reportOf(
  rule: DistributionRule,
  ctx: EngineContext,
  size: number,
  plan: BatchPlan,
): OptimizationReport {
  const shares: Record<string, Record<string, { received: number; lower: number; upper: number }>> = {};
  for (const [i, counts] of plan.shares) {
    const row: Record<string, { received: number; lower: number; upper: number }> = {};
    for (const c of counts) row[c.group] = { received: c.received, lower: c.lower, upper: c.upper };
    shares[ctx.repIds[i] as string] = row;
  }
  return {
    ruleId: rule.id,
    batchSize: size,
    assigned: plan.assigned,
    expectedConversions: plan.expectedConversions,
    roundRobinExpectedConversions: plan.roundRobinExpectedConversions,
    gainOverRoundRobin: plan.expectedConversions - plan.roundRobinExpectedConversions,
    tolerance: plan.tolerance,
    shares,
    sharesWithinTolerance: plan.sharesWithinTolerance,
  };
}

/** Solves the deferred optimal leads rule by rule (in rule order) with the loads left by the sequential pass. */
export function solveDeferred(
  ctx: EngineContext,
  deferred: readonly Deferred[],
  slots: (Assignment | null)[],
): OptimizationReport[] {
  const reports: OptimizationReport[] = [];
  for (const rule of ctx.rules) {
    const group = deferred.filter((d) => d.rule === rule);
    if (group.length === 0) continue;
    const plan = planOptimalBatch(
      ctx,
      rule,
      group.map((d) => d.item),
    );
    // The batch is one decision: every explanation shows the loads as they stood before it was solved.
    const before = { open: [...ctx.open], today: [...ctx.today] };
    group.forEach((d, k) => {
      const chosen = plan.repOf[k] ?? null;
      const exclusions = [...(d.draft.statuses?.exclusions ?? [])];
      const counts: Partial<Record<ExclusionCode, number>> = { ...(d.draft.statuses?.counts ?? {}) };
      const eligible: number[] = [];
      for (const i of d.item.eligible) {
        if ((plan.capacities.get(i) ?? 0) > 0) {
          eligible.push(i);
          continue;
        }
        const cap = capExclusion(ctx, i, before) ?? {
          code: 'open-cap',
          open: before.open[i] ?? 0,
          cap: ctx.reps[i]?.capOpen ?? 0,
        };
        exclusions[i] = cap;
        counts[cap.code] = (counts[cap.code] ?? 0) + 1;
      }
      const ranks = new Map<number, CandidateRank>();
      if (ctx.isFullExplain) {
        const probability = leadProbability(d.item.lead);
        for (const i of eligible) {
          const fit = fitOf(ctx, i, d.item.lead);
          ranks.set(i, { method: 'optimal', probability, fit, value: probability * fit });
        }
      }
      const grade = d.item.lead.grade ?? 'ungraded';
      const share = chosen === null ? undefined : plan.shares.get(chosen)?.find((c) => c.group === grade);
      if (chosen !== null) chargeRep(ctx, chosen);
      slots[d.slot] = finish(ctx, {
        ...d.draft,
        statuses: { exclusions, eligible, target: d.draft.statuses?.target ?? [], counts },
        ranks,
        methodState: {
          method: 'optimal',
          mode: 'batch',
          batchSize: group.length,
          capacity: chosen === null ? null : (plan.capacities.get(chosen) ?? null),
          share:
            share === undefined
              ? null
              : {
                  grade,
                  received: share.received,
                  target: share.target,
                  lower: share.lower,
                  upper: share.upper,
                  tolerance: plan.tolerance,
                },
          reason: plan.reasons[k] ?? null,
          expectedConversions: plan.expectedConversions,
          roundRobinExpectedConversions: plan.roundRobinExpectedConversions,
        },
        tieBreak: NO_TIE,
        outcome: chosen === null ? 'pool' : 'assigned',
        repIndex: chosen,
        coOwners: [],
        poolReason:
          chosen === null ? (eligible.length === 0 ? 'no-eligible-rep' : 'optimizer-no-capacity') : null,
      });
    });
    reports.push(reportOf(rule, ctx, group.length, plan));
  }
  return reports;
}
