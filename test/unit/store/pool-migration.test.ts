// Migration 0013 from the single public pool: every pooled lead, claim and cool-down is kept, in the default pool
// that the single pool becomes, with the team's claim limit and cool-down as before.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FUNNEL_SETTINGS } from '../../../core/api/sla/settings';
import { DAY_MS } from '../../../core/domain/clock';
import { MIGRATIONS } from '../../../core/store/migrations/index';
import { updateToSchemaVersion12 } from '../../../core/store/migrations/0012-pools';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

/** 10:00 Beijing, Monday 23 November 2026. */
const NOW = Date.UTC(2026, 10, 23, 2, 0);

/** A file at the schema just before 0013, holding a single pool's state as an older Fairlead left it. */
function singlePoolDatabase(path: string): void {
  const before = MIGRATIONS.indexOf(updateToSchemaVersion12);
  expect(before).toBeGreaterThan(0);
  const db = new BetterSqlite3(path);
  for (let v = 0; v < before; v += 1) {
    MIGRATIONS[v]?.(db);
    db.pragma(`user_version = ${v + 1}`);
  }
  const settings = { ...DEFAULT_FUNNEL_SETTINGS, claimDailyLimit: 2, claimCooldownDays: 5 };
  db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('work.funnel', ?, 1)").run(
    JSON.stringify(settings),
  );
  const rep = db.prepare(
    "INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES (?, ?, 'mid', '2020-01-01', 1, 1)",
  );
  rep.run('rep_wang', '王芳');
  rep.run('rep_li', '李强');
  const lead = db.prepare(
    'INSERT INTO leads (id, name, phone, stage, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (let i = 1; i <= 5; i += 1) lead.run(`lead_p${i}`, `公海${i}`, `1380013800${i}`, 'raw', null, 1, 1);
  lead.run('lead_c1', '已领1', null, 'mql', 'rep_wang', 1, 1);
  lead.run('lead_c2', '已领2', null, 'mql', 'rep_wang', 1, 1);
  const claim = db.prepare('INSERT INTO pool_claims (id, lead_id, rep_id, at) VALUES (?, ?, ?, ?)');
  claim.run('clm_1', 'lead_c1', 'rep_wang', NOW - 3_600_000);
  claim.run('clm_2', 'lead_c2', 'rep_wang', NOW - 1_800_000);
  // lead_p1 was recycled from 王芳 a day ago: her cool-down (5 days) still runs.
  db.prepare(
    "INSERT INTO lead_recycles (id, lead_id, from_rep_id, reason, at) VALUES ('rcy_1', 'lead_p1', 'rep_wang', 'sla', ?)",
  ).run(NOW - DAY_MS);
  db.prepare(
    `INSERT INTO assignments (id, lead_id, rep_id, kind, reason, explanation_json, actor, at)
     VALUES ('asg_1', 'lead_p1', NULL, 'recycle', 'SLA', '{"kind":"recycle","fromRepId":"rep_wang"}', 'system', ?)`,
  ).run(NOW - DAY_MS);
  db.close();
}

describe('migration 0013 from the single pool', () => {
  const tempDir = useTempDir();
  let t: TestService | undefined;
  afterEach(() => t?.close());

  it('keeps every pooled lead, claim and cool-down in the default pool', async () => {
    const dir = tempDir();
    singlePoolDatabase(join(dir, 'fairlead.sqlite'));
    t = createTestService(dir, NOW);
    const { pools } = await t.client.call('pool.pools', {});
    expect(pools).toHaveLength(1);
    expect(pools[0]).toMatchObject({
      id: 'pool_default',
      isDefault: true,
      isOpenToAll: true,
      coolDownDays: null,
    });
    const listed = await t.client.call('pool.list', { limit: 500 });
    expect(listed.rows.map((row) => row.id).sort()).toEqual([
      'lead_p1',
      'lead_p2',
      'lead_p3',
      'lead_p4',
      'lead_p5',
    ]);
    const wang = t.asRep('rep_wang');
    // Both claims of today count: the team's limit of 2 is reached.
    expect(await wang.call('pool.list', {})).toMatchObject({ claimsToday: 2, claimDailyLimit: 2 });
    await expect(wang.call('pool.claim', { leadId: 'lead_p2' })).rejects.toMatchObject({
      reason: 'pool.dailyLimit',
    });
    // The cool-down from the recycle before the migration still keeps 王芳 from lead_p1, not 李强.
    const li = t.asRep('rep_li');
    expect((await wang.call('pool.list', {})).rows.find((r) => r.id === 'lead_p1')?.coolDownUntil).toBe(
      NOW - DAY_MS + 5 * DAY_MS,
    );
    t.clock.now = NOW + DAY_MS; // tomorrow: the daily count starts again, the cool-down still runs
    await expect(wang.call('pool.claim', { leadId: 'lead_p1' })).rejects.toMatchObject({
      reason: 'pool.coolingDown',
    });
    await expect(li.call('pool.claim', { leadId: 'lead_p1' })).resolves.toMatchObject({ ownerId: 'rep_li' });
    const claims = t.service.db
      .prepare("SELECT id, pool_id FROM pool_claims WHERE id IN ('clm_1', 'clm_2') ORDER BY id")
      .all();
    expect(claims).toEqual([
      { id: 'clm_1', pool_id: 'pool_default' },
      { id: 'clm_2', pool_id: 'pool_default' },
    ]);
  });
});
