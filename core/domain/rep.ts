// A sales rep: tier, skills, territory, capacity caps and availability.
import type { RepId } from './ids';

export const REP_TIERS = ['senior', 'mid', 'junior'] as const;
export type RepTier = (typeof REP_TIERS)[number];

/** A leave period; dates are ISO `YYYY-MM-DD`, both ends inclusive. */
export interface LeavePeriod {
  readonly from: string;
  readonly to: string;
}

export interface Rep {
  readonly id: RepId;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly tier: RepTier;
  readonly skills: readonly string[];
  readonly regions: readonly string[];
  /** Relative share for weighted distribution; integer ≥ 1. */
  readonly weight: number;
  /** Max open leads at once; null = no cap. */
  readonly capOpen: number | null;
  /** Max new leads per day; null = no cap. */
  readonly capDaily: number | null;
  readonly isActive: boolean;
  readonly isOutOfOffice: boolean;
  readonly leave: readonly LeavePeriod[];
  /** ISO date the rep joined; new reps get a guaranteed minimum share. */
  readonly joinedOn: string;
  /**
   * Whole local days the rep was out of office (ledger/out-of-office.ts: at least half the day), from the switch's
   * history: time away like leave for fairness and away loads. Absent = none (attached only where counted).
   */
  readonly outOfOfficeDays?: readonly LeavePeriod[];
}

/** True when `isoDate` (YYYY-MM-DD) falls inside one of the rep's leave periods. */
export function isOnLeave(rep: Pick<Rep, 'leave'>, isoDate: string): boolean {
  return rep.leave.some((period) => period.from <= isoDate && isoDate <= period.to);
}

/** True when `isoDate` is one of the rep's out-of-office days (not today's switch: see isAvailable). */
export function isOutOfOfficeOn(rep: Pick<Rep, 'outOfOfficeDays'>, isoDate: string): boolean {
  const days = rep.outOfOfficeDays;
  return days !== undefined && days.some((period) => period.from <= isoDate && isoDate <= period.to);
}

/** Available for new leads: active, started by that day (joinedOn), not out of office, not on leave that day. */
export function isAvailable(
  rep: Pick<Rep, 'isActive' | 'isOutOfOffice' | 'leave' | 'joinedOn'>,
  isoDate: string,
): boolean {
  return rep.isActive && !(isoDate < rep.joinedOn) && !rep.isOutOfOffice && !isOnLeave(rep, isoDate);
}
