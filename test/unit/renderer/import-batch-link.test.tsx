// The link from an import to its leads: it carries the batch and the file's name through the hash, and a link
// edited by hand into something that is no batch id opens the whole list, never a refused call.
import { describe, expect, it } from 'vitest';
import {
  leadsImportBatchHref,
  parseLeadsImportBatch,
} from '../../../renderer/src/features/leads/import-batch-link';

describe('the link from an import to its leads', () => {
  it('carries the batch and the file name, Chinese, spaces and & included', () => {
    const batch = { batchId: 'import_01a2-b3', fileName: '展会 客户&名单.csv' };
    const href = leadsImportBatchHref(batch);
    expect(href.startsWith('#/leads?')).toBe(true);
    expect(parseLeadsImportBatch(href)).toEqual(batch);
  });

  it('is no batch when the id is not one', () => {
    expect(parseLeadsImportBatch('#/leads')).toBeNull();
    expect(parseLeadsImportBatch('#/leads?batch=')).toBeNull();
    expect(parseLeadsImportBatch(`#/leads?batch=${'x'.repeat(65)}`)).toBeNull();
    expect(parseLeadsImportBatch('#/leads?batch=a%27%20OR%201%3D1')).toBeNull();
  });
});
