// The claim path's reads, each written so SQLite runs it cheaply, answer as the plain SQL they replace: the latest
// assignment (latest time, then greatest id), a rep's latest recycle after an instant, and the locks in force on
// the rep's own open leads.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { DAY_MS } from '../../../core/domain/clock';
import { openDatabase } from '../../../core/store/open-database';
import { findLatestAssignmentFacts, findRecycleFromRep } from '../../../core/store/pool-claims';
import { countActiveLocksOf } from '../../../core/store/pools-locks';
import { useTempDir } from '../../helpers/temp-dir';

const NOW = Date.UTC(2026, 10, 23, 2, 0);

describe('the pool claim path reads', () => {
  const tempDir = useTempDir();
  let db: Database;

  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'claims.sqlite'));
    const rep = db.prepare(
      "INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES (?, ?, 'mid', '2020-01-01', 1, 1)",
    );
    rep.run('rep_wang', '王芳');
    rep.run('rep_li', '李强');
    const lead = db.prepare(
      "INSERT INTO leads (id, name, stage, owner_id, created_at, updated_at) VALUES (?, ?, 'raw', ?, 1, 1)",
    );
    lead.run('lead_a', '陈静', null);
    lead.run('lead_b', '刘洋', 'rep_wang');
    lead.run('lead_c', '赵敏', 'rep_li');
  });
  afterEach(() => db.close());

  function assign(id: string, leadId: string, repId: string | null, kind: string, at: number): void {
    db.prepare(
      `INSERT INTO assignments (id, lead_id, rep_id, kind, reason, explanation_json, actor, at)
       VALUES (?, ?, ?, ?, '', ?, 'team-lead', ?)`,
    ).run(id, leadId, repId, kind, JSON.stringify({ kind, id }), at);
  }

  it('takes the latest assignment by time, then by the greatest id, whatever order the rows were written in', () => {
    expect(findLatestAssignmentFacts(db, 'lead_a')).toBeUndefined();
    assign('asg_3', 'lead_a', 'rep_wang', 'auto', NOW - DAY_MS);
    assign('asg_9', 'lead_a', null, 'recycle', NOW);
    assign('asg_2', 'lead_a', 'rep_li', 'claim', NOW + 1);
    assign('asg_1', 'lead_a', 'rep_wang', 'manual', NOW - 2 * DAY_MS);
    assign('asg_5', 'lead_a', null, 'manual', NOW + 1);
    assign('asg_4', 'lead_b', 'rep_wang', 'auto', NOW + 5);
    const expected = db
      .prepare(
        'SELECT rep_id, kind, explanation_json, at FROM assignments WHERE lead_id = ? ORDER BY at DESC, id DESC LIMIT 1',
      )
      .get('lead_a') as { rep_id: string | null; kind: string; explanation_json: string; at: number };
    expect(findLatestAssignmentFacts(db, 'lead_a')).toEqual({
      repId: expected.rep_id,
      kind: expected.kind,
      explanation: JSON.parse(expected.explanation_json),
      at: expected.at,
    });
    expect(findLatestAssignmentFacts(db, 'lead_a')).toMatchObject({
      repId: null,
      kind: 'manual',
      at: NOW + 1,
    });
  });

  it('finds the rep’s latest recycle of the lead strictly after the instant, and null when there is none', () => {
    const recycle = db.prepare(
      "INSERT INTO lead_recycles (id, lead_id, from_rep_id, reason, at) VALUES (?, ?, ?, 'sla', ?)",
    );
    recycle.run('rcy_1', 'lead_a', 'rep_wang', NOW - 3 * DAY_MS);
    recycle.run('rcy_2', 'lead_a', 'rep_wang', NOW - DAY_MS);
    recycle.run('rcy_3', 'lead_a', 'rep_li', NOW);
    recycle.run('rcy_4', 'lead_b', 'rep_wang', NOW);
    expect(findRecycleFromRep(db, 'lead_a', 'rep_wang', -1)).toBe(NOW - DAY_MS);
    expect(findRecycleFromRep(db, 'lead_a', 'rep_wang', NOW - DAY_MS - 1)).toBe(NOW - DAY_MS);
    expect(findRecycleFromRep(db, 'lead_a', 'rep_wang', NOW - DAY_MS)).toBeNull();
    expect(findRecycleFromRep(db, 'lead_c', 'rep_li', -1)).toBeNull();
  });

  it('counts only locks in force on leads the rep still holds open', () => {
    const lock = db.prepare(
      `INSERT INTO lead_locks (id, lead_id, rep_id, pool_id, locked_at, expires_at, released_at, changed_by)
       VALUES (?, ?, ?, 'pool_default', 1, ?, ?, 'rep_wang')`,
    );
    expect(countActiveLocksOf(db, 'rep_wang', NOW)).toBe(0);
    // A live lock on a lead another rep holds now: a lock row in force, but not the rep's lead.
    lock.run('lck_1', 'lead_c', 'rep_wang', NOW + DAY_MS, null);
    expect(countActiveLocksOf(db, 'rep_wang', NOW)).toBe(0);
    lock.run('lck_2', 'lead_b', 'rep_wang', NOW + DAY_MS, null);
    expect(countActiveLocksOf(db, 'rep_wang', NOW)).toBe(1);
    expect(countActiveLocksOf(db, 'rep_wang', NOW + DAY_MS)).toBe(0);
    db.prepare("UPDATE leads SET stage = 'won' WHERE id = 'lead_b'").run();
    expect(countActiveLocksOf(db, 'rep_wang', NOW)).toBe(0);
  });
});
