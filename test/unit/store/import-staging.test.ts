// An import's staged leads: what the batch's leads share is stored once and written into every row by the move;
// the rows come out as they went in, and a lead that does not share those values is refused.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asLeadId, asRepId } from '../../../core/domain/ids';
import {
  attachImportStaging,
  detachImportStaging,
  insertImportBatch,
  moveStagedLeads,
  stageImportLead,
} from '../../../core/store/import-batches';
import type { Lead } from '../../../core/domain/lead';
import { findLeadById, insertLead } from '../../../core/store/leads';
import { insertRep } from '../../../core/store/reps';
import { openDatabase } from '../../../core/store/open-database';
import { sampleLead, sampleRep } from '../../helpers/sample-data';
import { useTempDir } from '../../helpers/temp-dir';

function newLead(id: string, fields: Partial<Lead> = {}): Lead {
  return { ...sampleLead({ id: asLeadId(id), stage: 'raw', ownerId: null }), ...fields };
}

const keys = { phoneKey: '+8613800000001', emailKey: null, companyKey: null, companyNameKey: null };

describe("an import's staging", () => {
  const tempDir = useTempDir();
  let db: Database;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'store.sqlite'));
    insertImportBatch(db, {
      id: 'import_1',
      fileName: 'a.csv',
      actor: 'lead',
      duplicateAction: 'merge',
      totalRows: 2,
      errors: 0,
      startedAt: 5_000,
    });
  });
  afterEach(() => db.close());

  const shared = {
    stage: 'raw',
    owner_id: null,
    is_history: 0,
    import_batch_id: 'import_1',
    created_at: 5_000,
    updated_at: 5_000,
    deleted_at: null,
  };
  const meta = { importBatchId: 'import_1', scoreModelVersion: 3, scoredAt: 5_000 };

  it('moves staged leads into the table with the shared columns filled in, every other field as staged', () => {
    const staging = attachImportStaging(db, 'import_1', join(tempDir(), 'staging.sqlite'), shared);
    const first = {
      ...sampleLead({ id: asLeadId('lead_1'), stage: 'raw', ownerId: null }),
      createdAt: 5_000,
      updatedAt: 5_000,
    };
    const second = { ...first, id: asLeadId('lead_2'), name: '李娜, "销售"', phone: null };
    stageImportLead(staging, first, keys, meta);
    stageImportLead(staging, second, keys, meta);
    expect(findLeadById(db, 'lead_1')).toBeUndefined();
    expect(db.transaction(() => moveStagedLeads(db, staging))()).toBe(2);
    detachImportStaging(db, staging);
    expect(findLeadById(db, 'lead_1')).toEqual({ ...first, scoreModelVersion: 3 });
    expect(findLeadById(db, 'lead_2')).toEqual({ ...second, scoreModelVersion: 3 });
  });

  it("leaves the open-load trigger as it was: a rep's lead inserted after the move is counted", () => {
    const schema = () =>
      db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    const before = schema();
    const staging = attachImportStaging(db, 'import_1', null, shared);
    stageImportLead(staging, { ...newLead('lead_1'), createdAt: 5_000, updatedAt: 5_000 }, keys, meta);
    db.transaction(() => moveStagedLeads(db, staging))();
    detachImportStaging(db, staging);
    expect(schema()).toEqual(before);
    insertRep(db, sampleRep({ id: asRepId('rep_1') }), 1);
    insertLead(db, newLead('lead_2', { ownerId: asRepId('rep_1') }), keys, { ...meta, importBatchId: null });
    expect(db.prepare('SELECT rep_id, open_count FROM rep_open_loads').all()).toEqual([
      { rep_id: 'rep_1', open_count: 1 },
    ]);
  });

  it('refuses to move leads in bulk that the open-load trigger would count', () => {
    const staging = attachImportStaging(db, 'import_1', null, { ...shared, owner_id: 'rep_1' });
    expect(() => moveStagedLeads(db, staging)).toThrow(/without an owner or past leads/);
    detachImportStaging(db, staging);
  });

  it('refuses a lead whose shared column differs, naming the lead and the column', () => {
    const staging = attachImportStaging(db, 'import_1', null, shared);
    const lead = {
      ...sampleLead({ id: asLeadId('lead_9'), stage: 'mql', ownerId: null }),
      createdAt: 5_000,
      updatedAt: 5_000,
    };
    expect(() => stageImportLead(staging, lead, keys, meta)).toThrow(/lead_9 has stage = mql/);
    detachImportStaging(db, staging);
  });
});
