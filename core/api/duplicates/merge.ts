// The audited field-by-field merge of duplicate leads: it keeps every follow-up and the merged leads' assignment
// history.
import type { z } from 'zod';
import { mergeLeads, type MergeChoices } from '../../domain/dedupe';
import type { MergeableField } from '../../domain/mergeable-fields';
import type { Lead } from '../../domain/lead';
import { appendAudit } from '../../store/audit-log';
import {
  deleteDuplicateFlagsOf,
  insertLeadMerge,
  markLeadMerged,
  moveFollowUps,
} from '../../store/lead-merges';
import { findLeadById, updateLead } from '../../store/leads';
import { actorLabel, type CallContext } from '../call-context';
import { ServiceError } from '../errors';
import { leadKeysOf } from '../leads/lead-keys';
import type { duplicatesCalls } from './calls';
import { DUPLICATES_ERRORS } from './errors';

/**
 * Merges leads into the kept one. Per field the chosen lead's value wins; unchosen fields keep the kept lead's value
 * unless it is empty. Follow-ups move to the kept lead; the merged leads are soft-deleted with a pointer to it and
 * keep their (append-only) assignments, which the kept lead's detail then lists. Audited on every lead involved.
 */
export function mergeDuplicateLeads(
  ctx: CallContext,
  input: z.output<(typeof duplicatesCalls)['duplicates.merge']['input']>,
): Lead {
  const kept = findLeadById(ctx.db, input.keepId);
  if (!kept) throw new ServiceError(DUPLICATES_ERRORS.leadNotFound, { id: input.keepId }, 'keepId');
  const sources = input.mergeIds.map((id, index) => {
    const lead = findLeadById(ctx.db, id);
    if (!lead) throw new ServiceError(DUPLICATES_ERRORS.leadNotFound, { id }, `mergeIds.${index}`);
    return lead;
  });
  const involved = new Set([kept.id as string, ...input.mergeIds]);
  for (const [field, leadId] of Object.entries(input.choices)) {
    if (!involved.has(leadId))
      throw new ServiceError(DUPLICATES_ERRORS.choiceNotInMerge, { field }, `choices.${field}`);
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
