// Repository for import batches: the batch record, the pre-merge snapshots that make an import undoable, and the
// stored dedupe keys an import matches against (its leads wait in import-staging.ts until the batch commits).
import type { Database } from 'better-sqlite3';
import { sql } from 'kysely';
import type { Lead } from '../domain/lead';
import { rowToLead } from './leads';
import { applyOpenLoadChange, loadFactsOf } from './rep-loads';
import type { ImportBatchesTable } from './schema';
import { allRawCompiled, execute, qb, runCompiled, selectAll, selectFirst } from './sql';

/**
 * `deleted_at` of a lead an earlier version wrote hidden while its import ran (before imports staged their rows in a
 * temporary table): such rows are only ever deleted, when recovery closes their interrupted batch.
 */
const PENDING_IMPORT_DELETED_AT = 0;

type ImportBatchState = 'running' | 'committed' | 'undone' | 'cancelled' | 'failed';
export type DuplicateAction = 'merge' | 'keepBoth' | 'skip';

export interface ImportBatch {
  readonly id: string;
  readonly fileName: string;
  readonly actor: string;
  readonly state: ImportBatchState;
  readonly duplicateAction: DuplicateAction;
  readonly totalRows: number;
  readonly inserted: number;
  readonly merged: number;
  readonly flagged: number;
  readonly skipped: number;
  readonly errors: number;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly undoneAt: number | null;
  readonly undoneBy: string | null;
}

function rowToBatch(row: ImportBatchesTable): ImportBatch {
  return {
    id: row.id,
    fileName: row.file_name,
    actor: row.actor,
    state: row.state as ImportBatchState,
    duplicateAction: row.duplicate_action as DuplicateAction,
    totalRows: row.total_rows,
    inserted: row.inserted,
    merged: row.merged,
    flagged: row.flagged,
    skipped: row.skipped,
    errors: row.errors,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    undoneAt: row.undone_at,
    undoneBy: row.undone_by,
  };
}

export function insertImportBatch(
  db: Database,
  batch: Pick<
    ImportBatch,
    'id' | 'fileName' | 'actor' | 'duplicateAction' | 'totalRows' | 'errors' | 'startedAt'
  >,
): void {
  execute(
    db,
    qb.insertInto('import_batches').values({
      id: batch.id,
      file_name: batch.fileName,
      actor: batch.actor,
      state: 'running',
      duplicate_action: batch.duplicateAction,
      total_rows: batch.totalRows,
      inserted: 0,
      merged: 0,
      flagged: 0,
      skipped: 0,
      errors: batch.errors,
      started_at: batch.startedAt,
      finished_at: null,
      undone_at: null,
      undone_by: null,
    }),
  );
}

export function updateImportBatch(
  db: Database,
  id: string,
  patch: Partial<
    Pick<
      ImportBatch,
      'state' | 'inserted' | 'merged' | 'flagged' | 'skipped' | 'finishedAt' | 'undoneAt' | 'undoneBy'
    >
  >,
): void {
  execute(
    db,
    qb
      .updateTable('import_batches')
      .set({
        ...(patch.state === undefined ? {} : { state: patch.state }),
        ...(patch.inserted === undefined ? {} : { inserted: patch.inserted }),
        ...(patch.merged === undefined ? {} : { merged: patch.merged }),
        ...(patch.flagged === undefined ? {} : { flagged: patch.flagged }),
        ...(patch.skipped === undefined ? {} : { skipped: patch.skipped }),
        ...(patch.finishedAt === undefined ? {} : { finished_at: patch.finishedAt }),
        ...(patch.undoneAt === undefined ? {} : { undone_at: patch.undoneAt }),
        ...(patch.undoneBy === undefined ? {} : { undone_by: patch.undoneBy }),
      })
      .where('id', '=', id),
  );
}

export function findImportBatch(db: Database, id: string): ImportBatch | undefined {
  const row = selectFirst(db, qb.selectFrom('import_batches').selectAll().where('id', '=', id));
  return row ? rowToBatch(row) : undefined;
}

/** Newest first; running batches included so the history shows an import in progress. */
export function listImportBatches(db: Database, page: { offset: number; limit: number }): ImportBatch[] {
  return selectAll(
    db,
    qb
      .selectFrom('import_batches')
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset),
  ).map(rowToBatch);
}

export function listBatchesInState(db: Database, state: ImportBatchState): ImportBatch[] {
  return selectAll(db, qb.selectFrom('import_batches').selectAll().where('state', '=', state)).map(
    rowToBatch,
  );
}

/** Removes the hidden leads an earlier version left for a batch that did not commit (nothing refers to them). */
export function deletePendingBatchLeads(db: Database, batchId: string): number {
  return execute(
    db,
    qb
      .deleteFrom('leads')
      .where('import_batch_id', '=', batchId)
      .where('deleted_at', '=', PENDING_IMPORT_DELETED_AT),
  );
}

