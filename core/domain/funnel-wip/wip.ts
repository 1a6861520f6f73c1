// Kanban limits: a stage column over its work-in-progress limit (for the stage, or for one rep in it), and a card
// rotting after N days in its stage without activity.
import { DAY_MS } from '../clock';

export interface StageLimits {
  /** Most leads the stage should hold at once; null/absent = no limit. */
  readonly wipLimit?: number | null;
  /** Most leads one rep should hold in the stage; null/absent = no limit. */
  readonly repWipLimit?: number | null;
  /** Days in the stage without activity after which a card rots; null/absent = never. */
  readonly rotDays?: number | null;
}

export interface ColumnWip {
  /** True when the column holds more than its stage limit. */
  readonly isOverStage: boolean;
  /** Reps holding more than the per-rep limit in this stage, most first (then by id). */
  readonly repsOver: readonly { readonly repId: string; readonly count: number }[];
}

/** Over means strictly above the limit: a stage at exactly its limit is full, not over. */
export function columnWip(
  limits: StageLimits,
  total: number,
  byOwner: Readonly<Record<string, number>>,
): ColumnWip {
  const stageLimit = limits.wipLimit ?? null;
  const repLimit = limits.repWipLimit ?? null;
  const repsOver =
    repLimit === null
      ? []
      : Object.entries(byOwner)
          .filter(([, count]) => count > repLimit)
          .map(([repId, count]) => ({ repId, count }))
          .sort((a, b) => b.count - a.count || (a.repId < b.repId ? -1 : 1));
  return { isOverStage: stageLimit !== null && total > stageLimit, repsOver };
}

/**
 * Whole days a card has sat in its stage without activity: since the later of its last stage change, last
 * follow-up and (when neither exists) its arrival. Null when the card is rotting-exempt (no rot days set).
 */
export function daysWithoutActivity(
  card: {
    readonly stageChangedAt?: number | null;
    readonly lastFollowUpAt: number | null;
    readonly createdAt?: number | null;
  },
  now: number,
): number | null {
  const last = Math.max(
    card.stageChangedAt ?? -Infinity,
    card.lastFollowUpAt ?? -Infinity,
    card.createdAt ?? -Infinity,
  );
  if (!Number.isFinite(last)) return null;
  return Math.max(0, Math.floor((now - last) / DAY_MS));
}

/** True when the card has been `rotDays` or more whole days in its stage without activity. */
export function isRotting(limits: StageLimits, idleDays: number | null): boolean {
  const rot = limits.rotDays ?? null;
  return rot !== null && idleDays !== null && idleDays >= rot;
}
