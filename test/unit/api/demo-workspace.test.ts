// The demo workspace agrees with itself: its rules in force are the rules its assignment history was routed by
// (every automatic assignment names a rule the Rules and Transparency pages show, by the same name), and its leads
// moved along the funnel, so the Dashboard's days per stage have moves to count; and it looks like a team at work,
// most of its open leads on time, a few overdue and a few stale for the SLA and stale pages to show, some recycled
// and some released by their reps.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeExplanation } from '../../../core/store/explanation-codec';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';

describe('the demo workspace', () => {
  const tempDir = useTempDir();
  let t: TestService;
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    t = createTestService(dir);
  });
  afterEach(() => t.close());

  it('puts in force the rules its history followed, so each assignment’s rule is one the team can read', async () => {
    await t.client.call('workspace.loadDemo', {});
    const { rules, version } = await t.client.call('distribution.getRules', {});
    expect(version).toBeGreaterThan(0);
    const byId = new Map(rules.map((rule) => [rule.id, rule.name]));
    const reader = new Database(join(dir, 'fairlead.sqlite'), { readonly: true });
    const rows = reader
      .prepare(
        `SELECT rule_id AS ruleId, explanation_json AS json, explanation_deflated AS deflated FROM assignments
         WHERE kind = 'auto' AND rule_id IS NOT NULL`,
      )
      .all() as { ruleId: string; json: string; deflated: Uint8Array | null }[];
    reader.close();
    expect(rows.length).toBeGreaterThan(100);
    const used = new Set<string>();
    for (const row of rows) {
      expect(byId.has(row.ruleId), row.ruleId).toBe(true);
      used.add(row.ruleId);
      const explanation = decodeExplanation(row) as { rule?: { name: string; index: number } | null };
      if (explanation.rule) {
        expect(explanation.rule.name).toBe(byId.get(row.ruleId));
        expect(rules[explanation.rule.index]?.id).toBe(row.ruleId);
      }
    }
    // The history exercises more than the fallback.
    expect(used.size).toBeGreaterThan(2);
  });

  it('has a stage history, so the Dashboard’s funnel gives days per stage', async () => {
    await t.client.call('workspace.loadDemo', {});
    const to = new Date(t.clock.now).toISOString().slice(0, 10);
    const from = new Date(t.clock.now - 365 * 86_400_000).toISOString().slice(0, 10);
    const kpis = await t.client.call('dashboard.kpis', { from, to });
    const stays = new Map(kpis.funnel.map((step) => [step.stage, step]));
    for (const stage of ['raw', 'mql', 'sql'] as const) {
      expect(stays.get(stage)?.completedStays, stage).toBeGreaterThan(0);
      expect(stays.get(stage)?.averageDays, stage).toBeGreaterThan(0);
    }
  });

  it('keeps most open leads on time, with a few overdue and a few stale', async () => {
    await t.client.call('workspace.loadDemo', {});
    const now = await t.client.call('dashboard.now', {});
    const open = now.capacity.reps.reduce((sum, rep) => sum + rep.openLoad, 0);
    const overdue = now.overdueFirstContact + now.overdueFollowUp;
    expect(open).toBeGreaterThan(150);
    // A team a first-time viewer believes: under a quarter overdue, yet enough for the SLA pages to show.
    expect(overdue / open).toBeLessThan(0.25);
    expect(overdue).toBeGreaterThanOrEqual(10);
    const stale = await t.client.call('stale.list', {});
    expect(stale.rows.length).toBeGreaterThanOrEqual(5);
    expect(stale.rows.length / open).toBeLessThan(0.15);
  });

  it('counts the recycles its history shows in the Dashboard\'s loss, and lists them under "recycled only"', async () => {
    await t.client.call('workspace.loadDemo', {});
    const to = new Date(t.clock.now).toISOString().slice(0, 10);
    const from = new Date(t.clock.now - 180 * 86_400_000).toISOString().slice(0, 10);
    const log = await t.client.call('distribution.assignments', { from, to, kind: 'recycle', limit: 100 });
    const recycledLeads = new Set(
      log.rows.filter((row) => row.repId === null && row.fromRepId !== null).map((row) => row.leadId),
    );
    expect(log.total).toBe(log.rows.length);
    expect(recycledLeads.size).toBeGreaterThan(20);
    const { loss } = await t.client.call('dashboard.kpis', { from, to });
    expect(loss.current.recycled.n).toBe(loss.current.arrived);
    expect((loss.current.recycled.value ?? 0) * loss.current.arrived).toBeCloseTo(recycledLeads.size, 6);
    // The pool's "recycled only": the leads whose latest step took them back to the pool, each one of those.
    const rep = (await t.client.call('reps.list', {}))[0];
    if (!rep) throw new Error('no rep');
    const pool = await t.asRep(rep.id).call('pool.list', { recycledOnly: true, limit: 100 });
    expect(pool.rows.length).toBeGreaterThan(0);
    for (const row of pool.rows) expect(row.poolReason).toBe('recycled');
  });

  it('has leads their reps released to the pool, read as released (负责人释放), with the cool-down a release starts', async () => {
    await t.client.call('workspace.loadDemo', {});
    const reps = await t.client.call('reps.list', {});
    const rep = reps[0];
    if (!rep) throw new Error('no rep');
    const pool = await t.asRep(rep.id).call('pool.list', { limit: 500 });
    const released = pool.rows.filter((row) => row.poolReason === 'released');
    // The demo once had none: the pool never showed a release, nor its rep's name beside it.
    expect(released.length).toBeGreaterThanOrEqual(3);
    const names = new Set(reps.map((r) => r.name));
    for (const row of released) expect(names.has(row.fromRepName ?? '')).toBe(true);
    const recycledOnly = await t.asRep(rep.id).call('pool.list', { recycledOnly: true, limit: 500 });
    const recycledIds = new Set(recycledOnly.rows.map((row) => row.id));
    for (const row of released) expect(recycledIds.has(row.id)).toBe(false);
    // Each release left the record the app's own release leaves (its rep's claim cool-down reads it).
    const db = new Database(join(dir, 'fairlead.sqlite'), { readonly: true });
    const releases = db
      .prepare("SELECT lead_id AS leadId FROM lead_recycles WHERE reason = 'released'")
      .all() as { leadId: string }[];
    db.close();
    const releasedIds = new Set(releases.map((r) => r.leadId));
    for (const row of released) expect(releasedIds.has(row.id)).toBe(true);
  });
});