/** A committed batch's live, new (not past) leads nobody owns yet, in arrival order: what its distribution takes. */
export function listUnownedBatchLeadIds(db: Database, batchId: string): string[] {
  return selectAll(
    db,
    qb
      .selectFrom('leads')
      .select('id')
      .where('import_batch_id', '=', batchId)
      .where('owner_id', 'is', null)
      .where('is_history', '=', sql.lit(0))
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id'),
  ).map((row) => row.id);
}

/** Soft-deletes the live leads a batch inserted (undo); they may have follow-ups or assignments by now. */
export function softDeleteBatchLeads(db: Database, batchId: string, at: number): string[] {
  const rows = selectAll(
    db,
    qb
      .selectFrom('leads')
      .select(['id', 'owner_id', 'stage', 'is_history', 'deleted_at'])
      .where('import_batch_id', '=', batchId)
      .where('deleted_at', 'is', null),
  );
  const ids = rows.map((row) => row.id);
  for (const row of rows) {
    const before = loadFactsOf(row);
    applyOpenLoadChange(db, before, { ...before, isDeleted: true });
  }
  execute(
    db,
    qb
      .updateTable('leads')
      .set({ deleted_at: at, updated_at: at })
      .where('import_batch_id', '=', batchId)
      .where('deleted_at', 'is', null),
  );
  return ids;
}

interface MergeSnapshot {
  readonly leadId: string;
  readonly lead: Lead;
  readonly scoreModelVersion: number | null;
  readonly scoredAt: number | null;
}

const SAVE_MERGE_SNAPSHOT_SQL = qb
  .insertInto('import_merge_snapshots')
  .values({ batch_id: '', lead_id: '', lead_json: '', score_model_version: null, scored_at: null })
  .onConflict((oc) => oc.doNothing())
  .compile().sql;

/**
 * Keeps a lead as it was before this batch first merged into it; later merges of the same batch keep the first.
 * Compiled once: an import saves thousands in its last transaction.
 */
export function saveMergeSnapshot(db: Database, batchId: string, snapshot: MergeSnapshot): void {
  runCompiled(db, SAVE_MERGE_SNAPSHOT_SQL, [
    batchId,
    snapshot.leadId,
    JSON.stringify(snapshot.lead),
    snapshot.scoreModelVersion,
    snapshot.scoredAt,
  ]);
}

export function listMergeSnapshots(db: Database, batchId: string): MergeSnapshot[] {
  return selectAll(
    db,
    qb.selectFrom('import_merge_snapshots').selectAll().where('batch_id', '=', batchId).orderBy('lead_id'),
  ).map((row) => ({
    leadId: row.lead_id,
    lead: JSON.parse(row.lead_json) as Lead,
    scoreModelVersion: row.score_model_version,
    scoredAt: row.scored_at,
  }));
}

/** A lead by id whatever its deletion mark (pending import leads included). */
export function findLeadAnyState(db: Database, id: string): Lead | undefined {
  const row = selectFirst(db, qb.selectFrom('leads').selectAll().where('id', '=', id));
  return row ? rowToLead(row) : undefined;
}

/** The dedupe key columns a file's keys are looked up in, by key kind (DEDUPE_KEY_KINDS order). */
const KEY_COLUMNS = ['phone_key', 'email_key', 'company_name_key'] as const;

/**
 * Per key kind: each key of a JSON array of keys that a live lead holds, with its oldest holder (by created_at, then
 * id), from the kind's key index.
 */
const STORED_HOLDERS_SQL = KEY_COLUMNS.map((column) => {
  const oldestHolder = qb
    .selectFrom('leads')
    .select('leads.id')
    .where(sql.ref(`leads.${column}`), '=', sql.ref('k.value'))
    .where('leads.deleted_at', 'is', null)
    .orderBy('leads.created_at')
    .orderBy('leads.id')
    .limit(sql.lit(1));
  const keys = qb
    .selectFrom(sql<{ value: string }>`json_each(${'[]'})`.as('k'))
    .select([sql<string>`k.value`.as('key'), oldestHolder.as('id')]);
  return qb.selectFrom(keys.as('held')).selectAll().where('held.id', 'is not', null).compile();
});

/**
 * The oldest live lead holding each of `keys` of one kind (0 phone, 1 email, 2 company name), for those any lead
 * holds (a key given twice is visited twice): one statement over the kind's key index for a batch of a file's keys.
 */
export function forEachStoredKeyHolder(
  db: Database,
  kind: 0 | 1 | 2,
  keys: readonly string[],
  visit: (key: string, leadId: string) => void,
): void {
  const query = STORED_HOLDERS_SQL[kind];
  if (query === undefined) throw new Error(`no key kind ${kind}`);
  if (keys.length === 0) return;
  for (const [key, id] of allRawCompiled<[string, string]>(db, query.sql, [JSON.stringify(keys)]))
    visit(key, id);
}
