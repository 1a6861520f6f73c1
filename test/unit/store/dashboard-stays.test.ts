// The funnel's days per stage read by each move's kept lead creation time (migration 0022) equal the query it
// replaced (the period's leads joined to their moves), after moves out of order, merges, deletes, history leads,
// and with every filter; the kept time equals the lead's after writes through the repositories, raw rows and the
// migration's backfill.
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_STAGES, type FunnelStage } from '../../../core/domain/funnel';
import { asLeadId, asRepId } from '../../../core/domain/ids';
import type { RepTier } from '../../../core/domain/rep';
import type { KpiFilter } from '../../../core/store/dashboard-kpi';
import { sumStageStays } from '../../../core/store/dashboard-stays';
import { refreshAllKpiFacts } from '../../../core/store/kpi-facts';
import { markLeadMerged, moveFollowUps } from '../../../core/store/lead-merges';
import { insertLead } from '../../../core/store/leads';
import { updateToSchemaVersion22 } from '../../../core/store/migrations/0022-stage-stays-cohort';
import { openDatabase } from '../../../core/store/open-database';
import { insertRep } from '../../../core/store/reps';
import { appendStageChange } from '../../../core/store/stage-history';
import { sampleLead, sampleRep } from '../../helpers/sample-data';
import { useTempDir } from '../../helpers/temp-dir';
import { openDatabaseBefore } from '../../helpers/database-before';

const LEADS = ['l0', 'l1', 'l2', 'l3', 'l4', 'l5'];
const REPS: readonly [string, RepTier][] = [
  ['r0', 'senior'],
  ['r1', 'mid'],
  ['r2', 'mid'],
];
const SOURCES = ['官网', '展会'];
const noKeys = { phoneKey: null, emailKey: null, companyKey: null, companyNameKey: null };
const noMeta = { importBatchId: null, scoreModelVersion: null, scoredAt: null };

/** The query sumStageStays ran before migration 0022, written out: each period lead of the filter, then its moves. */
const JOINED_STAYS = `SELECT h.from_stage AS stage, count(*) AS count,
    sum(h.at - coalesce(h.prev_at, c.created_at)) AS totalMs
  FROM (SELECT leads.id, leads.created_at FROM leads
    WHERE leads.deleted_at IS NULL AND leads.is_history = 0
      AND (@rep IS NULL OR leads.owner_id = @rep)
      AND (@tier IS NULL OR leads.owner_id IN (SELECT reps.id FROM reps WHERE reps.tier = @tier))
      AND (@source IS NULL OR leads.source = @source)
      AND leads.created_at >= @from AND leads.created_at < @to) AS c
  CROSS JOIN stage_history AS h WHERE h.lead_id = c.id
  GROUP BY h.from_stage ORDER BY h.from_stage`;

function joinedStays(db: Database, from: number, to: number, filter: KpiFilter): unknown[] {
  return db.prepare(JOINED_STAYS).all({
    rep: filter.repId ?? null,
    tier: filter.tier ?? null,
    source: filter.source ?? null,
    from,
    to,
  });
}

const KEPT_CREATED = `SELECT h.id, h.lead_created_at AS kept, l.created_at AS lead FROM stage_history h
  JOIN leads l ON l.id = h.lead_id ORDER BY h.id`;

function expectKeptCreationTimes(db: Database): void {
  const rows = db.prepare(KEPT_CREATED).all() as { id: string; kept: number | null; lead: number }[];
  expect(rows.map((row) => [row.id, row.kept])).toEqual(rows.map((row) => [row.id, row.lead]));
}

