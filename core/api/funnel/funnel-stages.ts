// The configured funnel as the handlers enforce it: which stages a lead may enter, and where the leads of a stage
// go when the team lead hides or removes it.
import type { Database } from 'better-sqlite3';
import { isOpenStage, retiredStages, type FunnelStage } from '../../domain/funnel';
import { appendAudit } from '../../store/audit-log';
import { retargetNurtureReturns } from '../../store/nurture-wakeups';
import { appendStageChange } from '../../store/stage-history';
import { countLeadsByStage, moveLiveLeadsToStage } from '../../store/work-leads';
import { actorLabel, type CallContext } from '../call-context';
import { ServiceError } from '../errors';
import { FUNNEL_ERRORS } from './errors';
import type { FunnelSettings } from './schemas';

/** A stage's names for messages, in both languages (the key when the funnel does not know it). */
function stageNames(
  settings: FunnelSettings,
  stage: string,
): { stage: string; name: string; nameZh: string } {
  const entry = settings.stages.find((s) => s.key === stage);
  return { stage, name: entry?.en ?? stage, nameZh: entry?.zh ?? stage };
}

/** Refuses a stage the funnel does not have, or hides: a lead there would drop off the board. */
export function requireShownStage(settings: FunnelSettings, stage: FunnelStage, field = 'stage'): void {
  const entry = settings.stages.find((s) => s.key === stage);
  if (entry === undefined) throw new ServiceError(FUNNEL_ERRORS.unknownStage, { stage }, field);
  if (entry.hidden) throw new ServiceError(FUNNEL_ERRORS.hiddenStage, stageNames(settings, stage), field);
}

/** Live leads (not deleted, not history) per stage key; history leads keep the stage they were imported with. */
export function countLiveLeadsByStage(db: Database): Map<FunnelStage, number> {
  return countLeadsByStage(db, { excludeHistory: true });
}

interface StageReassignment {
  readonly from: FunnelStage;
  readonly to: FunnelStage;
}

/**
 * Before `after` replaces `before`: every stage it hides or removes that still has live leads must have a target
 * in `reassign` (a shown working stage of `after`), and its leads move there, each move in the stage history.
 * Refuses, naming the stage and the count, when a target is missing. Returns how many leads moved.
 */
export function moveLeadsOffRetiredStages(
  ctx: CallContext,
  before: FunnelSettings,
  after: FunnelSettings,
  reassign: readonly StageReassignment[],
): number {
  const retired = retiredStages(before.stages, after.stages);
  const retiredKeys = new Set<string>(retired.map((r) => r.key));
  const targets = new Map<string, FunnelStage>();
  for (const { from, to } of reassign) {
    if (!retiredKeys.has(from))
      throw new ServiceError(FUNNEL_ERRORS.reassignNotRetired, stageNames(after, from), 'reassign');
    if (targets.has(from)) throw new ServiceError(FUNNEL_ERRORS.reassignTwice, { stage: from }, 'reassign');
    const target = after.stages.find((s) => s.key === to);
    if (target === undefined || target.hidden || !isOpenStage(to))
      throw new ServiceError(FUNNEL_ERRORS.reassignTarget, stageNames(after, to), 'reassign');
    targets.set(from, to);
  }
  const counts = countLiveLeadsByStage(ctx.db);
  let moved = 0;
  for (const { key, change } of retired) {
    const count = counts.get(key) ?? 0;
    if (count === 0) continue;
    const names = stageNames(before, key);
    const to = targets.get(key);
    if (to === undefined)
      throw new ServiceError(FUNNEL_ERRORS.stageHasLeads, { ...names, count, change }, 'reassign');
    const ids = moveLiveLeadsToStage(ctx.db, key, to, ctx.now);
    const actor = actorLabel(ctx.actor);
    const note = `Stage "${names.name}" ${change} in the funnel settings`;
    for (const leadId of ids)
      appendStageChange(ctx.db, { id: ctx.newId('stg'), leadId, from: key, to, actor, note, at: ctx.now });
    retargetNurtureReturns(ctx.db, key, to);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor,
      action: 'funnel.stageLeadsMoved',
      entity: 'settings',
      entityId: 'work.funnel',
      detail: { from: key, to, change, count: ids.length },
    });
    if (ids.length > 0) ctx.emit('leads.changed', { leadIds: ids, reason: 'stage' });
    moved += ids.length;
  }
  return moved;
}
