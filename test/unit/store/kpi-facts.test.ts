// The Dashboard's kept facts (migrations 0016, 0018, 0024) equal a fresh computation from the raw tables after any
// sequence of writes through the repositories: follow-ups, stage moves, recycles, reassignments (in and out of time
// order), merges, deletes and regrades.
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_STAGES, type FunnelStage } from '../../../core/domain/funnel';
import { asLeadId, asRepId } from '../../../core/domain/ids';
import { appendAssignment } from '../../../core/store/assignments';
import { insertFollowUp } from '../../../core/store/follow-ups';
import { refreshAllKpiFacts } from '../../../core/store/kpi-facts';
import { markLeadMerged, moveFollowUps } from '../../../core/store/lead-merges';
import { insertLead } from '../../../core/store/leads';
import { updateToSchemaVersion18 } from '../../../core/store/migrations/0018-stage-stays';
import { updateToSchemaVersion24 } from '../../../core/store/migrations/0024-pair-repeats';
import { openDatabase } from '../../../core/store/open-database';
import { insertRecycle } from '../../../core/store/pool-claims';
import { insertRep } from '../../../core/store/reps';
import { appendStageChange } from '../../../core/store/stage-history';
import { sampleLead, sampleRep } from '../../helpers/sample-data';
import { useTempDir } from '../../helpers/temp-dir';
import { openDatabaseBefore } from '../../helpers/database-before';

const LEADS = ['l0', 'l1', 'l2', 'l3', 'l4'];
const REPS = ['r0', 'r1', 'r2'];
const GRADES = ['A', 'B', 'C', 'D', null] as const;
const noKeys = { phoneKey: null, emailKey: null, companyKey: null, companyNameKey: null };
const noMeta = { importBatchId: null, scoreModelVersion: null, scoredAt: null };

const lead = fc.constantFrom(...LEADS);
const rep = fc.constantFrom(...REPS);
const at = fc.integer({ min: 0, max: 50 });
const write = fc.oneof(
  fc.record({ kind: fc.constant('followUp' as const), lead, rep: fc.option(rep), at }),
  fc.record({
    kind: fc.constant('stage' as const),
    lead,
    to: fc.constantFrom<FunnelStage>(...BUILT_IN_STAGES, 'c_demo1'),
    at,
  }),
  fc.record({ kind: fc.constant('recycle' as const), lead, rep, at }),
  fc.record({
    kind: fc.constant('assign' as const),
    lead,
    rep: fc.option(rep),
    at,
    explanation: fc.oneof(
      fc.constant({}),
      fc.constant([]),
      fc.record({ grade: fc.constantFrom(...GRADES) }),
      fc.record({ rule: fc.constant('round-robin') }),
    ),
  }),
  fc.record({ kind: fc.constant('merge' as const), from: lead, to: lead, at }),
  fc.record({ kind: fc.constant('delete' as const), lead, at }),
  fc.record({ kind: fc.constant('regrade' as const), lead, grade: fc.constantFrom(...GRADES) }),
);
type Write = typeof write extends fc.Arbitrary<infer W> ? W : never;

/** What each kept column should hold, computed from the raw tables as the Dashboard once did per load. */
const FRESH_LEADS = `SELECT id,
    EXISTS (SELECT 1 FROM follow_ups f WHERE f.lead_id = leads.id) AS has_follow_up,
    EXISTS (SELECT 1 FROM lead_recycles r WHERE r.lead_id = leads.id) AS is_recycled,
    coalesce((SELECT max(CASE h.to_stage WHEN 'won' THEN 4 WHEN 'opportunity' THEN 3 WHEN 'sql' THEN 2
      WHEN 'mql' THEN 1 ELSE 0 END) FROM stage_history h WHERE h.lead_id = leads.id), 0) AS history_rank
  FROM leads ORDER BY id`;
const KEPT_LEADS = 'SELECT id, has_follow_up, is_recycled, history_rank FROM leads ORDER BY id';
const FRESH_ASSIGNMENTS = `SELECT id, (SELECT min(f.at) FROM follow_ups f WHERE f.lead_id = assignments.lead_id
    AND f.rep_id = assignments.rep_id AND f.at >= assignments.at) AS first_contact_at FROM assignments ORDER BY id`;
const KEPT_ASSIGNMENTS = 'SELECT id, first_contact_at FROM assignments ORDER BY id';
const FRESH_MOVES = `SELECT id, lag(at) OVER (PARTITION BY lead_id ORDER BY at, id) AS prev_at
  FROM stage_history ORDER BY id`;
const KEPT_MOVES = 'SELECT id, prev_at FROM stage_history ORDER BY id';
/** Each hand-over's previous one of the same lead to the same rep, by time then insertion; none without a rep. */
const FRESH_PAIRS = `SELECT id, CASE WHEN rep_id IS NULL THEN NULL
    ELSE lag(at) OVER (PARTITION BY lead_id, rep_id ORDER BY at, rowid) END AS prev_pair_at
  FROM assignments ORDER BY id`;
