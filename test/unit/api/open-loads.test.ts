// The counters distribution reads (each rep's open load, leads handed per local day) stay equal to a recount from
// the rows through every way a lead changes hands or stage, now that code keeps them instead of triggers.
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FunnelStage } from '../../../core/domain/funnel';
import { localDayNumber } from '../../../core/domain/sla/local-day';
import { openLoadOwner } from '../../../core/domain/sla/open-load';
import { createTestService, type TestService } from '../../helpers/service';
import { useTempDir } from '../../helpers/temp-dir';
import { addLead, addRep, assignLead, beijing, minutes, plainPolicy, repClient } from './work-fixtures';

/** Open leads per rep recounted from the leads table by the domain's rule. */
function recountOpenLoads(db: Database): Record<string, number> {
  const rows = db.prepare('SELECT owner_id, stage, is_history, deleted_at FROM leads').all() as {
    owner_id: string | null;
    stage: FunnelStage;
    is_history: number;
    deleted_at: number | null;
  }[];
  const loads: Record<string, number> = {};
  for (const row of rows) {
    const owner = openLoadOwner({
      ownerId: row.owner_id,
      stage: row.stage,
      isHistory: row.is_history === 1,
      isDeleted: row.deleted_at !== null,
    });
    if (owner !== null) loads[owner] = (loads[owner] ?? 0) + 1;
  }
  return loads;
}

/** The stored counters, reps at zero left out (a rep whose last open lead closed keeps a row at 0). */
function storedOpenLoads(db: Database): Record<string, number> {
  const rows = db.prepare('SELECT rep_id, open_count FROM rep_open_loads WHERE open_count > 0').all() as {
    rep_id: string;
    open_count: number;
  }[];
  return Object.fromEntries(rows.map((row) => [row.rep_id, row.open_count]));
}

function storedDayCounts(db: Database): Record<string, number> {
  const rows = db.prepare('SELECT rep_id, day, n FROM rep_day_counts').all() as {
    rep_id: string;
    day: number;
    n: number;
  }[];
  return Object.fromEntries(rows.map((row) => [`${row.rep_id}@${row.day}`, row.n]));
}

/** Assignments to a rep per Beijing day, recounted from the assignment history. */
function recountDayCounts(db: Database): Record<string, number> {
  const rows = db.prepare('SELECT rep_id, at FROM assignments WHERE rep_id IS NOT NULL').all() as {
    rep_id: string;
    at: number;
  }[];
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const key = `${row.rep_id}@${localDayNumber(row.at, 480)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('rep open loads and daily counts kept in code', () => {
  const tempDir = useTempDir();
  let t: TestService;

  beforeEach(async () => {
    t = createTestService(tempDir(), beijing(23, 10));
    await t.client.call('sla.savePolicy', { policy: plainPolicy() });
  });
  afterEach(() => t.close());

  function expectCountsRight(): void {
    expect(storedOpenLoads(t.service.db)).toEqual(recountOpenLoads(t.service.db));
    expect(storedDayCounts(t.service.db)).toEqual(recountDayCounts(t.service.db));
  }

  it('has no trigger left on leads or assignments but the append-only guard and the kept days dropped', () => {
    const triggers = t.service.db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('leads', 'assignments')",
      )
      .all() as { name: string; sql: string }[];
    expect(triggers.map((trigger) => trigger.name).sort()).toEqual([
      'assignments_no_delete',
      'assignments_no_update',
      'leads_arrival_days_delete',
      'leads_arrival_days_update',
    ]);
    // The Dashboard's kept days (migrations 0026, 0027) are only dropped: no trigger writes a business fact.
    for (const { name, sql } of triggers.filter((trigger) => trigger.name.startsWith('leads_')))
      expect(sql.slice(sql.indexOf('BEGIN')), name).toMatch(
        /^BEGIN(\s+DELETE FROM arrival_days WHERE [^;]+;)+\s+END$/,
      );
  });

  it('stays right through create, move, won, lost, nurture, reassign, claim, stale recycle and SLA recycle', async () => {
    const [wang, li] = [await addRep(t, '王芳'), await addRep(t, '李强')];
    const created = await t.client.call('leads.create', { name: '自动分配', company: '甲公司' });
    expectCountsRight();
    const leads = [];
    for (const name of ['陈静', '周杰', '赵敏', '孙丽', '吴磊', '郑爽']) leads.push(await addLead(t, name));
    const [a, b, c, d, e, f] = leads as [string, string, string, string, string, string];
    for (const id of [a, b, c, d]) assignLead(t, id, wang);
    assignLead(t, e, li);
    expectCountsRight();
    expect(storedOpenLoads(t.service.db)[wang]).toBeGreaterThanOrEqual(4);

    await t.client.call('funnel.move', { id: a, stage: 'sql' });
    await t.client.call('funnel.move', { id: b, stage: 'won', wonAmountYuan: 1000 });
    await t.client.call('funnel.move', { id: c, stage: 'lost', lostReason: '价格太高' });
    await t.client.call('funnel.move', { id: d, stage: 'nurture', wakeOn: '2026-12-01' });
    expectCountsRight();
    await t.client.call('funnel.move', { id: d, stage: 'mql' });
    await t.client.call('funnel.move', { id: b, stage: 'opportunity' });
    expectCountsRight();

    await t.client.call('distribution.reassign', { leadIds: [a, e], toRepId: li, reason: '调整' });
    await t.client.call('distribution.reassign', { leadIds: [created.id], toRepId: null, reason: '回公海' });
    expectCountsRight();

    await repClient(t, wang).call('pool.claim', { leadId: f });
    await t.client.call('leads.update', { id: f, patch: { stage: 'mql' } });
    expectCountsRight();

    t.clock.now += 30 * 24 * 60 * minutes(1);
    await t.client.call('stale.recycle', { leadIds: [f] });
    expectCountsRight();
    t.clock.now = beijing(25, 11);
    await t.client.call('sla.runDue', {});
    expectCountsRight();
    expect(storedOpenLoads(t.service.db)).toEqual(recountOpenLoads(t.service.db));
  });
});
