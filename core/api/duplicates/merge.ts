// Duplicates among stored leads: possible duplicates of a lead being entered, duplicate groups, and the audited
// field-by-field merge that keeps every follow-up and the merged leads' assignment history.
import type { Database } from 'better-sqlite3';
import { groupDuplicates, mergeLeads, type MergeChoices, type MergeableField } from '../../domain/dedupe';
import { asLeadId } from '../../domain/ids';
import type { Lead } from '../../domain/lead';
import { listAssignmentsForLead, type AssignmentRecord } from '../../store/assignments';
import { appendAudit } from '../../store/audit-log';
import {
  deleteDuplicateFlagsOf,
  findLeadRowsByKeys,
  listDuplicateCandidates,
  insertLeadMerge,
  listLeadsMergedInto,
  markLeadMerged,
  moveFollowUps,
} from '../../store/lead-merges';
import { findLeadById, rowToLead, updateLead } from '../../store/leads';
import { actorLabel, requireTeamLead, type CallContext } from '../call-context';
import type { DuplicateGroupView, PossibleDuplicate } from '../import/calls';
import type { CallOutput, ParsedInput } from '../contract';
import { ServiceError } from '../errors';
import { leadKeysOf } from '../leads/lead-keys';

/** A lead's assignments and those of every lead merged into it, oldest first (the history stays append-only). */
export function listAssignmentsWithMerged(db: Database, leadId: string): AssignmentRecord[] {
  const merged = listLeadsMergedInto(db, leadId);
  if (merged.length === 0) return listAssignmentsForLead(db, leadId);
  return [leadId, ...merged]
    .flatMap((id) => listAssignmentsForLead(db, id))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Contact details a rep may not see on another rep's lead: the match is shown, the customer is not. */
function redactForRep(lead: Lead): Lead {
  return {
    ...lead,
    phone: null,
    email: null,
    wechat: null,
    needs: null,
    customFields: {},
    events: [],
    bant: {},
  };
}

export function findPossibleDuplicates(
  ctx: CallContext,
  input: ParsedInput<'leads.findDuplicates'>,
): PossibleDuplicate[] {
  const keys = leadKeysOf({
    name: input.name?.trim() ?? '',
    phone: input.phone?.trim() || null,
    email: input.email?.trim() || null,
    company: input.company?.trim() || null,
  });
  const rows = findLeadRowsByKeys(ctx.db, keys, 21);
  const out: PossibleDuplicate[] = [];
  for (const row of rows) {
    if (row.id === input.excludeId) continue;
    const by = (
      [
        ['phone', row.phone_key !== null && row.phone_key === keys.phoneKey],
        ['email', row.email_key !== null && row.email_key === keys.emailKey],
        ['companyName', row.company_name_key !== null && row.company_name_key === keys.companyNameKey],
      ] as const
    )
      .filter(([, hit]) => hit)
      .map(([kind]) => kind);
    const lead = rowToLead(row);
    const isVisible = ctx.actor.role === 'lead' || lead.ownerId === null || lead.ownerId === ctx.actor.repId;
    out.push({ lead: isVisible ? lead : redactForRep(lead), by });
  }
  return out.slice(0, 20);
}

/** Duplicate groups among live leads: candidates found by the stored keys in SQL, grouped transitively. */
export function listDuplicateGroups(
  ctx: CallContext,
  input: ParsedInput<'duplicates.groups'>,
): CallOutput<'duplicates.groups'> {
  requireTeamLead(ctx);
  const candidates = listDuplicateCandidates(ctx.db);
  const groups = groupDuplicates(candidates.map((c) => ({ ...c, id: asLeadId(c.id) })));
  const views: DuplicateGroupView[] = [];
  for (const group of groups.slice(0, input.limit)) {
    const leads = group.leadIds
      .map((id) => findLeadById(ctx.db, id))
      .filter((lead): lead is Lead => lead !== undefined)
      // The oldest lead first: it is the natural one to keep.
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    if (leads.length >= 2) views.push({ leads, by: group.by });
  }
  return { groups: views, total: groups.length };
}

/**
 * Merges leads into the kept one. Per field the chosen lead's value wins; unchosen fields keep the kept lead's value
 * unless it is empty. Follow-ups move to the kept lead; the merged leads are soft-deleted with a pointer to it and
 * keep their (append-only) assignments, which the kept lead's detail then lists. Audited on every lead involved.
 */
export function mergeDuplicateLeads(
  ctx: CallContext,
  input: ParsedInput<'duplicates.merge'>,
): CallOutput<'duplicates.merge'> {
  requireTeamLead(ctx);
  const kept = findLeadById(ctx.db, input.keepId);
  if (!kept) throw new ServiceError('not_found', `No lead with id ${input.keepId}.`, 'keepId');
  const sources = input.mergeIds.map((id, index) => {
    const lead = findLeadById(ctx.db, id);
    if (!lead) throw new ServiceError('not_found', `No lead with id ${id}.`, `mergeIds.${index}`);
    return lead;
  });
  const involved = new Set([kept.id as string, ...input.mergeIds]);
  for (const [field, leadId] of Object.entries(input.choices)) {
    if (!involved.has(leadId))
      throw new ServiceError(
        'invalid_input',
        `choices.${field}: that lead is not part of this merge`,
        `choices.${field}`,
      );
  }

  let result = kept;
  for (const source of sources) {
    const choices: MergeChoices = {};
    for (const [field, leadId] of Object.entries(input.choices) as [MergeableField, string][]) {
      choices[field] = leadId === source.id ? 'source' : 'target';
    }
    result = mergeLeads(result, source, choices);
  }
  const scored = ctx.scoring.scoreLead(result, ctx.now);
  const after: Lead = {
    ...result,
    updatedAt: ctx.now,
    score: scored.score,
    grade: scored.grade,
    scoreModelVersion: scored.modelVersion,
  };
  updateLead(ctx.db, after, leadKeysOf(after), {
    scoreModelVersion: scored.modelVersion,
    scoredAt: scored.scoredAt,
  });
  const actor = actorLabel(ctx.actor);
  const moved: Record<string, number> = {};
  for (const source of sources) {
    moved[source.id] = moveFollowUps(ctx.db, source.id, kept.id);
    markLeadMerged(ctx.db, source.id, ctx.now);
    insertLeadMerge(ctx.db, {
      mergedLeadId: source.id,
      keptLeadId: kept.id,
      keptBefore: kept,
      merged: source,
      choices: input.choices,
      movedFollowUps: moved[source.id] ?? 0,
      actor,
      at: ctx.now,
    });
    deleteDuplicateFlagsOf(ctx.db, source.id);
    appendAudit(ctx.db, {
      at: ctx.now,
      actor,
      action: 'lead.mergedInto',
      entity: 'lead',
      entityId: source.id,
      detail: { keptLeadId: kept.id, movedFollowUps: moved[source.id] ?? 0 },
    });
  }
  const changedFields = Object.keys(after).filter(
    (key) =>
      key !== 'updatedAt' &&
      JSON.stringify(kept[key as keyof Lead]) !== JSON.stringify(after[key as keyof Lead]),
  );
  appendAudit(ctx.db, {
    at: ctx.now,
    actor,
    action: 'lead.merge',
    entity: 'lead',
    entityId: kept.id,
    detail: {
      mergedLeadIds: input.mergeIds,
      choices: input.choices,
      movedFollowUps: moved,
      changes: Object.fromEntries(
        changedFields.map((key) => [key, { from: kept[key as keyof Lead], to: after[key as keyof Lead] }]),
      ),
    },
  });
  ctx.emit('leads.changed', { leadIds: [kept.id, ...input.mergeIds], reason: 'merged' });
  return after;
}
