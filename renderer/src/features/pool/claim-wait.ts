// The words for a claim that has to wait (a cool-down's or an embargo's end): the same in the pool's table and in a
// lead's drawer, so the two never disagree about one lead.
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../ui/format';
import type { Language } from '../../i18n';

export interface ClaimWait {
  readonly kind: 'coolDown' | 'embargo';
  /** When the claim opens (epoch ms, the hub's clock). */
  readonly until: number;
}

export function claimWaitText(t: TFunction, language: Language, wait: ClaimWait): string {
  // A cool-down is days long (its day is enough); an embargo minutes (its time is what counts).
  return wait.kind === 'coolDown'
    ? t('work.pool.coolDown', { date: formatDate(wait.until, language) })
    : t('work.pool.embargo', { time: formatDateTime(wait.until, language) });
}

/**
 * What a pool row says about waiting: while both hold, the one that ends later (when the claim opens), as the hub's
 * refusal of the claim names it (checkClaim), so the row and the drawer agree.
 */
export function claimWaitOf(row: {
  readonly coolDownUntil: number | null;
  readonly embargoUntil: number | null;
}): ClaimWait | null {
  const { coolDownUntil, embargoUntil } = row;
  if (coolDownUntil !== null && (embargoUntil === null || coolDownUntil >= embargoUntil))
    return { kind: 'coolDown', until: coolDownUntil };
  if (embargoUntil !== null) return { kind: 'embargo', until: embargoUntil };
  return null;
}

/** The wait a claim refusal names (pool.claimCheck's answer), or null for a refusal that no time ends. */
export function claimWaitOfRefusal(refusal: {
  readonly reason: string;
  readonly details?: Readonly<Record<string, unknown>>;
}): ClaimWait | null {
  const until = refusal.details?.until;
  if (typeof until !== 'number') return null;
  if (refusal.reason === 'pool.coolingDown') return { kind: 'coolDown', until };
  if (refusal.reason === 'pool.embargo') return { kind: 'embargo', until };
  return null;
}
