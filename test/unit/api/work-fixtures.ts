// Shared set-up for the working-the-leads API tests: reps, leads handed to a rep, rep sessions, a plain SLA policy.
import { MINUTE_MS } from '../../../core/domain/clock';
import { CHINA_OFFICE_CALENDAR } from '../../../core/domain/sla/working-calendar';
import type { SlaClockRule, SlaPolicy } from '../../../core/domain/sla/sla-policy';
import { appendAssignment } from '../../../core/store/assignments';
import { findLeadById } from '../../../core/store/leads';
import { inTransaction } from '../../../core/store/sql';
import { setLeadOwnerIf } from '../../../core/store/work-leads';
import { createInProcessClient } from '../../../core/api/transport/in-process-client';
import type { FairleadClient } from '../../../core/api/transport/client';
import type { TestService } from '../../helpers/service';

/** Beijing time (UTC+8) on Monday 23 November 2026, as epoch ms. */
export function beijing(day: number, hour: number, minute = 0): number {
  return Date.UTC(2026, 10, day, hour - 8, minute);
}

const RULE: SlaClockRule = {
  firstContactMinutes: 30,
  followUpMinutes: 24 * 60,
  escalateAfterMinutes: 120,
  recycleAfterMinutes: 240,
};

/** The same clocks for every grade, so a test does not depend on how the scorer grades its leads. */
export function plainPolicy(recycleTarget: SlaPolicy['recycleTarget'] = 'pool'): SlaPolicy {
  return {
    grades: { A: RULE, B: RULE, C: RULE, D: RULE, ungraded: RULE },
    recycleTarget,
    calendar: CHINA_OFFICE_CALENDAR,
  };
}

export async function addRep(t: TestService, name: string): Promise<string> {
  const rep = await t.client.call('reps.create', { name, tier: 'mid' });
  return rep.id;
}

/** A lead in the public pool (taken back if distribution handed it to someone on creation). */
export async function addLead(t: TestService, name: string): Promise<string> {
  const lead = await t.client.call('leads.create', { name, company: `${name}科技有限公司` });
  const owner = findLeadById(t.service.db, lead.id)?.ownerId ?? null;
  if (owner !== null)
    inTransaction(t.service.db, () => setLeadOwnerIf(t.service.db, lead.id, owner, null, t.clock.now));
  return lead.id;
}

/**
 * Hands a lead to a rep the way distribution does: an assignment row and the owner, at the clock's time (whatever
 * distribution decided when the lead was created).
 */
export function assignLead(t: TestService, leadId: string, repId: string): void {
  inTransaction(t.service.db, () => {
    const owner = findLeadById(t.service.db, leadId)?.ownerId ?? null;
    if (!setLeadOwnerIf(t.service.db, leadId, owner, repId, t.clock.now)) throw new Error('lead is gone');
    appendAssignment(t.service.db, {
      id: t.newId('asg'),
      leadId,
      repId,
      kind: 'manual',
      ruleId: null,
      reason: 'test',
      explanation: {},
      actor: 'team-lead',
      at: t.clock.now,
    });
  });
}

/** A client whose calls run as the rep (a session the test opens as trusted code, as the hub's scheduler does). */
export function repClient(t: TestService, repId: string): FairleadClient {
  return createInProcessClient(t.service, { as: { role: 'rep', repId } });
}

export const minutes = (n: number): number => n * MINUTE_MS;
