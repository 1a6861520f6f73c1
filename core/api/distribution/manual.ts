// Manual override: the team lead hands leads to a rep (or the pool) with a reason; appeals accepted end here too.
import { findLeadById } from '../../store/leads';
import { appendAssignment } from '../../store/assignments';
import { appendAudit } from '../../store/audit-log';
import { setLeadOwner } from '../../store/distribution-state';
import { findRepById } from '../../store/reps';
import { actorLabel } from '../call-context';
import type { DistributionHost } from './distribute-new-leads';
import { ServiceError } from '../errors';
import { DISTRIBUTION_ERRORS } from './errors';
import { isOpenStage } from '../../domain/funnel';
import { requireHoldingRoom } from '../pool/holding';

/** What a manual or appeal assignment stores as its explanation. */
interface ManualExplanation {
  readonly kind: 'manual' | 'appeal';
  readonly fromRepId: string | null;
  readonly toRepId: string | null;
  readonly reason: string;
  readonly appealId?: string;
}

/**
 * Moves each lead to `toRepId` (null = public pool), recording a manual assignment with the reason, the audit
 * entry and events. Leads already with that owner are left as they are. Returns how many moved.
 */
export function reassignLeads(
  host: DistributionHost,
  leadIds: readonly string[],
  toRepId: string | null,
  reason: string,
  via: { kind: 'manual' | 'appeal'; appealId?: string } = { kind: 'manual' },
): number {
  const { db, now } = host;
  const rep = toRepId === null ? undefined : findRepById(db, toRepId);
  if (toRepId !== null) {
    if (!rep) throw new ServiceError(DISTRIBUTION_ERRORS.repNotFound, { id: toRepId }, 'toRepId');
    if (!rep.isActive) throw new ServiceError(DISTRIBUTION_ERRORS.repInactive, { name: rep.name }, 'toRepId');
  }
  const actor = actorLabel(host.actor);
  const moved: string[] = [];
  for (const leadId of [...new Set(leadIds)]) {
    const lead = findLeadById(db, leadId);
    if (!lead) throw new ServiceError(DISTRIBUTION_ERRORS.leadNotFound, { id: leadId }, 'leadIds');
    if (lead.ownerId === toRepId) continue;
    // The pools' holding cap (库容) binds a hand-over as it binds a claim: one more open lead must fit.
    if (rep !== undefined && !lead.isHistory && isOpenStage(lead.stage)) requireHoldingRoom(db, now, rep);
    const assignmentId = host.newId('asg');
    const explanation: ManualExplanation = {
      kind: via.kind,
      fromRepId: lead.ownerId,
      toRepId,
      reason,
      ...(via.appealId === undefined ? {} : { appealId: via.appealId }),
    };
    appendAssignment(db, {
      id: assignmentId,
      leadId,
      repId: toRepId,
      kind: via.kind,
      ruleId: null,
      reason,
      explanation,
      actor,
      at: now,
    });
    setLeadOwner(db, leadId, toRepId, now);
    appendAudit(db, {
      at: now,
      actor,
      action: via.kind === 'appeal' ? 'distribution.appealReassign' : 'distribution.reassign',
      entity: 'lead',
      entityId: leadId,
      detail: { fromRepId: lead.ownerId, toRepId, reason, assignmentId, appealId: via.appealId ?? null },
    });
    if (toRepId !== null) host.emit('distribution.assigned', { leadId, repId: toRepId, kind: via.kind });
    moved.push(leadId);
  }
  if (moved.length > 0) host.emit('leads.changed', { leadIds: moved, reason: 'reassigned' });
  return moved.length;
}