const KEPT_PAIRS = 'SELECT id, prev_pair_at FROM assignments ORDER BY id';

describe('the Dashboard’s kept per-lead and per-hand-over facts', () => {
  const tempDir = useTempDir();
  let db: Database;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'facts.sqlite'));
    for (const id of REPS) insertRep(db, sampleRep({ id: asRepId(id) }), 1);
    for (const [i, id] of LEADS.entries())
      insertLead(
        db,
        sampleLead({ id: asLeadId(id), grade: GRADES[i] ?? null, stage: 'raw' }),
        noKeys,
        noMeta,
      );
  });
  afterEach(() => db.close());

  /** Applies one write through the repositories; returns the grade an assignment should keep, if it was one. */
  function apply(w: Write, n: number): [string, string | null] | undefined {
    const id = `w${String(n).padStart(3, '0')}`;
    switch (w.kind) {
      case 'followUp':
        insertFollowUp(db, {
          id,
          leadId: w.lead,
          repId: w.rep,
          channel: 'call',
          said: '聊了',
          reaction: null,
          nextStep: null,
          nextAt: null,
          at: w.at,
        });
        return undefined;
      case 'stage':
        appendStageChange(db, {
          id,
          leadId: w.lead,
          from: 'raw',
          to: w.to,
          actor: 't',
          note: null,
          at: w.at,
        });
        return undefined;
      case 'recycle':
        insertRecycle(db, { id, leadId: w.lead, fromRepId: w.rep, reason: 'sla', at: w.at });
        return undefined;
      case 'assign': {
        const recorded = w.explanation as { grade?: string | null };
        const expected =
          !Array.isArray(w.explanation) && recorded.grade !== undefined
            ? recorded.grade
            : (db.prepare('SELECT grade FROM leads WHERE id = ?').pluck().get(w.lead) as string | null);
        appendAssignment(db, {
          id,
          leadId: w.lead,
          repId: w.rep,
          kind: 'manual',
          ruleId: null,
          reason: '',
          explanation: w.explanation,
          actor: 't',
          at: w.at,
        });
        return [id, expected];
      }
      case 'merge':
        if (w.from === w.to) return undefined;
        moveFollowUps(db, w.from, w.to);
        markLeadMerged(db, w.from, w.at);
        return undefined;
      case 'delete':
        db.prepare('UPDATE leads SET deleted_at = ? WHERE id = ?').run(w.at, w.lead);
        return undefined;
      case 'regrade':
        db.prepare('UPDATE leads SET grade = ? WHERE id = ?').run(w.grade, w.lead);
        return undefined;
    }
  }

  it('equal a fresh computation from follow_ups, stage_history, lead_recycles after any writes', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 40 }), (writes) => {
        db.exec('SAVEPOINT run');
        try {
          const gradeThen = new Map<string, string | null>();
          writes.forEach((w, n) => {
            const kept = apply(w, n);
            if (kept) gradeThen.set(kept[0], kept[1]);
          });
          expect(db.prepare(KEPT_LEADS).all()).toEqual(db.prepare(FRESH_LEADS).all());
          expect(db.prepare(KEPT_ASSIGNMENTS).all()).toEqual(db.prepare(FRESH_ASSIGNMENTS).all());
          expect(db.prepare(KEPT_MOVES).all()).toEqual(db.prepare(FRESH_MOVES).all());
          expect(db.prepare(KEPT_PAIRS).all()).toEqual(db.prepare(FRESH_PAIRS).all());
          const kept = db.prepare('SELECT id, grade_then FROM assignments').all() as {
            id: string;
            grade_then: string | null;
          }[];
          expect(new Map(kept.map((row) => [row.id, row.grade_then]))).toEqual(gradeThen);
        } finally {
          db.exec('ROLLBACK TO run; RELEASE run');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('are recomputed from raw rows written around the repositories', () => {
    db.exec(`
      INSERT INTO follow_ups (id, lead_id, rep_id, channel, said, at) VALUES ('f1', 'l1', 'r1', 'call', 'x', 20);
      INSERT INTO stage_history (id, lead_id, from_stage, to_stage, actor, at) VALUES ('h1', 'l2', 'raw', 'sql', 't', 5),
        ('h2', 'l2', 'sql', 'opportunity', 't', 3);
      INSERT INTO lead_recycles (id, lead_id, from_rep_id, reason, at) VALUES ('c1', 'l3', 'r1', 'sla', 9);
      INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at) VALUES ('a1', 'l1', 'r1', 'auto', 't', 10),
        ('a2', 'l1', 'r1', 'manual', 't', 4), ('a3', 'l1', NULL, 'recycle', 't', 12);
    `);
    expect(db.prepare(KEPT_LEADS).all()).not.toEqual(db.prepare(FRESH_LEADS).all());
    refreshAllKpiFacts(db);
    expect(db.prepare(KEPT_LEADS).all()).toEqual(db.prepare(FRESH_LEADS).all());
    expect(db.prepare(KEPT_ASSIGNMENTS).all()).toEqual([
      { id: 'a1', first_contact_at: 20 },
      { id: 'a2', first_contact_at: 20 },
      { id: 'a3', first_contact_at: null },
    ]);
    expect(db.prepare(KEPT_PAIRS).all()).toEqual([
      { id: 'a1', prev_pair_at: 4 },
      { id: 'a2', prev_pair_at: null },
      { id: 'a3', prev_pair_at: null },
    ]);
    expect(db.prepare(KEPT_MOVES).all()).toEqual([
      { id: 'h1', prev_at: 3 },
      { id: 'h2', prev_at: null },
    ]);
    expect(db.prepare("SELECT grade_then FROM assignments WHERE id = 'a1'").pluck().get()).toBe('B');
  });

  it('keeps an assignment’s own columns append-only while its first contact is kept', () => {
    appendAssignment(db, {
      id: 'a1',
      leadId: 'l0',
      repId: 'r0',
      kind: 'manual',
      ruleId: null,
      reason: '',
      explanation: { grade: 'C' },
      actor: 't',
      at: 10,
    });
    expect(() => db.exec("UPDATE assignments SET rep_id = 'r1' WHERE id = 'a1'")).toThrow(/append-only/);
    insertFollowUp(db, {
      id: 'f1',
      leadId: 'l0',
      repId: 'r0',
      channel: 'call',
      said: 'x',
      reaction: null,
      nextStep: null,
      nextAt: null,
      at: 12,
    });
    expect(db.prepare("SELECT grade_then, first_contact_at FROM assignments WHERE id = 'a1'").get()).toEqual({
      grade_then: 'C',
      first_contact_at: 12,
    });
  });

  it('keeps a stage move’s own columns append-only while the move before it is kept', () => {
    const move = { leadId: 'l0', from: 'raw', actor: 't', note: null } as const;
    appendStageChange(db, { ...move, id: 'h1', to: 'sql', at: 10 });
    appendStageChange(db, { ...move, id: 'h2', to: 'won', at: 4 });
    expect(() => db.exec("UPDATE stage_history SET to_stage = 'lost' WHERE id = 'h1'")).toThrow(
      /append-only/,
    );
    expect(db.prepare(KEPT_MOVES).all()).toEqual([
      { id: 'h1', prev_at: 4 },
      { id: 'h2', prev_at: null },
    ]);
  });
});

