// An import's staged leads: held in a temporary table of the connection, what the batch's leads share is stored
// once and written into every row by the move; the rows come out as they went in; a lead that does not share
// those values is refused; leads that would count towards a rep's open load are never moved in bulk; no other
// connection sees staged leads before the move.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asLeadId } from '../../../core/domain/ids';
import type { Lead } from '../../../core/domain/lead';
import {
  createImportStaging,
  dropImportStaging,
  moveStagedLeads,
  stagedLeadValues,
  stagingLayout,
} from '../../../core/store/import-staging';
import { findLeadById, insertLead } from '../../../core/store/leads';
import { openDatabase } from '../../../core/store/open-database';
import { sampleLead } from '../../helpers/sample-data';
import { insertStagedBatch, STAGED_KEYS, STAGED_META, STAGED_SHARED } from '../../helpers/staging-fixtures';
import { useTempDir } from '../../helpers/temp-dir';

const keys = STAGED_KEYS;
const meta = STAGED_META;
const shared = STAGED_SHARED;

/** A new lead of the batch (stage raw, no owner, created when the batch started). */
function batchLead(id: string, fields: Partial<Lead> = {}): Lead {
  return {
    ...sampleLead({ id: asLeadId(id), stage: 'raw', ownerId: null, scoreModelVersion: 3 }),
    createdAt: 5_000,
    updatedAt: 5_000,
    ...fields,
  };
}

describe("an import's staging", () => {
  const tempDir = useTempDir();
  let db: Database;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'store.sqlite'));
    insertStagedBatch(db);
  });
  afterEach(() => db.close());

  /** Stages leads in the batch's staging table, in a transaction as the commit job does. */
  function stage(leads: readonly Lead[], batchShared = shared) {
    const layout = stagingLayout(batchShared);
    const staging = createImportStaging(db, 'import_1', layout);
    db.transaction(() => {
      for (const lead of leads) staging.insert.run(stagedLeadValues(layout, lead, keys, meta));
    })();
    return staging;
  }

  it('moves staged leads into the table with the shared columns filled in, every other field as staged', () => {
    const first = batchLead('lead_1');
    const second = batchLead('lead_2', {
      name: '李娜, "销售"\n二部',
      phone: null,
      bant: {},
      customFields: {},
    });
    const staging = stage([first, second]);
    expect(findLeadById(db, 'lead_1')).toBeUndefined();
    expect(db.transaction(() => moveStagedLeads(db, staging, 2))()).toBe(2);
    dropImportStaging(db, staging);
    expect(findLeadById(db, 'lead_1')).toEqual(first);
    expect(findLeadById(db, 'lead_2')).toEqual(second);
  });

  /** The leads' indexes as the schema holds them: a dropped and recreated index comes back under a new rowid. */
  const leadIndexes = () =>
    db
      .prepare(
        "SELECT rowid, name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'leads' ORDER BY name",
      )
      .all() as { rowid: number; name: string; sql: string | null }[];
  const batchOf = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      batchLead(`lead_${String(i).padStart(2, '0')}`, { phone: `+86139000000${String(i).padStart(2, '0')}` }),
    );

  it('builds the leads’ indexes once after moving a batch that outnumbers the stored leads, as they were', () => {
    const before = leadIndexes();
    const staging = stage(batchOf(8));
    expect(db.transaction(() => moveStagedLeads(db, staging, 8))()).toBe(8);
    const after = leadIndexes();
    expect(after.map(({ name, sql }) => ({ name, sql }))).toEqual(
      before.map(({ name, sql }) => ({ name, sql })),
    );
    // Every index the batch's rows enter was built again; the primary key's (no SQL of its own) and the partial
    // indexes whose condition the batch's shared values rule out (owned, closed, deleted, past leads) stayed.
    const kept = after.filter((index, i) => index.rowid === before[i]?.rowid).map((index) => index.name);
    expect(kept).toEqual(expect.arrayContaining(['leads_closed', 'leads_clock', 'leads_deleted']));
    for (const index of after.filter((index) => kept.includes(index.name)))
      expect(
        index.sql === null || / WHERE .*(owner_id|stage|deleted_at|is_history)/.test(index.sql),
        index.name,
      ).toBe(true);
    for (const name of ['leads_phone_key', 'leads_cohort', 'leads_queue', 'leads_import_batch'])
      expect(kept, name).not.toContain(name);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const byPhone = db.prepare('SELECT id FROM leads INDEXED BY leads_phone_key WHERE phone_key = ?');
    expect(byPhone.pluck().get('+8613800000001')).toBeDefined();
  });

  it('builds again for a batch of past leads the closed leads’ indexes, since the stage is each lead’s own', () => {
    const before = leadIndexes();
    const pastShared = { is_history: 1, import_batch_id: 'import_1', deleted_at: null };
    const past = batchOf(8).map((lead) => ({
      ...lead,
      isHistory: true,
      stage: 'won' as const,
      closedAt: 6_000,
    }));
    const staging = stage(past, pastShared);
    expect(db.transaction(() => moveStagedLeads(db, staging, 8))()).toBe(8);
    const after = leadIndexes();
    const kept = after.filter((index, i) => index.rowid === before[i]?.rowid).map((index) => index.name);
    // Only an index whose condition names nothing but shared columns can be ruled out (deleted leads).
    expect(kept).toContain('leads_deleted');
    expect(kept).not.toContain('leads_closed');
    expect(kept).not.toContain('leads_closures');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const closed = db.prepare(
      "SELECT COUNT(*) FROM leads INDEXED BY leads_closed WHERE deleted_at IS NULL AND stage IN ('won', 'lost')",
    );
    expect(closed.pluck().get()).toBe(8);
  });

  it('enters each row into the indexes when the stored leads are more than a quarter of the batch', () => {
    for (const lead of batchOf(3)) insertLead(db, { ...lead, id: asLeadId(`stored_${lead.id}`) }, keys, meta);
    const before = leadIndexes();
    const staging = stage(batchOf(8));
    db.transaction(() => moveStagedLeads(db, staging, 8))();
    expect(leadIndexes()).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) FROM leads').pluck().get()).toBe(11);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses a lead whose shared column differs, naming the lead and the column', () => {
    expect(() =>
      stagedLeadValues(stagingLayout(shared), batchLead('lead_9', { stage: 'mql' }), keys, meta),
    ).toThrow(/lead_9 has stage = mql/);
  });

  it("refuses to move leads in bulk that would count towards a rep's open load", () => {
    const staging = stage([], { ...shared, owner_id: 'rep_1' });
    expect(() => moveStagedLeads(db, staging, 0)).toThrow(/without an owner or past leads/);
    dropImportStaging(db, staging);
  });

  it('keeps staged leads out of the database file until they move: another connection sees none', () => {
    const staging = stage([batchLead('lead_1'), batchLead('lead_2')]);
    const other = openDatabase(db.name);
    try {
      expect(other.prepare('SELECT COUNT(*) FROM leads').pluck().get()).toBe(0);
      expect(
        other.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'staged%'").pluck().get(),
      ).toBe(0);
      db.transaction(() => moveStagedLeads(db, staging, 2))();
      expect(other.prepare('SELECT COUNT(*) FROM leads').pluck().get()).toBe(2);
    } finally {
      other.close();
    }
    dropImportStaging(db, staging);
    expect(db.prepare('SELECT COUNT(*) FROM temp.sqlite_master').pluck().get()).toBe(0);
  });
});
