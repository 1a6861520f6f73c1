// The Dashboard's stage counts in one pass of leads_board say what the GROUP BY over leads_cohort says (custom
// stages, deleted and history leads, every filter), and read no lead row and sort nothing.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLiveLeadsPerStageSummed } from '../../../core/store/dashboard';
import { countLiveLeadsPerStage, type NowFilter } from '../../../core/store/now-counts';
import { openDatabase } from '../../../core/store/open-database';
import { useTempDir } from '../../helpers/temp-dir';

const STAGES = [
  'raw',
  'mql',
  'sql',
  'opportunity',
  'won',
  'lost',
  'nurture',
  'c_demo01',
  'c_trial2',
] as const;
const FILTERS: NowFilter[] = [
  {},
  { repId: 'rep_1' },
  { tier: 'senior' },
  { source: '官网' },
  { source: '展会' },
];

const leadRow = fc.record({
  stage: fc.constantFrom(...STAGES),
  owner: fc.constantFrom(null, 'rep_0', 'rep_1', 'rep_2'),
  source: fc.constantFrom('官网', '展会', null),
  deleted: fc.boolean(),
  history: fc.boolean(),
});

interface LeadRow {
  readonly stage: string;
  readonly owner: string | null;
  readonly source: string | null;
  readonly deleted: boolean;
  readonly history: boolean;
}

function seed(db: Database, rows: readonly LeadRow[]) {
  db.exec('DELETE FROM leads');
  const lead = db.prepare(
    `INSERT INTO leads (id, name, stage, owner_id, source, is_history, deleted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)`,
  );
  rows.forEach((r, i) =>
    lead.run(`lead_${i}`, `客户${i}`, r.stage, r.owner, r.source, r.history ? 1 : 0, r.deleted ? 5 : null),
  );
}

describe('stage counts by sums', () => {
  const tempDir = useTempDir();

  function opened(): Database {
    const db = openDatabase(join(tempDir(), 'stages.sqlite'));
    const rep = db.prepare(
      `INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES (?, ?, ?, '2025-01-01', 0, 0)`,
    );
    for (let r = 0; r < 3; r += 1) rep.run(`rep_${r}`, `销售${r}`, r === 1 ? 'senior' : 'mid');
    return db;
  }

  it('equal the grouped counts, in the same order, for random leads and every filter (property)', () => {
    const db = opened();
    fc.assert(
      fc.property(fc.array(leadRow, { maxLength: 60 }), (rows) => {
        seed(db, rows);
        for (const filter of FILTERS)
          expect(countLiveLeadsPerStageSummed(db, filter)).toEqual(countLiveLeadsPerStage(db, filter));
      }),
      { numRuns: 120 },
    );
    db.close();
  });

  it('read leads_board in stage order, covering, with no sort', () => {
    const db = opened();
    seed(db, [{ stage: 'mql', owner: 'rep_0', source: '官网', deleted: false, history: false }]);
    const texts: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((text: string) => {
      texts.push(text);
      return prepare(text);
    }) as typeof db.prepare;
    countLiveLeadsPerStageSummed(db, {});
    db.prepare = prepare;
    expect(texts).toHaveLength(1);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${texts[0]}`).all() as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(plan).toEqual(['SCAN leads USING COVERING INDEX leads_board']);
    db.close();
  });
});
