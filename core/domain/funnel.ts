// The lead lifecycle: funnel stages (built-in and the team's own), which of them still need work, and the rules a
// configured stage list keeps.

/** The stages every funnel has. Their keys are stored on leads and never change; only their labels do. */
export const BUILT_IN_STAGES = ['raw', 'mql', 'sql', 'opportunity', 'won', 'lost', 'nurture'] as const;
export type BuiltInStage = (typeof BUILT_IN_STAGES)[number];

/** A working stage a team lead added ("Demo booked"): `c_` and a short generated id, open like MQL or SQL. */
export type CustomStage = `c_${string}`;
export type FunnelStage = BuiltInStage | CustomStage;

export const CUSTOM_STAGE_KEY = /^c_[a-z0-9]{4,20}$/;
/** Built-in stages plus at most 23 custom ones: a board wider than that is no longer a funnel. */
export const MAX_STAGES = 30;

/** Stages that can be relabelled but neither hidden nor removed: the entry stage and the three with a meaning. */
export const FIXED_STAGES: ReadonlySet<FunnelStage> = new Set(['raw', 'won', 'lost', 'nurture']);

/** The stages no one works any more: closed, or parked in nurture. They sit after every working stage. */
export const RESTING_STAGES: ReadonlySet<FunnelStage> = new Set(['won', 'lost', 'nurture']);

export function isBuiltInStage(key: string): key is BuiltInStage {
  return (BUILT_IN_STAGES as readonly string[]).includes(key);
}

/** Whether `key` names a built-in stage or has the shape of a custom one (whether it is configured is not asked). */
export function isStageKey(key: string): key is FunnelStage {
  return isBuiltInStage(key) || CUSTOM_STAGE_KEY.test(key);
}

/** A lead is open while someone still has to work it (not won, lost or parked in nurture); custom stages are open. */
export function isOpenStage(stage: FunnelStage): boolean {
  return !RESTING_STAGES.has(stage);
}

/** One stage of the configured funnel, in board order: its key, its names in both UI languages, whether shown. */
export interface StageConfig {
  readonly key: FunnelStage;
  readonly zh: string;
  readonly en: string;
  readonly hidden: boolean;
  /** Kanban limits (funnel-wip/wip.ts): most leads in the stage, most per rep, days idle before a card rots. */
  readonly wipLimit?: number | null;
  readonly repWipLimit?: number | null;
  readonly rotDays?: number | null;
}

/**
 * What is wrong with an ordered stage list, as sentences (empty = fine). A valid list names every built-in stage
 * once, custom stages at most once, starts with raw, keeps won, lost and nurture after every working stage, and
 * hides none of raw, won, lost, nurture.
 */
export function checkStageList(stages: readonly Pick<StageConfig, 'key' | 'hidden'>[]): string[] {
  const problems: string[] = [];
  const keys = stages.map((stage) => stage.key);
  if (stages.length > MAX_STAGES) problems.push(`at most ${MAX_STAGES} stages`);
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) problems.push(`the stage ${key} is listed twice`);
    seen.add(key);
  }
  for (const key of BUILT_IN_STAGES)
    if (!seen.has(key)) problems.push(`the built-in stage ${key} is missing`);
  if (keys.length > 0 && keys[0] !== 'raw') problems.push('raw must come first: new leads enter there');
  const firstResting = keys.findIndex((key) => RESTING_STAGES.has(key));
  if (firstResting >= 0 && keys.slice(firstResting).some((key) => !RESTING_STAGES.has(key)))
    problems.push('won, lost and nurture come after every working stage');
  for (const stage of stages)
    if (stage.hidden && FIXED_STAGES.has(stage.key)) problems.push(`the stage ${stage.key} cannot be hidden`);
  return problems;
}

/** The stages shown on the board and offered in pickers, in board order. */
export function visibleStages(stages: readonly StageConfig[]): FunnelStage[] {
  return stages.filter((stage) => !stage.hidden).map((stage) => stage.key);
}

/**
 * Stages whose leads would vanish from the board once `after` replaces `before`: hidden in `after`, or gone from
 * it. Board order of `before`, then of `after`.
 */
export function retiredStages(
  before: readonly StageConfig[],
  after: readonly StageConfig[],
): { readonly key: FunnelStage; readonly change: 'hidden' | 'removed' }[] {
  const next = new Map(after.map((stage) => [stage.key, stage]));
  const retired: { key: FunnelStage; change: 'hidden' | 'removed' }[] = [];
  for (const stage of before) {
    const kept = next.get(stage.key);
    if (kept === undefined) retired.push({ key: stage.key, change: 'removed' });
    else if (kept.hidden) retired.push({ key: stage.key, change: 'hidden' });
  }
  const known = new Set(before.map((stage) => stage.key));
  for (const stage of after)
    if (stage.hidden && !known.has(stage.key)) retired.push({ key: stage.key, change: 'hidden' });
  return retired;
}

/**
 * Where a lead woken from nurture goes: the stage it was parked from while that is a shown working stage, else MQL
 * while shown, else raw (which is never hidden).
 */
export function wakeStageOf(returnStage: string, stages: readonly StageConfig[]): FunnelStage {
  const shown = new Set<string>(visibleStages(stages));
  if (isStageKey(returnStage) && isOpenStage(returnStage) && shown.has(returnStage)) return returnStage;
  return shown.has('mql') ? 'mql' : 'raw';
}

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
