// The rescore job's store side: its chunked walk reads each lead as a full-row read does, and its writes.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asLeadId, asRepId } from '../../../core/domain/ids';
import { listLeadsAfter, stampLeadScores } from '../../../core/store/lead-rescoring';
import { findLeadById, findLeadMeta, insertLead } from '../../../core/store/leads';
import { openDatabase } from '../../../core/store/open-database';
import { insertRep } from '../../../core/store/reps';
import { sampleLead, sampleRep } from '../../helpers/sample-data';
import { useTempDir } from '../../helpers/temp-dir';

const keys = {
  phoneKey: '13800138000',
  emailKey: 'zhang.wei@example.com',
  companyKey: null,
  companyNameKey: null,
};

describe('lead rescoring store', () => {
  const tempDir = useTempDir();
  let db: Database;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'store.sqlite'));
    insertRep(db, sampleRep({ id: asRepId('rep_1') }), 1);
  });
  afterEach(() => db.close());

  it('walks the live leads in id order, chunk by chunk, each read exactly as a full-row read gives it', () => {
    const leads = [
      sampleLead({ id: asLeadId('a') }),
      sampleLead({
        id: asLeadId('b'),
        ownerId: asRepId('rep_1'),
        stage: 'won',
        wonAmountFen: 50_000,
        closedAt: 1_700_100_000_000,
        isHistory: true,
        scoreModelVersion: 3,
      }),
      sampleLead({ id: asLeadId('c'), phone: null, email: null, wechat: null, bant: {}, customFields: {} }),
    ];
    for (const lead of leads)
      insertLead(db, lead, keys, { importBatchId: 'batch_1', scoreModelVersion: 3, scoredAt: 1 });
    const first = listLeadsAfter(db, '', 2);
    const rest = listLeadsAfter(db, first.at(-1)?.id ?? '', 2);
    expect([...first, ...rest].map((lead) => lead.id)).toEqual(['a', 'b', 'c']);
    for (const lead of [...first, ...rest]) expect(lead).toEqual(findLeadById(db, lead.id));
    expect(listLeadsAfter(db, 'c', 2)).toEqual([]);
  });

  it('stamps every lead of the chunk and writes score, and grade only where it moved', () => {
    for (const id of ['a', 'b', 'c'])
      insertLead(db, sampleLead({ id: asLeadId(id), score: 50, grade: 'C' }), keys, {
        importBatchId: null,
        scoreModelVersion: 1,
        scoredAt: 1,
      });
    stampLeadScores(db, { afterId: '', lastId: 'b', modelVersion: 2, scoredAt: 9 }, [
      { id: 'a', score: 55, grade: 'C', isGradeMoved: false },
      { id: 'b', score: 80, grade: 'A', isGradeMoved: true },
    ]);
    expect(findLeadById(db, 'a')).toMatchObject({ score: 55, grade: 'C', scoreModelVersion: 2 });
    expect(findLeadById(db, 'b')).toMatchObject({ score: 80, grade: 'A', scoreModelVersion: 2 });
    expect(findLeadMeta(db, 'b')?.scoredAt).toBe(9);
    // Outside (afterId, lastId]: untouched.
    expect(findLeadById(db, 'c')).toMatchObject({ score: 50, grade: 'C', scoreModelVersion: 1 });
  });
});
