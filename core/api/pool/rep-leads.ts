// A deactivated rep's open leads, moved where the team lead said: the public pool, through the distribution rules
// (never back to that rep), or to one named rep. Each move is in the lead's assignment history.
import type { Database } from 'better-sqlite3';
import { listAllLeadCards } from '../../store/work-leads';
import type { CallContext } from '../call-context';
import { distributeNewLeads } from '../distribution/distribute-new-leads';
import { reassignLeads } from '../distribution/manual';
import { ServiceError } from '../errors';
import { POOL_ERRORS } from './errors';
import type { OpenLeadsPlace } from './schemas';

/** The leads a rep still has to work: owned, open, not history. */
export function listOpenLeadIdsOf(db: Database, repId: string): string[] {
  return listAllLeadCards(db, { owner: repId, onClockOnly: true })
    .map((card) => card.id)
    .sort();
}

/** Refuses a deactivation that holds open leads and does not say where they go (the refusal carries the count). */
export function requireOpenLeadsPlace(
  ctx: CallContext,
  repId: string,
  place: OpenLeadsPlace | undefined,
): void {
  if (place !== undefined) return;
  const count = listOpenLeadIdsOf(ctx.db, repId).length;
  if (count > 0) throw new ServiceError(POOL_ERRORS.openLeadsNeedPlace, { count }, 'openLeads');
}

/** Moves every open lead of `repId` to `place`; answers how many moved. Call after the rep is inactive. */
export function moveOpenLeadsOf(ctx: CallContext, repId: string, place: OpenLeadsPlace): number {
  const ids = listOpenLeadIdsOf(ctx.db, repId);
  if (ids.length === 0) return 0;
  if (place.to === 'pool') return reassignLeads(ctx, ids, null, 'Rep deactivated: back to the public pool');
  if (place.to === 'rep')
    return reassignLeads(ctx, ids, place.repId, 'Rep deactivated: handed on by the team lead');
  const result = distributeNewLeads(ctx, ids, {
    kind: 'manual',
    recycledFrom: Object.fromEntries(ids.map((id) => [id, repId])),
    excludeRepIds: Object.fromEntries(ids.map((id) => [id, [repId]])),
    auditAction: 'rep.deactivate.redistribute',
  });
  // What the rules could not place (no rep eligible, or skipped) waits in the pool rather than with the leaver.
  const decided = new Set(result.results.filter((r) => r.repId !== null).map((r) => r.leadId));
  const left = ids.filter((id) => !decided.has(id));
  if (left.length > 0)
    reassignLeads(ctx, left, null, 'Rep deactivated: no rep eligible, back to the public pool');
  return ids.length;
}
