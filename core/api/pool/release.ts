// A rep hands an open lead of theirs back to the public pool (放回公海) with a reason. It is recorded as a recycle
// from them (reason 'released'), so what follows a recycle follows a release: their claim cool-down before taking
// it back, distribution keeping it from them within that cool-down, the lead counted as recycled, the gaming
// signals. The pool shows who released it; a lock of theirs on it ends with it; the team lead is notified.
import { isOpenStage } from '../../domain/funnel';
import { findLeadById } from '../../store/leads';
import { findOpenLock, releaseLock } from '../../store/pools-locks';
import { findRepById } from '../../store/reps';
import { actorLabel, type CallContext } from '../call-context';
import { ServiceError } from '../errors';
import { sendNotification, TEAM_LEAD_RECIPIENT } from '../notifications/send';
import { recycleLead } from '../sla/recycle';
import { WORK_ERRORS } from '../work/errors';
import { POOL_ERRORS } from './errors';
import { poolOf, readPools } from './pools-read';

/** Releases `leadId` from `repId` (the caller checked the actor is that rep); answers the pool it went to. */
export function releaseLead(
  ctx: CallContext,
  repId: string,
  leadId: string,
  reason: string,
): { leadId: string; poolId: string } {
  const lead = findLeadById(ctx.db, leadId);
  if (!lead) throw new ServiceError(WORK_ERRORS.leadNotFound, { id: leadId }, 'leadId');
  if (lead.ownerId !== repId) throw new ServiceError(POOL_ERRORS.releaseNotYours, { id: lead.id }, 'leadId');
  if (lead.isHistory || !isOpenStage(lead.stage))
    throw new ServiceError(POOL_ERRORS.releaseNotOpen, { id: lead.id }, 'leadId');
  const lock = findOpenLock(ctx.db, lead.id);
  if (lock !== null) releaseLock(ctx.db, lock.id, ctx.now, actorLabel(ctx.actor));
  const pool = poolOf(readPools(ctx.db), lead);
  const text = `Released to the public pool by the rep: ${reason}`;
  recycleLead(ctx, {
    leadId: lead.id,
    fromRepId: repId,
    reason: 'released',
    text,
    target: 'pool',
    detail: { poolId: pool.id, note: reason, text: { en: text, 'zh-CN': `销售放回公海：${reason}` } },
  });
  // The team lead hears of it: a lead given up may want another rep or a word with this one.
  sendNotification(ctx, {
    recipient: TEAM_LEAD_RECIPIENT,
    kind: 'pool_released',
    leadId: lead.id,
    detail: {
      leadName: lead.name,
      repName: findRepById(ctx.db, repId)?.name ?? repId,
      reason,
      poolName: pool.name,
    },
  });
  return { leadId: lead.id, poolId: pool.id };
}
