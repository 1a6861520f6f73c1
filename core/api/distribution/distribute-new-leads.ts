// Runs distribution for leads that just arrived (manual entry, import, LAN intake, recycle) or that the team lead
// distributes now: engine in, assignment rows, owners, audit and events out — inside the caller's transaction.
import type { Database } from 'better-sqlite3';
import { distributeBatch, distributeLead } from '../../domain/distribution/engine';
import { explanationSummary } from '../../domain/distribution/explanation-summary';
import type {
  AffinityLookup,
  Assignment,
  DistributionLead,
  DistributionRule,
  Explanation,
} from '../../domain/distribution/types';
import { asRepId, type RepId } from '../../domain/ids';
import { companyKey } from '../../domain/normalize/company';
import { appendAssignment, type AssignmentKind } from '../../store/assignments';
import { appendAudit } from '../../store/audit-log';
import {
  findExistingOwners,
  findLeadsByIds,
  readAffinityKeys,
  setLeadOwner,
  writeRuleMethodState,
} from '../../store/distribution-state';
import { actorLabel } from '../call-context';
import type { Actor, EventName, EventPayload } from '../contract';
import type { DistributeResult, DistributedLead } from './calls';
import { readRecycleContext } from './recycle-context';
import { readRepFit } from './rep-fit';
import { readDistributionSettings, readEngineState, readTeamAndRules } from './setup';
import { holdingCapsOf } from '../pool/holding';

/** What distribution needs from its caller; a handler's CallContext fits as it is. */
export interface DistributionHost {
  readonly db: Database;
  readonly actor: Actor;
  /** Epoch ms of the decision. */
  readonly now: number;
  readonly newId: (prefix: string) => string;
  emit<K extends EventName>(event: K, payload: EventPayload<K>): void;
}

interface DistributeNewLeadsOptions {
  /** Kind recorded on each assignment row ['auto']: the SLA recycle passes 'recycle', import may pass 'import'. */
  readonly kind?: AssignmentKind;
  /**
   * lead id → the rep the lead is being recycled from: that rep does not get it back within the team's cool-down
   * (as every rep it was recycled from), and the lead is redistributed even though that rep still owns it.
   */
  readonly recycledFrom?: Readonly<Record<string, string>>;
  /** lead id → reps that must not get this lead (e.g. everyone who had it before). */
  readonly excludeRepIds?: Readonly<Record<string, readonly string[]>>;
  /** Audit action ['distribution.assign']. */
  readonly auditAction?: string;
}

/** Above this many leads at once, explanations keep counts but not the per-rep list, to keep rows small. */
const FULL_EXPLAIN_LIMIT = 200;
/** Candidates stored per explanation; reps outside the rule's target are only counted. */
const MAX_STORED_CANDIDATES = 100;

/** The explanation as stored: reps outside the rule's target are dropped from the list (they stay counted). */
function explanationForStorage(explanation: Explanation): Explanation {
  if (explanation.candidates.length === 0) return explanation;
  const candidates = explanation.candidates
    .filter((c) => c.exclusion?.code !== 'not-in-target')
    .slice(0, MAX_STORED_CANDIDATES);
  return { ...explanation, candidates };
}

function buildAffinity(db: Database, leads: readonly DistributionLead[]): AffinityLookup {
  const keys = readAffinityKeys(
    db,
    leads.map((l) => l.id),
  );
  const byLead: Record<string, RepId> = {};
  const byCompany: Record<string, RepId> = {};
  for (const lead of leads) {
    const k = keys.get(lead.id);
    if (k === undefined) continue;
    const owners = findExistingOwners(db, lead.id, k);
    if (owners.byContact !== null) byLead[lead.id] = owners.byContact;
    if (owners.byCompany !== null && k.companyKey !== null) byCompany[k.companyKey] = owners.byCompany;
  }
  return { byLead, byCompany, companyKey };
}

function isDistributable(lead: DistributionLead, recycledFrom: string | undefined): boolean {
  if (lead.isHistory || lead.stage === 'won' || lead.stage === 'lost') return false;
  return lead.ownerId === null || (recycledFrom !== undefined && lead.ownerId === recycledFrom);
}

/**
 * Distributes the given leads with the rules in force and records every decision. Runs synchronously inside the
 * caller's transaction. With no reps at all nothing is recorded. History leads, won/lost leads, unknown ids and leads that already have an owner are
 * skipped (a lead being recycled from its owner is not). One lead is decided alone; several are decided as a
 * batch in arrival order, leads of `optimal` rules solved jointly. Each decision appends an assignment row with
 * its explanation (also when the lead stays in the pool), sets the owner, audits, and emits
 * `distribution.assigned` per lead handed to a rep plus one `leads.changed`.
 */
