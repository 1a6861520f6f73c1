// The configured funnel as the handlers enforce it: which stages a lead may enter, and where the leads of a stage
// go when the team lead hides or removes it.
import type { Database } from 'better-sqlite3';
import { isOpenStage, retiredStages, type FunnelStage } from '../../domain/funnel';
import { appendAudit } from '../../store/audit-log';
import { retargetNurtureReturns } from '../../store/nurture-wakeups';
import { appendStageChange } from '../../store/stage-history';
import { countLeadsByStage, moveLiveLeadsToStage } from '../../store/work-leads';
import { actorLabel, type CallContext } from '../call-context';
import type { FunnelSettings } from '../work/calls';
import { ServiceError } from '../errors';

/** A stage's English name for messages (the key when the funnel does not know it). */
export function stageName(settings: FunnelSettings, stage: string): string {
  return settings.stages.find((s) => s.key === stage)?.en ?? stage;
}

/** Refuses a stage the funnel does not have, or hides: a lead there would drop off the board. */
export function requireShownStage(settings: FunnelSettings, stage: FunnelStage, field = 'stage'): void {
  const entry = settings.stages.find((s) => s.key === stage);
  if (entry === undefined)
    throw new ServiceError('invalid_input', `Unknown stage "${stage}": the funnel has no such stage.`, field);
  if (entry.hidden)
    throw new ServiceError(
      'invalid_input',
      `The stage "${entry.en}" is hidden: show it again in the funnel settings before moving leads there.`,
      field,
    );
}

/** Live leads (not deleted, not history) per stage key; history leads keep the stage they were imported with. */
export function countLiveLeadsByStage(db: Database): Map<FunnelStage, number> {
  return countLeadsByStage(db, { excludeHistory: true });
}

export interface StageReassignment {
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
      throw new ServiceError(
        'invalid_input',
        `The stage "${stageName(after, from)}" stays on the board: only a hidden or removed stage moves its leads.`,
        'reassign',
      );
    if (targets.has(from))
      throw new ServiceError('invalid_input', `Where the leads of "${from}" go is given twice.`, 'reassign');
    const target = after.stages.find((s) => s.key === to);
    if (target === undefined || target.hidden || !isOpenStage(to))
      throw new ServiceError(
        'invalid_input',
        `Leads can only move to a shown working stage, not "${stageName(after, to)}".`,
        'reassign',
      );
    targets.set(from, to);
  }
  const counts = countLiveLeadsByStage(ctx.db);
  let moved = 0;
  for (const { key, change } of retired) {
    const count = counts.get(key) ?? 0;
    if (count === 0) continue;
    const name = stageName(before, key);
    const to = targets.get(key);
    if (to === undefined)
      throw new ServiceError(
        'conflict',
        `The stage "${name}" still has ${count} lead${count === 1 ? '' : 's'}: choose a stage to move ` +
          `${count === 1 ? 'it' : 'them'} to before it is ${change}.`,
        'reassign',
      );
    const ids = moveLiveLeadsToStage(ctx.db, key, to, ctx.now);
    const actor = actorLabel(ctx.actor);
    const note = `Stage "${name}" ${change} in the funnel settings`;
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
