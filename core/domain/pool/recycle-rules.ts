// When an owned lead falls due for recycling under its pool's rules: the earliest rule to run out, per grade, with
// its exemptions (an opportunity, won, locked), and when its owner is warned first.
import { DAY_MS, HOUR_MS } from '../clock';
import type { FunnelStage, Grade } from '../funnel';
import type { PoolRecycle, RecycleKind } from './types';

export interface RecycleLeadFacts {
  readonly grade: Grade | null;
  readonly stage: FunnelStage;
  /** When the current owner got it (epoch ms). */
  readonly ownedSince: number;
  /** The owner's latest follow-up since then; null = none. */
  readonly lastFollowUpAt: number | null;
  readonly isLocked: boolean;
}

export interface RecycleDue {
  readonly kind: RecycleKind;
  readonly days: number;
  /** The instant the lead is recycled (due from then on). */
  readonly dueAt: number;
  /** The instant its owner is warned; null when the pool warns no one. */
  readonly warnAt: number | null;
}

/** Null when the lead is exempt or no rule applies to its grade; else the earliest rule due. */
export function recycleDueOf(rules: PoolRecycle, lead: RecycleLeadFacts): RecycleDue | null {
  if (rules.exemptLocked && lead.isLocked) return null;
  if (rules.exemptHasOpportunity && lead.stage === 'opportunity') return null;
  if (rules.exemptWon && lead.stage === 'won') return null;
  let best: RecycleDue | null = null;
  for (const rule of rules.rules) {
    const days = rule.days[lead.grade ?? 'ungraded'];
    if (days === null) continue;
    let start = lead.ownedSince;
    if (rule.kind === 'no_follow_up') start = Math.max(start, lead.lastFollowUpAt ?? start);
    // An opportunity satisfies "reach an opportunity"; a won lead satisfies both stage rules.
    if (rule.kind === 'no_opportunity' && (lead.stage === 'opportunity' || lead.stage === 'won')) continue;
    if (rule.kind === 'not_won' && lead.stage === 'won') continue;
    const dueAt = start + days * DAY_MS;
    if (best === null || dueAt < best.dueAt) {
      best = {
        kind: rule.kind,
        days,
        dueAt,
        warnAt: rules.warnHours > 0 ? dueAt - rules.warnHours * HOUR_MS : null,
      };
    }
  }
  return best;
}

export type RecycleState = 'due' | 'warn' | 'none';

/** Due from `dueAt` on; warned from `warnAt` until then. */
export function recycleStateAt(due: RecycleDue | null, now: number): RecycleState {
  if (due === null) return 'none';
  if (now >= due.dueAt) return 'due';
  if (due.warnAt !== null && now >= due.warnAt) return 'warn';
  return 'none';
}
