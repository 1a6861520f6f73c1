import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapOpenActivities, scheduleActivity } from '../../../core/store/activities';
import { MIGRATIONS } from '../../../core/store/migrations/index';
import { openDatabase } from '../../../core/store/open-database';
import { useTempDir } from '../../helpers/temp-dir';

describe('the activities table', () => {
  const tempDir = useTempDir();

  it('migration 10 turns each lead’s latest follow-up that names a next step into its open activity', () => {
    const path = join(tempDir(), 'v9.sqlite');
    const old = new BetterSqlite3(path);
    for (let v = 0; v < 9; v += 1) {
      MIGRATIONS[v]?.(old);
      old.pragma(`user_version = ${v + 1}`);
    }
    old
      .prepare(
        "INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES ('r1', '王芳', 'mid', '2020-01-01', 1, 1)",
      )
      .run();
    for (const id of ['l1', 'l2', 'l3']) {
      old
        .prepare(
          "INSERT INTO leads (id, name, stage, created_at, updated_at) VALUES (?, '客户', 'mql', 1, 1)",
        )
        .run(id);
    }
    const followUp = old.prepare(
      "INSERT INTO follow_ups (id, lead_id, rep_id, channel, said, next_step, next_at, at) VALUES (?, ?, 'r1', 'call', '说了', ?, ?, ?)",
    );
    followUp.run('f1', 'l1', '旧的一步', 5_000, 100);
    followUp.run('f2', 'l1', '新的一步', null, 200);
    followUp.run('f3', 'l2', '约见', 9_000, 100);
    followUp.run('f4', 'l2', null, null, 300);
    followUp.run('f5', 'l3', null, 7_000, 100);
    old.close();

    const db = openDatabase(path);
    const open = mapOpenActivities(db, ['l1', 'l2', 'l3']);
    expect(open.get('l1')).toMatchObject({ id: 'act_f2', title: '新的一步', dueAt: null, repId: 'r1' });
    expect(open.has('l2')).toBe(false);
    expect(open.get('l3')).toMatchObject({ title: null, dueAt: 7_000, kind: 'call' });
    db.close();
  });

  it('keeps one open activity per lead: scheduling closes the one it replaces', () => {
    const db = openDatabase(join(tempDir(), 'new.sqlite'));
    db.prepare(
      "INSERT INTO leads (id, name, stage, created_at, updated_at) VALUES ('l1', '客户', 'mql', 1, 1)",
    ).run();
    const base = { leadId: 'l1', repId: 'r1', kind: 'call' as const, title: null, followUpId: null };
    scheduleActivity(db, { ...base, id: 'a1', dueAt: 10, createdAt: 1 });
    scheduleActivity(db, { ...base, id: 'a2', dueAt: 20, createdAt: 2 });
    expect(mapOpenActivities(db, ['l1']).get('l1')?.id).toBe('a2');
    expect(db.prepare("SELECT cancelled_at FROM activities WHERE id = 'a1'").get()).toEqual({
      cancelled_at: 2,
    });
    db.close();
  });

  it('answers a rep’s agenda from the per-rep index', () => {
    const db = openDatabase(join(tempDir(), 'plan.sqlite'));
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id FROM activities WHERE rep_id = ? AND due_at < ? AND done_at IS NULL AND cancelled_at IS NULL ORDER BY due_at',
      )
      .all('r1', 1) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('activities_open_rep');
    db.close();
  });
});
