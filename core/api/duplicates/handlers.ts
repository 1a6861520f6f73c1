// Handlers of the duplicate calls (team lead only, enforced by the dispatcher from the declarations).
import { groupDuplicates } from '../../domain/dedupe';
import { asLeadId } from '../../domain/ids';
import type { Lead } from '../../domain/lead';
import { listDuplicateCandidates } from '../../store/lead-merges';
import { findLeadById } from '../../store/leads';
import type { HandlersOf } from '../call-context';
import type { duplicatesCalls } from './calls';
import { mergeDuplicateLeads } from './merge';

export const duplicatesHandlers: HandlersOf<typeof duplicatesCalls> = {
  /** Duplicate groups among live leads: candidates found by the stored keys in SQL, grouped transitively. */
  'duplicates.groups'(ctx, input) {
    const candidates = listDuplicateCandidates(ctx.db);
    const groups = groupDuplicates(candidates.map((c) => ({ ...c, id: asLeadId(c.id) })));
    const views: { leads: Lead[]; by: (typeof groups)[number]['by'] }[] = [];
    for (const group of groups.slice(0, input.limit)) {
      const leads = group.leadIds
        .map((id) => findLeadById(ctx.db, id))
        .filter((lead): lead is Lead => lead !== undefined)
        // The oldest lead first: it is the natural one to keep.
        .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
      if (leads.length >= 2) views.push({ leads, by: group.by });
    }
    return { groups: views, total: groups.length };
  },

  'duplicates.merge'(ctx, input) {
    return mergeDuplicateLeads(ctx, input);
  },
};
