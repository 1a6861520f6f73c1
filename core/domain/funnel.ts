// The lead lifecycle: funnel stages and which of them still need work.
export const FUNNEL_STAGES = ['raw', 'mql', 'sql', 'opportunity', 'won', 'lost', 'nurture'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const CLOSED_STAGES: ReadonlySet<FunnelStage> = new Set(['won', 'lost']);

/** A lead is open while someone still has to work it (not won, lost or parked in nurture). */
export function isOpenStage(stage: FunnelStage): boolean {
  return !CLOSED_STAGES.has(stage) && stage !== 'nurture';
}

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
