// Click-through from an import to its leads: the batch travels in the hash (#/leads?batch=…&file=…), so the Leads
// page lists the leads that import added, from its report or from the import history, and the link can be kept.
import { useMemo } from 'react';
import { hashParams, isLinkId, useLocationHash } from '../../ui/use-location-hash';

export interface LeadsImportBatch {
  readonly batchId: string;
  /** The imported file's name, as the import history shows it. */
  readonly fileName: string;
}

const MAX_FILE_NAME = 200;

export function leadsImportBatchHref({ batchId, fileName }: LeadsImportBatch): string {
  const params = new URLSearchParams({ batch: batchId, file: fileName.slice(0, MAX_FILE_NAME) });
  return `#/leads?${params.toString()}`;
}

/** The batch a hash carries; null when there is none or its id is not one. */
export function parseLeadsImportBatch(hash: string): LeadsImportBatch | null {
  const params = hashParams(hash);
  if (params === null) return null;
  const batchId = params.get('batch');
  if (!isLinkId(batchId)) return null;
  return { batchId, fileName: (params.get('file') ?? '').slice(0, MAX_FILE_NAME) };
}

/** The import batch in the current hash, stable between renders while the hash stays. */
export function useLeadsImportBatch(): LeadsImportBatch | null {
  const hash = useLocationHash();
  return useMemo(() => parseLeadsImportBatch(hash), [hash]);
}