describe('migration 0018', () => {
  const tempDir = useTempDir();

  it('gives every stored move the time of the move before it, a lead’s first none', () => {
    const path = join(tempDir(), 'before.sqlite');
    const old = openDatabaseBefore(path, updateToSchemaVersion18);
    old.exec(`
      INSERT INTO leads (id, name, stage, created_at, updated_at) VALUES ('l1', 'a', 'won', 0, 0), ('l2', 'b', 'sql', 0, 0);
      INSERT INTO stage_history (id, lead_id, from_stage, to_stage, actor, at) VALUES
        ('h1', 'l1', 'raw', 'sql', 't', 5), ('h2', 'l1', 'sql', 'won', 't', 9), ('h3', 'l1', 'sql', 'won', 't', 9),
        ('h4', 'l2', 'raw', 'sql', 't', 7);
    `);
    old.close();
    const db = openDatabase(path);
    expect(db.prepare(KEPT_MOVES).all()).toEqual([
      { id: 'h1', prev_at: null },
      { id: 'h2', prev_at: 5 },
      { id: 'h3', prev_at: 9 },
      { id: 'h4', prev_at: null },
    ]);
    db.close();
  });
});

describe('migration 0024', () => {
  const tempDir = useTempDir();

  it('gives every stored hand-over the time of the same rep’s hand-over of the lead before it', () => {
    const path = join(tempDir(), 'before.sqlite');
    const old = openDatabaseBefore(path, updateToSchemaVersion24);
    old.exec(`
      INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES ('r1', 'a', 'mid', '2025-01-01', 0, 0),
        ('r2', 'b', 'mid', '2025-01-01', 0, 0);
      INSERT INTO leads (id, name, stage, created_at, updated_at) VALUES ('l1', 'a', 'raw', 0, 0), ('l2', 'b', 'raw', 0, 0);
      INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at) VALUES ('a1', 'l1', 'r1', 'auto', 't', 9),
        ('a2', 'l1', 'r1', 'manual', 't', 5), ('a3', 'l1', 'r2', 'manual', 't', 7), ('a4', 'l1', 'r1', 'claim', 't', 9),
        ('a5', 'l1', NULL, 'recycle', 't', 8), ('a6', 'l2', 'r1', 'auto', 't', 6);
    `);
    old.close();
    const db = openDatabase(path);
    expect(db.prepare(KEPT_PAIRS).all()).toEqual([
      { id: 'a1', prev_pair_at: 5 },
      { id: 'a2', prev_pair_at: null },
      { id: 'a3', prev_pair_at: null },
      { id: 'a4', prev_pair_at: 9 },
      { id: 'a5', prev_pair_at: null },
      { id: 'a6', prev_pair_at: null },
    ]);
    db.close();
  });
});
