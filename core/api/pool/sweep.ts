// The pools' recycle sweep: each owned open lead against its pool's rules. A lead within the warning window warns
// its owner once (a notification); a lead past due goes back to the pool, its history saying which rule and why.
import type { Database } from 'better-sqlite3';
import { DAY_MS, HOUR_MS } from '../../domain/clock';
import { recycleDueOf, recycleStateAt, type RecycleDue } from '../../domain/pool/recycle-rules';
import { GRADE_KEYS, type PoolConfig } from '../../domain/pool/types';
import { findLeadById } from '../../store/leads';
import { listActivelyLockedLeadIds } from '../../store/pools-locks';
import {
  hasNotificationKey,
  listSweepLeads,
  type SweepBounds,
  type SweepGradeKey,
  type SweepLead,
} from '../../store/pools-sweep';
import type { CallContext } from '../call-context';
import { sendNotification, TEAM_LEAD_RECIPIENT } from '../notifications/send';
import { recycleLead } from '../sla/recycle';
import { poolOf, readPools } from './pools-read';

export interface SweepItem {
  readonly lead: SweepLead;
  readonly pool: PoolConfig;
  readonly due: RecycleDue;
  readonly state: 'due' | 'warn';
}

const KIND_TEXT: Readonly<Record<RecycleDue['kind'], string>> = {
  no_follow_up: 'no follow-up',
  no_opportunity: 'no opportunity stage',
  not_won: 'not won',
};

/** As the pool page's zh rule names (未跟进, 未进入商机, 未赢单). */
const KIND_TEXT_ZH: Readonly<Record<RecycleDue['kind'], string>> = {
  no_follow_up: '未跟进',
  no_opportunity: '未进入商机',
  not_won: '未赢单',
};

/**
 * Per grade and sort of rule, the latest start of a lead's clock that some pool's rule still reaches at `now`
 * (due, or within that pool's warning): every lead the rules reach is among those within the bounds. Null when no
 * rule of any pool applies.
 */
export function sweepBoundsOf(pools: readonly PoolConfig[], now: number): SweepBounds | null {
  const noFollowUp: Record<SweepGradeKey, number | null> = {
    A: null,
    B: null,
    C: null,
    D: null,
    ungraded: null,
  };
  const stage: Record<SweepGradeKey, number | null> = { ...noFollowUp };
  let any = false;
  for (const pool of pools)
    for (const rule of pool.recycle.rules)
      for (const grade of GRADE_KEYS) {
        const days = rule.days[grade];
        if (days === null) continue;
        const bound = now + pool.recycle.warnHours * HOUR_MS - days * DAY_MS;
        const into = rule.kind === 'no_follow_up' ? noFollowUp : stage;
        const held = into[grade];
        into[grade] = held === null ? bound : Math.max(held, bound);
        any = true;
      }
  return any ? { noFollowUp, stage } : null;
}

/** Leads due or in their warning window at `now` (optionally one owner's), read-only. */
export function planSweep(db: Database, now: number, ownerId?: string): SweepItem[] {
  const pools = readPools(db);
  const bounds = sweepBoundsOf(pools, now);
  if (bounds === null) return [];
  const locked = listActivelyLockedLeadIds(db, now);
  const only = pools.length === 1 ? pools[0] : undefined;
  const items: SweepItem[] = [];
  for (const lead of listSweepLeads(db, bounds, ownerId)) {
    const pool = only ?? poolOf(pools, lead);
    const due = recycleDueOf(pool.recycle, {
      grade: lead.grade,
      stage: lead.stage,
      ownedSince: lead.ownedSince,
      lastFollowUpAt: lead.lastFollowUpAt,
      isLocked: locked.has(lead.id),
    });
    const state = recycleStateAt(due, now);
    if (due !== null && state !== 'none') items.push({ lead, pool, due, state });
  }
  return items;
}

/** The sentence the lead's history keeps: which pool, which rule, how many days, which grade. */
export function recycleReasonText(item: Pick<SweepItem, 'lead' | 'pool' | 'due'>): string {
  const grade = item.lead.grade ?? 'ungraded';
  return `Pool “${item.pool.name}” rule: ${KIND_TEXT[item.due.kind]} for ${item.due.days} days (grade ${grade})`;
}

/** The same sentence in each UI language, kept in the explanation's `text` (the history shows the reader's). */
export function recycleReasonTexts(item: Pick<SweepItem, 'lead' | 'pool' | 'due'>): Record<string, string> {
  const grade = item.lead.grade === null ? '未评级' : `${item.lead.grade} 级`;
  return {
    en: recycleReasonText(item),
    'zh-CN': `公海池“${item.pool.name}”的回收规则：${KIND_TEXT_ZH[item.due.kind]}满 ${item.due.days} 天（${grade}）`,
  };
}

/** Applies one item in the caller's transaction; false when the lead moved on since it was planned. */
export function applySweepItem(step: CallContext, item: SweepItem): boolean {
  const warnKey = `pool-warn:${item.lead.id}:${item.lead.ownerId}:${item.due.dueAt}`;
  // A lead stays in its warning window tick after tick: once warned, it costs one index lookup.
  if (item.state === 'warn' && hasNotificationKey(step.db, warnKey)) return false;
  const lead = findLeadById(step.db, item.lead.id);
  if (!lead || lead.ownerId !== item.lead.ownerId) return false;
  const detail = { leadName: lead.name, poolName: item.pool.name, rule: item.due.kind, days: item.due.days };
  if (item.state === 'warn') {
    return (
      sendNotification(step, {
        recipient: item.lead.ownerId,
        kind: 'pool_recycle_warning',
        leadId: lead.id,
        detail: { ...detail, dueAt: item.due.dueAt },
        dedupeKey: warnKey,
      }) !== null
    );
  }
  const outcome = recycleLead(step, {
    leadId: lead.id,
    fromRepId: item.lead.ownerId,
    reason: 'stale',
    text: recycleReasonText(item),
    target: 'pool',
    detail: {
      poolId: item.pool.id,
      poolName: item.pool.name,
      rule: item.due.kind,
      days: item.due.days,
      dueAt: item.due.dueAt,
      text: recycleReasonTexts(item),
    },
  });
  if (!outcome.isRecycled) return false;
  for (const recipient of [item.lead.ownerId, TEAM_LEAD_RECIPIENT]) {
    sendNotification(step, {
      recipient,
      kind: 'sla_recycled',
      leadId: lead.id,
      detail: { ...detail, repId: item.lead.ownerId, reason: recycleReasonText(item) },
    });
  }
  return true;
}

/** Warns and recycles inside the caller's transaction (one user action); the scheduler uses `sweepPoolsInSteps`. */
export function runPoolSweep(ctx: CallContext): { recycled: number; warned: number } {
  let recycled = 0;
  let warned = 0;
  for (const item of planSweep(ctx.db, ctx.now)) {
    if (!applySweepItem(ctx, item)) continue;
    if (item.state === 'due') recycled += 1;
    else warned += 1;
  }
  return { recycled, warned };
}

/** The scheduler's sweep: each lead in its own transaction, so one failure never undoes the others. */
export function sweepPoolsInSteps(
  ctx: CallContext,
  attempt: (fn: (step: CallContext) => boolean) => boolean,
): number {
  let recycled = 0;
  for (const item of planSweep(ctx.db, ctx.now)) {
    if (attempt((step) => applySweepItem(step, item)) && item.state === 'due') recycled += 1;
  }
  return recycled;
}
