// Migration 0020: a claim writes one index fewer (pool_claims_rep is gone), the claims a file held are kept, and a
// rep's daily count per pool still reads pool_claims_rep_pool instead of scanning every claim.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/store/open-database';
import { MIGRATIONS } from '../../../core/store/migrations/index';
import { updateToSchemaVersion20 } from '../../../core/store/migrations/0020-pool-claims-rep-index';
import { countPoolClaimsSince } from '../../../core/store/pools';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

function indexesOfPoolClaims(db: BetterSqlite3.Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'pool_claims' ORDER BY name")
    .pluck()
    .all()
    .map(String);
}

describe('migration 0020: pool claims without their rep-and-time index', () => {
  it('keeps every claim of a file at the schema before, and drops the index', () => {
    const path = join(tempDir(), 'before.sqlite');
    const before = MIGRATIONS.indexOf(updateToSchemaVersion20);
    expect(before).toBeGreaterThan(0);
    const old = new BetterSqlite3(path);
    for (let v = 0; v < before; v += 1) {
      MIGRATIONS[v]?.(old);
      old.pragma(`user_version = ${v + 1}`);
    }
    expect(indexesOfPoolClaims(old)).toContain('pool_claims_rep');
    old
      .prepare(
        "INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES ('rep_wang', '王芳', 'mid', '2020-01-01', 1, 1)",
      )
      .run();
    const lead = old.prepare(
      "INSERT INTO leads (id, name, stage, owner_id, created_at, updated_at) VALUES (?, ?, 'raw', 'rep_wang', 1, 1)",
    );
    const claim = old.prepare(
      'INSERT INTO pool_claims (id, lead_id, rep_id, pool_id, at) VALUES (?, ?, ?, ?, ?)',
    );
    for (let i = 1; i <= 3; i += 1) {
      lead.run(`lead_${i}`, `客户${i}`);
      claim.run(`clm_${i}`, `lead_${i}`, 'rep_wang', 'pool_default', 1_000 * i);
    }
    old.close();

    const db = openDatabase(path);
    try {
      expect(indexesOfPoolClaims(db)).toEqual(['pool_claims_rep_pool', 'sqlite_autoindex_pool_claims_1']);
      expect(db.prepare('SELECT id FROM pool_claims ORDER BY id').pluck().all()).toEqual([
        'clm_1',
        'clm_2',
        'clm_3',
      ]);
      expect(countPoolClaimsSince(db, 'rep_wang', 'pool_default', 2_000)).toBe(2);
    } finally {
      db.close();
    }
  });

  it("counts a rep's claims from one pool through pool_claims_rep_pool", () => {
    const db = openDatabase(join(tempDir(), 'fresh.sqlite'));
    try {
      const plan = db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT count(*) AS n FROM pool_claims WHERE rep_id = ? AND pool_id = ? AND at >= ?',
        )
        .all('rep_wang', 'pool_default', 0) as { detail: string }[];
      expect(plan.map((row) => row.detail).join(' | ')).toContain(
        'USING COVERING INDEX pool_claims_rep_pool',
      );
    } finally {
      db.close();
    }
  });
});