const lead = fc.constantFrom(...LEADS);
const at = fc.integer({ min: 0, max: 300 });
const write = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      lead,
      from: fc.constantFrom<FunnelStage>(...BUILT_IN_STAGES, 'c_demo1'),
      to: fc.constantFrom<FunnelStage>(...BUILT_IN_STAGES, 'c_demo1'),
      at,
    }),
    weight: 6,
  },
  fc.record({ kind: fc.constant('merge' as const), from: lead, to: lead, at }),
  fc.record({ kind: fc.constant('delete' as const), lead, at }),
);
const leadShape = fc.record({
  createdAt: fc.integer({ min: 0, max: 200 }),
  owner: fc.option(fc.constantFrom(...REPS.map(([id]) => id))),
  source: fc.constantFrom(...SOURCES),
  isHistory: fc.boolean(),
});
const filter = fc.record(
  {
    repId: fc.constantFrom('r0', 'r1', 'r9'),
    tier: fc.constantFrom('senior', 'mid'),
    source: fc.constantFrom(...SOURCES),
  },
  { requiredKeys: [] },
);
const period = fc
  .tuple(fc.integer({ min: -10, max: 210 }), fc.integer({ min: 0, max: 220 }))
  .map(([from, length]) => ({ from, to: from + length, utcOffsetMinutes: 480 }));

