// The team lead's targets for the KPI row, with the common defaults from the KPI table the trade quotes.
import type { SlaGradeKey, SlaPolicy } from '../sla/sla-policy';
import { SLA_GRADE_KEYS } from '../sla/sla-policy';
import type { BalanceOptions } from './balance';
import { DEFAULT_BALANCE_OPTIONS } from './balance';

export interface KpiTargets {
  /** First contact within this many business minutes, per grade (A: 5 by default). */
  readonly responseMinutes: Readonly<Record<SlaGradeKey, number>>;
  /** Won / arrived at or above this share (0–1). */
  readonly conversion: number;
  /** Lost, recycled or never contacted at or below this share (0–1). */
  readonly lossRate: number;
  /** Reps' average pulse answer (1–5) above this. */
  readonly satisfaction: number;
  readonly balance: BalanceOptions;
}

/**
 * Defaults: response targets are the SLA policy's first-contact clocks (5 minutes for A leads by default), so the
 * dashboard judges reps by the same promise the reminders enforce; conversion > 15%, loss < 10%, satisfaction > 4.
 */
export function defaultKpiTargets(policy: SlaPolicy): KpiTargets {
  const responseMinutes = {} as Record<SlaGradeKey, number>;
  for (const key of SLA_GRADE_KEYS) responseMinutes[key] = policy.grades[key].firstContactMinutes;
  return {
    responseMinutes,
    conversion: 0.15,
    lossRate: 0.1,
    satisfaction: 4,
    balance: DEFAULT_BALANCE_OPTIONS,
  };
}
