// Taking a lead back from its owner (SLA, stale list, nurture wake-up): to the public pool or through distribution.
import type { RecycleTarget } from '../../domain/sla/sla-policy';
import { appendAssignment } from '../../store/assignments';
import { appendAudit } from '../../store/audit-log';
import { insertRecycle, type RecycleReason } from '../../store/pool-claims';
import { setLeadOwnerIf } from '../../store/work-leads';
import { actorLabel } from '../call-context';
import { distributeNewLeads, type DistributionHost } from '../distribution/distribute-new-leads';

interface RecycleRequest {
  readonly leadId: string;
  /** The owner the lead is taken from; nothing happens if someone else owns it by now. */
  readonly fromRepId: string;
  readonly reason: RecycleReason;
  /** A short sentence for the assignment history. */
  readonly text: string;
  readonly target: RecycleTarget;
  readonly detail?: Readonly<Record<string, unknown>>;
}

interface RecycleOutcome {
  readonly isRecycled: boolean;
  /** The rep distribution chose; null = the lead is in the public pool. */
  readonly toRepId: string | null;
}

/**
 * Takes a lead from `fromRepId` inside the caller's transaction. The previous owner never gets it back: the
 * redistribution excludes them, and a recycle from them starts their claim cool-down (nurture wake-ups excepted).
 */
export function recycleLead(host: DistributionHost, request: RecycleRequest): RecycleOutcome {
  const { db, now } = host;
  if (request.reason !== 'nurture') {
    insertRecycle(db, {
      id: host.newId('rcy'),
      leadId: request.leadId,
      fromRepId: request.fromRepId,
      reason: request.reason,
      at: now,
    });
  }
  if (request.target === 'redistribute') {
    const toRepId = redistributeRecycledLead(host, request);
    if (toRepId !== undefined) return { isRecycled: true, toRepId };
  }
  if (!setLeadOwnerIf(db, request.leadId, request.fromRepId, null, now)) {
    return { isRecycled: false, toRepId: null };
  }
  appendAssignment(db, {
    id: host.newId('asg'),
    leadId: request.leadId,
    repId: null,
    kind: 'recycle',
    ruleId: null,
    reason: request.text,
    explanation: { kind: 'recycle', fromRepId: request.fromRepId, reason: request.reason, ...request.detail },
    actor: actorLabel(host.actor),
    at: now,
  });
  appendAudit(db, {
    at: now,
    actor: actorLabel(host.actor),
    // A rep's own release is not a recycle by a rule: its audit entry says so.
    action: request.reason === 'released' ? 'pool.release' : `${request.reason}.recycle`,
    entity: 'lead',
    entityId: request.leadId,
    detail: { fromRepId: request.fromRepId, to: 'pool', reason: request.text, ...request.detail },
  });
  host.emit('leads.changed', { leadIds: [request.leadId], reason: 'recycled' });
  return { isRecycled: true, toRepId: null };
}

/**
 * THE single call site of redistribution for recycled leads: hands the lead to another rep through the rules in
 * force, never back to `fromRepId`. Answers the new owner (null = distribution pooled it), or undefined when
 * distribution skipped the lead (then the caller pools it).
 */
function redistributeRecycledLead(
  host: DistributionHost,
  request: RecycleRequest,
): string | null | undefined {
  const result = distributeNewLeads(host, [request.leadId], {
    kind: 'recycle',
    recycledFrom: { [request.leadId]: request.fromRepId },
    excludeRepIds: { [request.leadId]: [request.fromRepId] },
    auditAction: `${request.reason === 'sla' ? 'sla' : request.reason}.recycle`,
  });
  const decided = result.results.find((r) => r.leadId === request.leadId);
  return decided === undefined ? undefined : decided.repId;
}