describe('the funnel’s days per stage', () => {
  const tempDir = useTempDir();
  let db: Database;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'stays.sqlite'));
    for (const [id, tier] of REPS) insertRep(db, sampleRep({ id: asRepId(id), tier }), 1);
  });
  afterEach(() => db.close());

  it('equal the period leads joined to their moves, after any moves, merges and deletes, for any filter', () => {
    fc.assert(
      fc.property(
        fc.array(leadShape, { minLength: LEADS.length, maxLength: LEADS.length }),
        fc.array(write, { maxLength: 30 }),
        fc.array(fc.tuple(period, filter), { minLength: 1, maxLength: 6 }),
        (shapes, writes, questions) => {
          db.exec('SAVEPOINT run');
          try {
            shapes.forEach((shape, i) =>
              insertLead(
                db,
                sampleLead({
                  id: asLeadId(LEADS[i] ?? 'l0'),
                  stage: 'raw',
                  createdAt: shape.createdAt,
                  updatedAt: shape.createdAt,
                  ownerId: shape.owner === null ? null : asRepId(shape.owner),
                  source: shape.source,
                  isHistory: shape.isHistory,
                }),
                noKeys,
                noMeta,
              ),
            );
            writes.forEach((w, n) => {
              const id = `w${String(n).padStart(3, '0')}`;
              if (w.kind === 'move')
                appendStageChange(db, {
                  id,
                  leadId: w.lead,
                  from: w.from,
                  to: w.to,
                  actor: 't',
                  note: null,
                  at: w.at,
                });
              else if (w.kind === 'merge' && w.from !== w.to) {
                moveFollowUps(db, w.from, w.to);
                markLeadMerged(db, w.from, w.at);
              } else if (w.kind === 'delete')
                db.prepare('UPDATE leads SET deleted_at = ? WHERE id = ?').run(w.at, w.lead);
            });
            expectKeptCreationTimes(db);
            for (const [p, f] of [...questions, [{ from: 0, to: 1_000, utcOffsetMinutes: 0 }, {}] as const])
              expect(sumStageStays(db, p, f)).toEqual(joinedStays(db, p.from, p.to, f));
          } finally {
            db.exec('ROLLBACK TO run; RELEASE run');
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leave out deleted and history leads and count a lead’s out-of-order moves from the move before', () => {
    for (const [id, createdAt, isHistory] of [
      ['l0', 100, false],
      ['l1', 150, false],
      ['l2', 120, true],
    ] as const)
      insertLead(db, sampleLead({ id: asLeadId(id), stage: 'raw', createdAt, isHistory }), noKeys, noMeta);
    const move = { actor: 't', note: null } as const;
    appendStageChange(db, { ...move, id: 'h1', leadId: 'l0', from: 'mql', to: 'sql', at: 400 });
    appendStageChange(db, { ...move, id: 'h2', leadId: 'l0', from: 'raw', to: 'mql', at: 250 });
    appendStageChange(db, { ...move, id: 'h3', leadId: 'l1', from: 'raw', to: 'mql', at: 170 });
    appendStageChange(db, { ...move, id: 'h4', leadId: 'l2', from: 'raw', to: 'mql', at: 130 });
    markLeadMerged(db, 'l1', 500);
    // l0: raw 100 → 250 (150 ms), mql 250 → 400 (150 ms); l1 merged away, l2 history.
    expect(sumStageStays(db, { from: 0, to: 1_000, utcOffsetMinutes: 0 }, {})).toEqual([
      { stage: 'mql', count: 1, totalMs: 150 },
      { stage: 'raw', count: 1, totalMs: 150 },
    ]);
    expect(sumStageStays(db, { from: 101, to: 1_000, utcOffsetMinutes: 0 }, {})).toEqual([]);
  });

  it('find raw moves written around the repositories once the kept facts are refreshed', () => {
    insertLead(db, sampleLead({ id: asLeadId('l0'), stage: 'raw', createdAt: 100 }), noKeys, noMeta);
    db.exec(`INSERT INTO stage_history (id, lead_id, from_stage, to_stage, actor, at)
      VALUES ('h1', 'l0', 'raw', 'mql', 't', 130), ('h2', 'l0', 'mql', 'won', 't', 190)`);
    expect(db.prepare('SELECT count(*) FROM stage_history WHERE lead_created_at IS NULL').pluck().get()).toBe(
      2,
    );
    refreshAllKpiFacts(db);
    expectKeptCreationTimes(db);
    expect(sumStageStays(db, { from: 0, to: 1_000, utcOffsetMinutes: 0 }, {})).toEqual([
      { stage: 'mql', count: 1, totalMs: 60 },
      { stage: 'raw', count: 1, totalMs: 30 },
    ]);
  });
});

describe('migration 0022', () => {
  const tempDir = useTempDir();

  it('gives every stored move its lead’s creation time, and the stays read by it equal the joined ones', () => {
    const path = join(tempDir(), 'before.sqlite');
    const old = openDatabaseBefore(path, updateToSchemaVersion22);
    old.exec(`
      INSERT INTO leads (id, name, stage, created_at, updated_at, is_history, deleted_at) VALUES
        ('l1', 'a', 'won', 5, 5, 0, NULL), ('l2', 'b', 'sql', 8, 8, 0, NULL), ('l3', 'c', 'sql', 6, 6, 1, NULL),
        ('l4', 'd', 'sql', 7, 7, 0, 50);
      INSERT INTO stage_history (id, lead_id, from_stage, to_stage, actor, at, prev_at) VALUES
        ('h1', 'l1', 'raw', 'sql', 't', 10, NULL), ('h2', 'l1', 'sql', 'won', 't', 19, 10),
        ('h3', 'l2', 'raw', 'sql', 't', 12, NULL), ('h4', 'l3', 'raw', 'sql', 't', 9, NULL),
        ('h5', 'l4', 'raw', 'sql', 't', 9, NULL);
    `);
    old.close();
    const db = openDatabase(path);
    try {
      expect(db.prepare('SELECT id, lead_created_at FROM stage_history ORDER BY id').all()).toEqual([
        { id: 'h1', lead_created_at: 5 },
        { id: 'h2', lead_created_at: 5 },
        { id: 'h3', lead_created_at: 8 },
        { id: 'h4', lead_created_at: 6 },
        { id: 'h5', lead_created_at: 7 },
      ]);
      const joined = joinedStays(db, 0, 100, {});
      expect(joined).toEqual([
        { stage: 'raw', count: 2, totalMs: 9 },
        { stage: 'sql', count: 1, totalMs: 9 },
      ]);
      expect(sumStageStays(db, { from: 0, to: 100, utcOffsetMinutes: 0 }, {})).toEqual(joined);
    } finally {
      db.close();
    }
  });
});
