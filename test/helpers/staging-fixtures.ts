// What the import-staging tests share: one lead's match keys, the batch's meta, the columns its leads share, and
// the batch row they stage into.
import type { Database } from 'better-sqlite3';
import { insertImportBatch } from '../../core/store/import-batches';
import type { SharedLeadColumns } from '../../core/store/import-staging';

export const STAGED_KEYS = {
  phoneKey: '+8613800000001',
  emailKey: null,
  companyKey: null,
  companyNameKey: null,
};
export const STAGED_META = { importBatchId: 'import_1', scoreModelVersion: 3, scoredAt: 5_000 };
export const STAGED_SHARED: SharedLeadColumns = {
  stage: 'raw',
  owner_id: null,
  is_history: 0,
  import_batch_id: 'import_1',
  created_at: 5_000,
  updated_at: 5_000,
  deleted_at: null,
};

/** The batch `import_1` (two rows, merge duplicates) the staged leads belong to. */
export function insertStagedBatch(db: Database): void {
  insertImportBatch(db, {
    id: 'import_1',
    fileName: 'a.csv',
    actor: 'lead',
    duplicateAction: 'merge',
    totalRows: 2,
    errors: 0,
    startedAt: 5_000,
  });
}
