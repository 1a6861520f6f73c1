import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asLeadId, asRepId } from '../../../core/domain/ids';
import { readClosedLeadsStamp } from '../../../core/store/closed-leads-stamp';
import { insertLead, updateLead } from '../../../core/store/leads';
import { markLeadMerged } from '../../../core/store/lead-merges';
import { openDatabase } from '../../../core/store/open-database';
import { setLeadOwner } from '../../../core/store/distribution-state';
import { insertRep } from '../../../core/store/reps';
import { setLeadOwnerIf, setLeadStage } from '../../../core/store/work-leads';
import { sampleLead, sampleRep } from '../../helpers/sample-data';
import { useTempDir } from '../../helpers/temp-dir';

const noKeys = { phoneKey: null, emailKey: null, companyKey: null, companyNameKey: null };
const noMeta = { importBatchId: null, scoreModelVersion: null, scoredAt: null };

describe('the closed leads stamp (what a cached rep–lead fit checks per new lead)', () => {
  const tempDir = useTempDir();
  let db: Database;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'store.sqlite'));
    insertRep(db, sampleRep({ id: asRepId('r1') }), 1);
    insertRep(db, sampleRep({ id: asRepId('r2') }), 1);
    insertLead(db, sampleLead({ id: asLeadId('won'), ownerId: asRepId('r1'), stage: 'won' }), noKeys, noMeta);
  });
  afterEach(() => db.close());

  /** Runs `write` and answers whether the stamp moved across it. */
  function moves(write: () => void): boolean {
    const before = readClosedLeadsStamp(db);
    write();
    return readClosedLeadsStamp(db) !== before;
  }

  it('stays while only open leads are written: entered, handed out, claimed, moved along the funnel', () => {
    expect(moves(() => undefined)).toBe(false);
    expect(moves(() => insertLead(db, sampleLead({ id: asLeadId('new') }), noKeys, noMeta))).toBe(false);
    expect(moves(() => setLeadOwner(db, 'new', 'r1', 10))).toBe(false);
    expect(moves(() => setLeadOwnerIf(db, 'new', 'r1', 'r2', 20))).toBe(false);
    const stage = { wonAmountFen: null, lostReason: null, closedAt: null };
    expect(moves(() => setLeadStage(db, 'new', { ...stage, stage: 'sql' }, 30))).toBe(false);
  });

  it('moves when a lead closes, a closed one is entered, edited, reopened or merged away', () => {
    insertLead(db, sampleLead({ id: asLeadId('open'), ownerId: asRepId('r1') }), noKeys, noMeta);
    const stage = { wonAmountFen: null, lostReason: '预算不足', closedAt: 40 };
    expect(moves(() => setLeadStage(db, 'open', { ...stage, stage: 'lost' }, 40))).toBe(true);
    const closed = sampleLead({ id: asLeadId('entered-won'), ownerId: asRepId('r2'), stage: 'won' });
    expect(moves(() => insertLead(db, closed, noKeys, noMeta))).toBe(true);
    const edited = { ...closed, industry: '零售', updatedAt: 50 };
    expect(moves(() => updateLead(db, edited, noKeys, noMeta))).toBe(true);
    expect(moves(() => updateLead(db, { ...edited, stage: 'sql' }, noKeys, noMeta))).toBe(true);
    expect(moves(() => markLeadMerged(db, 'won', 60))).toBe(true);
  });

  it("moves when another connection commits (the data_version SQLite keeps), not on this one's reads", () => {
    const other = new BetterSqlite3(db.name);
    try {
      expect(moves(() => other.prepare('SELECT count(*) FROM leads').get())).toBe(false);
      expect(moves(() => other.prepare("UPDATE leads SET stage = 'lost' WHERE id = 'won'").run())).toBe(true);
    } finally {
      other.close();
    }
  });
});
