// The Won/Lost gates, one rule for every call that moves a lead's stage: Won needs the amount, Lost a reason
// from the team's list, and both stamp the close time; any other stage clears all three.
import type { FunnelStage } from '../../domain/funnel';
import { ServiceError } from '../errors';
import { LEADS_ERRORS } from './errors';

export interface ClosingFacts {
  /** Yuan, as typed; stored as integer fen. */
  readonly wonAmountYuan?: number | undefined;
  readonly lostReason?: string | null | undefined;
}

export interface Closing {
  readonly wonAmountFen: number | null;
  readonly lostReason: string | null;
  /** Epoch ms the lead was won or lost; null while open. */
  readonly closedAt: number | null;
}

/**
 * What a lead entering `stage` stores about its close. Refuses Won without an amount, Lost without a reason or
 * with one not in `lostReasons`, and closing facts given for a stage that does not close.
 */
export function closingFor(
  stage: FunnelStage,
  facts: ClosingFacts,
  lostReasons: readonly string[],
  now: number,
): Closing {
  const lostReason = facts.lostReason ?? null;
  if (stage === 'won') {
    if (facts.wonAmountYuan === undefined)
      throw new ServiceError(LEADS_ERRORS.wonAmountRequired, undefined, 'wonAmountYuan');
    if (lostReason !== null)
      throw new ServiceError(LEADS_ERRORS.closingFactsWithoutClosing, { stage }, 'lostReason');
    return { wonAmountFen: Math.round(facts.wonAmountYuan * 100), lostReason: null, closedAt: now };
  }
  if (stage === 'lost') {
    if (lostReason === null) throw new ServiceError(LEADS_ERRORS.lostReasonRequired, undefined, 'lostReason');
    if (!lostReasons.includes(lostReason))
      throw new ServiceError(LEADS_ERRORS.lostReasonUnknown, { reason: lostReason }, 'lostReason');
    if (facts.wonAmountYuan !== undefined)
      throw new ServiceError(LEADS_ERRORS.closingFactsWithoutClosing, { stage }, 'wonAmountYuan');
    return { wonAmountFen: null, lostReason, closedAt: now };
  }
  if (facts.wonAmountYuan !== undefined || lostReason !== null)
    throw new ServiceError(
      LEADS_ERRORS.closingFactsWithoutClosing,
      { stage },
      facts.wonAmountYuan !== undefined ? 'wonAmountYuan' : 'lostReason',
    );
  return { wonAmountFen: null, lostReason: null, closedAt: null };
}
