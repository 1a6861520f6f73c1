// What the import-staging tests share: one lead's match keys, the batch's meta, and the columns its leads share.
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
