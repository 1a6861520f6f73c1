// When a scheduled activity is due, from an exact instant or a quick pick in the team's working calendar.
import { quickPickAt, type QuickPick } from '../../domain/sla/quick-picks';
import type { CallContext } from '../call-context';
import { ServiceError } from '../errors';
import { readSlaPolicy } from '../sla/settings';
import { FOLLOW_UPS_ERRORS } from './errors';

/**
 * The due time asked for (null = none given). Refuses both an instant and a quick pick, an instant not after
 * now, and a pick the calendar can never reach.
 */
export function resolveDueAt(
  ctx: CallContext,
  input: { readonly nextAt?: number | null | undefined; readonly nextPick?: QuickPick | undefined },
): number | null {
  if (input.nextAt != null && input.nextPick !== undefined)
    throw new ServiceError(FOLLOW_UPS_ERRORS.nextConflict, {}, 'nextPick');
  if (input.nextPick !== undefined) {
    const at = quickPickAt(input.nextPick, ctx.now, readSlaPolicy(ctx.db));
    if (!Number.isFinite(at)) throw new ServiceError(FOLLOW_UPS_ERRORS.noWorkingTime, {}, 'nextPick');
    return at;
  }
  if (input.nextAt == null) return null;
  if (input.nextAt <= ctx.now)
    throw new ServiceError(FOLLOW_UPS_ERRORS.nextAtPast, { now: ctx.now }, 'nextAt');
  return input.nextAt;
}
