// Undoing a committed import: its leads soft-deleted, the leads it merged into given their pre-merge fields back.
import type { Database } from 'better-sqlite3';
import type { Lead } from '../../domain/lead';
import { appendAudit } from '../../store/audit-log';
import {
  findImportBatch,
  findLeadAnyState,
  listMergeSnapshots,
  softDeleteBatchLeads,
  updateImportBatch,
  type ImportBatch,
} from '../../store/import-batches';
import { deleteDuplicateFlagsOfBatch } from '../../store/lead-merges';
import { updateLead } from '../../store/leads';
import { ServiceError } from '../errors';
import { leadKeysOf } from '../leads/lead-keys';
import type { ScoringState } from '../scoring/scoring-state';
import { IMPORT_ERRORS } from './errors';

/**
 * Undoes a committed import in one transaction: its leads are soft-deleted (follow-ups and assignments made since
 * stay attached to them), leads it merged into get their pre-merge fields back (owner and stage as they are now).
 */
export function undoImportBatch(
  db: Database,
  scoring: ScoringState,
  batchId: string,
  actor: string,
  now: number,
): { batch: ImportBatch; leadIds: string[] } {
  const batch = findImportBatch(db, batchId);
  if (!batch) throw new ServiceError(IMPORT_ERRORS.batchNotFound, { batchId }, 'batchId');
  if (batch.state !== 'committed') {
    throw new ServiceError(IMPORT_ERRORS.notUndoable, { state: batch.state }, 'batchId');
  }
  const removed = softDeleteBatchLeads(db, batchId, now);
  const restored: string[] = [];
  for (const snapshot of listMergeSnapshots(db, batchId)) {
    const current = findLeadAnyState(db, snapshot.leadId);
    if (!current) continue;
    const before = snapshot.lead;
    const back: Lead = {
      ...current,
      name: before.name,
      phone: before.phone,
      email: before.email,
      wechat: before.wechat,
      company: before.company,
      title: before.title,
      industry: before.industry,
      region: before.region,
      companySize: before.companySize,
      product: before.product,
      source: before.source,
      campaign: before.campaign,
      costFen: before.costFen,
      needs: before.needs,
      bant: before.bant,
      customFields: before.customFields,
      events: before.events,
      createdAt: before.createdAt,
      updatedAt: now,
    };
    const scored = scoring.scoreLead(back, now);
    const after: Lead = {
      ...back,
      score: scored.score,
      grade: scored.grade,
      scoreModelVersion: scored.modelVersion,
    };
    updateLead(db, after, leadKeysOf(after), {
      scoreModelVersion: scored.modelVersion,
      scoredAt: scored.scoredAt,
    });
    restored.push(after.id);
  }
  deleteDuplicateFlagsOfBatch(db, batchId);
  updateImportBatch(db, batchId, { state: 'undone', undoneAt: now, undoneBy: actor });
  appendAudit(db, {
    at: now,
    actor,
    action: 'import.undo',
    entity: 'import_batch',
    entityId: batchId,
    detail: { fileName: batch.fileName, removed: removed.length, restored: restored.length },
  });
  const after = findImportBatch(db, batchId);
  if (!after) throw new Error('import batch vanished during undo');
  return { batch: after, leadIds: [...removed, ...restored] };
}
