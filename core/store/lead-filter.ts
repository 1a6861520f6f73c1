// What every list of leads filters by alike — the leads table, the kanban, queue and pool: search words, stages,
// grades, owner, source, import batch and a rep's view — as conditions on a query of `leads`.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { FunnelStage, Grade } from '../domain/funnel';
import type { Schema } from './schema';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** What every list of leads filters by alike (the leads table, the kanban, queue and pool). */
export interface CommonLeadFilter {
  /** Up to five words, each found in the lead's search text. */
  readonly text?: string | undefined;
  readonly stages?: readonly FunnelStage[] | undefined;
  readonly grades?: readonly Grade[] | undefined;
  /** A rep id, or `pool` for unowned leads. */
  readonly owner?: string | undefined;
  readonly source?: string | undefined;
  /** The leads one import inserted (a merged row's lead keeps the batch it came in with). */
  readonly importBatchId?: string | undefined;
  /** A rep's view: their own leads plus the public pool. */
  readonly visibleToRep?: string | undefined;
}

/** Narrows a query on `leads` to the live leads `filter` selects. */
export function whereCommonLeadFilter<O>(
  query: SelectQueryBuilder<Schema, 'leads', O>,
  filter: CommonLeadFilter,
): SelectQueryBuilder<Schema, 'leads', O> {
  let q = query.where('leads.deleted_at', 'is', null);
  const text = filter.text?.trim().toLowerCase();
  if (text) {
    for (const word of text.split(/\s+/).slice(0, 5)) {
      q = q.where(sql<boolean>`leads.search_text LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`);
    }
  }
  if (filter.stages && filter.stages.length > 0) q = q.where('leads.stage', 'in', [...filter.stages]);
  if (filter.grades && filter.grades.length > 0) q = q.where('leads.grade', 'in', [...filter.grades]);
  if (filter.owner === 'pool') q = q.where('leads.owner_id', 'is', null);
  else if (filter.owner) q = q.where('leads.owner_id', '=', filter.owner);
  if (filter.source) q = q.where('leads.source', '=', filter.source);
  if (filter.importBatchId) q = q.where('leads.import_batch_id', '=', filter.importBatchId);
  if (filter.visibleToRep) {
    const repId = filter.visibleToRep;
    q = q.where((eb) => eb.or([eb('leads.owner_id', '=', repId), eb('leads.owner_id', 'is', null)]));
  }
  return q;
}