export function distributeNewLeads(
  host: DistributionHost,
  leadIds: readonly string[],
  options: DistributeNewLeadsOptions = {},
): DistributeResult {
  const { db, now } = host;
  const recycledFrom = options.recycledFrom ?? {};
  const unique = [...new Set(leadIds)];
  const found = findLeadsByIds(db, unique);
  const foundIds = new Set(found.map((l) => l.id as string));
  const skipped: string[] = unique.filter((leadId) => !foundIds.has(leadId));
  const { cooldownMs, previousOwners: previous } = readRecycleContext(db, [...foundIds], now);
  const leads: DistributionLead[] = [];
  for (const lead of found) {
    const from = recycledFrom[lead.id];
    if (!isDistributable(lead, from)) {
      skipped.push(lead.id);
      continue;
    }
    const exclude = options.excludeRepIds?.[lead.id];
    leads.push({
      ...lead,
      recycledFromRepId: from === undefined ? null : asRepId(from),
      previousOwners: previous.get(lead.id) ?? [],
      ...(exclude === undefined ? {} : { excludeRepIds: exclude.map(asRepId) }),
    });
  }
  if (leads.length === 0) return { assigned: 0, pooled: 0, manual: 0, skipped, results: [] };

  const team = readTeamAndRules(db, now);
  const reps = team.reps;
  // A workspace without a team yet has nobody to explain a decision against: leads simply wait in the pool.
  if (reps.length === 0)
    return {
      assigned: 0,
      pooled: 0,
      manual: 0,
      skipped: [...skipped, ...leads.map((l) => l.id)],
      results: [],
    };
  const rules = team.rules.rules;
  const settings = readDistributionSettings(db);
  const { state, methodState } = readEngineState(db, now, settings.utcOffsetMinutes, reps);
  const common = {
    reps,
    rules,
    state,
    now,
    seed: settings.seed,
    recycleCooldownMs: cooldownMs,
    holdingCaps: holdingCapsOf(db, now, reps),
    repFit: readRepFit(db, now),
    affinity: buildAffinity(db, leads),
    workingHours: { teamDefault: settings.teamWorkingHours },
    options: {
      utcOffsetMinutes: settings.utcOffsetMinutes,
      explain: leads.length > FULL_EXPLAIN_LIMIT ? ('compact' as const) : ('full' as const),
    },
  };
  let assignments: readonly Assignment[];
  let after: { pointers: typeof state.pointers; credits: typeof state.credits };
  const single = leads[0];
  if (leads.length === 1 && single !== undefined) {
    const decided = distributeLead({ ...common, lead: single });
    assignments = [decided.assignment];
    after = decided.state;
  } else {
    const decided = distributeBatch({ ...common, leads });
    assignments = decided.assignments;
    after = decided.state;
  }
  writeRuleMethodState(db, methodState, after, now);

  const results = recordAssignments(host, assignments, leads, rules, options);
  host.emit('leads.changed', { leadIds: results.map((r) => r.leadId), reason: 'distributed' });
  return {
    assigned: results.filter((r) => r.outcome === 'assigned').length,
    pooled: results.filter((r) => r.outcome === 'pool').length,
    manual: results.filter((r) => r.outcome === 'manual').length,
    skipped,
    results,
  };
}

function recordAssignments(
  host: DistributionHost,
  assignments: readonly Assignment[],
  leads: readonly DistributionLead[],
  rules: readonly DistributionRule[],
  options: DistributeNewLeadsOptions,
): DistributedLead[] {
  const { db, now } = host;
  const actor = actorLabel(host.actor);
  const kind = options.kind ?? 'auto';
  const byId = new Map(leads.map((l) => [l.id as string, l]));
  const ruleNames = new Map(rules.map((r) => [r.id, r.name]));
  const results: DistributedLead[] = [];
  for (const assignment of assignments) {
    const lead = byId.get(assignment.leadId);
    if (lead === undefined) continue;
    const id = host.newId('asg');
    const explanation = explanationForStorage(assignment.explanation);
    const summary = explanationSummary(assignment.explanation).text;
    appendAssignment(db, {
      id,
      leadId: lead.id,
      repId: assignment.repId,
      kind,
      ruleId: assignment.ruleId,
      reason: summary.length > 1000 ? `${summary.slice(0, 999)}…` : summary,
      explanation: lead.recycledFromRepId
        ? { ...explanation, fromRepId: lead.recycledFromRepId }
        : explanation,
      actor,
      at: now,
    });
    if (assignment.repId !== null || lead.ownerId !== null) setLeadOwner(db, lead.id, assignment.repId, now);
    appendAudit(db, {
      at: now,
      actor,
      action: options.auditAction ?? 'distribution.assign',
      entity: 'lead',
      entityId: lead.id,
      detail: {
        kind,
        outcome: assignment.outcome,
        repId: assignment.repId,
        fromRepId: lead.ownerId,
        ruleId: assignment.ruleId,
        rule: assignment.ruleId === null ? null : (ruleNames.get(assignment.ruleId) ?? null),
        poolReason: assignment.poolReason,
        assignmentId: id,
      },
    });
    if (assignment.repId !== null)
      host.emit('distribution.assigned', { leadId: lead.id, repId: assignment.repId, kind });
    results.push({
      leadId: lead.id,
      outcome: assignment.outcome,
      repId: assignment.repId,
      ruleId: assignment.ruleId,
      poolReason: assignment.poolReason,
      assignmentId: id,
    });
  }
  return results;
}
