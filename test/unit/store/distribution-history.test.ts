import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asLeadId, asRepId } from '../../../core/domain/ids';
import { appendAssignment } from '../../../core/store/assignments';
import { listReceipts } from '../../../core/store/fairness-receipts';
import { listFitOutcomes, readFitToken } from '../../../core/store/fit-history';
import { insertLead, updateLead } from '../../../core/store/leads';
import { openDatabase } from '../../../core/store/open-database';
import { insertRecycle } from '../../../core/store/pool-claims';
import { listPreviousOwners } from '../../../core/store/recycle-history';
import { insertRep } from '../../../core/store/reps';
import { sampleLead, sampleRep } from '../../helpers/sample-data';
import { useTempDir } from '../../helpers/temp-dir';

const noKeys = { phoneKey: null, emailKey: null, companyKey: null, companyNameKey: null };
const noMeta = { importBatchId: null, scoreModelVersion: null, scoredAt: null };

describe('what distribution reads of its history, on a real SQLite file', () => {
  const tempDir = useTempDir();
  let db: Database;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'store.sqlite'));
    insertRep(db, sampleRep({ id: asRepId('r1') }), 1);
    insertRep(db, sampleRep({ id: asRepId('r2') }), 1);
  });
  afterEach(() => db.close());

  function assign(
    id: string,
    leadId: string,
    explanation: unknown,
    at: number,
    kind: 'auto' | 'claim' = 'auto',
  ) {
    appendAssignment(db, {
      id,
      leadId,
      repId: 'r1',
      kind,
      ruleId: null,
      reason: '',
      explanation,
      actor: 't',
      at,
    });
  }

  it('counts a lead at the grade stored with the decision, older rows at the grade it has now', () => {
    insertLead(db, sampleLead({ id: asLeadId('l1'), grade: 'A' }), noKeys, noMeta);
    assign('a1', 'l1', { grade: 'B' }, 10);
    assign('a2', 'l1', { kind: 'claim' }, 20, 'claim');
    assign('a3', 'l1', { grade: null }, 30);
    expect(listReceipts(db, 0, 100)).toEqual([
      { repId: 'r1', kind: 'auto', grade: 'B', at: 10 },
      { repId: 'r1', kind: 'claim', grade: 'A', at: 20 },
      { repId: 'r1', kind: 'auto', grade: null, at: 30 },
    ]);
    expect(listReceipts(db, 15, 30).map((r) => r.at)).toEqual([20]);
  });

  it('lists the reps a lead was recycled from since a time, oldest first', () => {
    insertLead(db, sampleLead({ id: asLeadId('l1') }), noKeys, noMeta);
    insertRecycle(db, { id: 'c1', leadId: 'l1', fromRepId: 'r1', reason: 'sla', at: 100 });
    insertRecycle(db, { id: 'c2', leadId: 'l1', fromRepId: 'r2', reason: 'stale', at: 200 });
    expect(listPreviousOwners(db, ['l1', 'nope'], 0).get('l1')).toEqual([
      { repId: 'r1', at: 100 },
      { repId: 'r2', at: 200 },
    ]);
    expect(listPreviousOwners(db, ['l1'], 150).get('l1')).toEqual([{ repId: 'r2', at: 200 }]);
  });

  it('learns fit from won and lost leads with an owner, and its token moves when a lead closes', () => {
    insertLead(
      db,
      sampleLead({ id: asLeadId('won'), ownerId: asRepId('r1'), stage: 'won', industry: '制造' }),
      noKeys,
      noMeta,
    );
    insertLead(
      db,
      sampleLead({ id: asLeadId('open'), ownerId: asRepId('r1'), stage: 'sql' }),
      noKeys,
      noMeta,
    );
    const before = readFitToken(db);
    expect(listFitOutcomes(db)).toMatchObject([{ repId: 'r1', won: true, industry: '制造' }]);
    const open = sampleLead({
      id: asLeadId('open'),
      ownerId: asRepId('r1'),
      stage: 'lost',
      updatedAt: 5_000,
    });
    updateLead(db, open, noKeys, { scoreModelVersion: null, scoredAt: null });
    expect(readFitToken(db)).not.toBe(before);
    expect(
      listFitOutcomes(db)
        .map((o) => o.won)
        .sort(),
    ).toEqual([false, true]);
  });

  it("moves the fit token when a closed lead reopens or is deleted, reading only the closed leads' index", () => {
    const won = sampleLead({ id: asLeadId('won'), ownerId: asRepId('r1'), stage: 'won', updatedAt: 9_000 });
    insertLead(db, won, noKeys, noMeta);
    insertLead(db, sampleLead({ id: asLeadId('lost'), stage: 'lost', updatedAt: 1_000 }), noKeys, noMeta);
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = (text: string) => {
      prepared.push(text);
      return prepare(text);
    };
    const closed = readFitTokenWith(spy);
    // Reopened at an earlier time than the newest closed lead: only the count can tell.
    updateLead(db, { ...sampleLead({ id: asLeadId('lost') }), stage: 'sql', updatedAt: 2_000 }, noKeys, {
      scoreModelVersion: null,
      scoredAt: null,
    });
    const reopened = readFitToken(db);
    expect(reopened).not.toBe(closed);
    db.prepare('UPDATE leads SET deleted_at = 3000 WHERE id = ?').run('won');
    expect(readFitToken(db)).not.toBe(reopened);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${prepared.at(-1) ?? ''}`)
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join('; ');
    expect(plan).toContain('leads_closed');
  });

  /** readFitToken with `db.prepare` swapped for `prepare`, to see the SQL it runs. */
  function readFitTokenWith(prepare: (text: string) => ReturnType<Database['prepare']>): string {
    const original = db.prepare;
    db.prepare = prepare as Database['prepare'];
    try {
      return readFitToken(db);
    } finally {
      db.prepare = original;
    }
  }
});
