import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRepFit } from '../../../core/api/distribution/rep-fit';
import { asRepId } from '../../../core/domain/ids';
import { insertLead } from '../../../core/store/leads';
import { openDatabase } from '../../../core/store/open-database';
import { insertRep } from '../../../core/store/reps';
import { blankLead } from '../../helpers/blank-lead';
import { sampleRep } from '../../helpers/sample-data';
import { useTempDir } from '../../helpers/temp-dir';

const noKeys = { phoneKey: null, emailKey: null, companyKey: null, companyNameKey: null };
const noMeta = { importBatchId: null, scoreModelVersion: null, scoredAt: null };
const MINUTE = 60_000;

describe('the cached rep–lead fit while distributing', () => {
  const tempDir = useTempDir();
  let db: Database;
  let serial = 0;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'store.sqlite'));
    insertRep(db, sampleRep({ id: asRepId('r1') }), 1);
  });
  afterEach(() => db.close());

  function closedLead(stage: 'won' | 'lost') {
    serial += 1;
    return blankLead(`closed-${serial}`, {
      name: `历史 ${serial}`,
      ownerId: asRepId('r1'),
      stage,
      updatedAt: serial,
    });
  }

  it('is not rechecked while nothing was written to the closed leads, however long it was kept', () => {
    insertLead(db, closedLead('won'), noKeys, noMeta);
    const first = readRepFit(db, 0);
    // Written around the repositories (no stamp moves): only a recheck of the closed leads would see it.
    const raw = closedLead('lost');
    db.prepare(
      "INSERT INTO leads (id, name, owner_id, stage, search_text, created_at, updated_at) VALUES (?, ?, ?, 'lost', '', 0, 0)",
    ).run(raw.id, raw.name, 'r1');
    expect(readRepFit(db, 10 * MINUTE)).toBe(first);
    // Without a time (profiles, replays) it is checked every time.
    expect(readRepFit(db).outcomes).toBe(first.outcomes + 1);
  });

  it('is re-estimated after a repository write to the closed leads, at most once a minute', () => {
    insertLead(db, closedLead('won'), noKeys, noMeta);
    const first = readRepFit(db, 0);
    insertLead(db, closedLead('lost'), noKeys, noMeta);
    expect(readRepFit(db, MINUTE - 1)).toBe(first);
    const later = readRepFit(db, MINUTE);
    expect(later).not.toBe(first);
    expect(later.outcomes).toBe(first.outcomes + 1);
    expect(readRepFit(db, 10 * MINUTE)).toBe(later);
  });
});
