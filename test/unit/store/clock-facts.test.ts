// The clock inputs kept on leads (core/store/clock-facts.ts, migration 0021) after any writes through the
// repositories, out of order and tied included, equal a recount from the raw tables, and the overdue count read from
// them equals the count worked out lead by lead from the raw tables; the migration and the refresh for raw rows
// give the same inputs.
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlaGradeKey } from '../../../core/domain/sla/sla-policy';
import { asLeadId, asRepId } from '../../../core/domain/ids';
import { appendAssignment } from '../../../core/store/assignments';
import { insertFollowUp } from '../../../core/store/follow-ups';
import { refreshAllKpiFacts } from '../../../core/store/kpi-facts';
import { markLeadMerged, moveFollowUps } from '../../../core/store/lead-merges';
import { insertLead } from '../../../core/store/leads';
import { updateToSchemaVersion21 } from '../../../core/store/migrations/0021-now-clock-facts';
import { countOverdueClocks, listOverdueLeadIds, type StartThresholds } from '../../../core/store/now-counts';
import { openDatabase } from '../../../core/store/open-database';
import { insertRep } from '../../../core/store/reps';
import { sampleLead, sampleRep } from '../../helpers/sample-data';
import { useTempDir } from '../../helpers/temp-dir';
import { openDatabaseBefore } from '../../helpers/database-before';
import { wrongKeptLeads } from '../../helpers/kept-clock-inputs';

const LEADS = ['l0', 'l1', 'l2', 'l3', 'l4', 'l5'];
const REPS = ['r0', 'r1', 'r2'];
const GRADES = ['A', 'B', 'C', 'D', null, 'B'] as const;
const noKeys = { phoneKey: null, emailKey: null, companyKey: null, companyNameKey: null };
const noMeta = { importBatchId: null, scoreModelVersion: null, scoredAt: null };

const lead = fc.constantFrom(...LEADS);
const rep = fc.constantFrom(...REPS);
const at = fc.integer({ min: 0, max: 30 });
const write = fc.oneof(
  fc.record({ kind: fc.constant('followUp' as const), lead, rep: fc.option(rep), at }),
  fc.record({ kind: fc.constant('assign' as const), lead, rep: fc.option(rep), at }),
  fc.record({ kind: fc.constant('owner' as const), lead, rep: fc.option(rep) }),
  fc.record({
    kind: fc.constant('stage' as const),
    lead,
    stage: fc.constantFrom('raw', 'sql', 'won', 'nurture'),
  }),
  fc.record({ kind: fc.constant('merge' as const), from: lead, to: lead, at }),
);
type Write = typeof write extends fc.Arbitrary<infer W> ? W : never;
const threshold = fc.option(fc.integer({ min: -1, max: 31 }));
const thresholds = fc.record({ A: threshold, B: threshold, C: threshold, D: threshold, ungraded: threshold });

/** The overdue clocks worked out lead by lead from the raw tables (no activities here). */
function recountOverdue(db: Database, first: StartThresholds, gap: StartThresholds) {
  const leads = db
    .prepare(
      `SELECT id, owner_id, grade FROM leads WHERE owner_id IS NOT NULL AND is_history = 0
         AND deleted_at IS NULL AND stage NOT IN ('won', 'lost', 'nurture')`,
    )
    .all() as { id: string; owner_id: string; grade: string | null }[];
  let firstContact = 0;
  let followUp = 0;
  for (const row of leads) {
    const assigned = db
      .prepare('SELECT max(at) FROM assignments WHERE lead_id = ? AND rep_id = ?')
      .pluck()
      .get(row.id, row.owner_id) as number | null;
    const contact = db.prepare('SELECT max(at) FROM follow_ups WHERE lead_id = ?').pluck().get(row.id) as
      number | null;
    const grade: SlaGradeKey = ['A', 'B', 'C', 'D'].includes(row.grade ?? '')
      ? (row.grade as SlaGradeKey)
      : 'ungraded';
    if (assigned === null) continue;
    if (contact === null || contact < assigned) {
      const due = first[grade];
      if (due !== null && assigned <= due) firstContact += 1;
    } else {
      const due = gap[grade];
      if (due !== null && contact <= due) followUp += 1;
    }
  }
  return { firstContact, followUp };
}

describe('the clock inputs kept on leads', () => {
  const tempDir = useTempDir();
  let db: Database;
  beforeEach(() => {
    db = openDatabase(join(tempDir(), 'clock.sqlite'));
    for (const id of REPS) insertRep(db, sampleRep({ id: asRepId(id) }), 1);
    for (const [i, id] of LEADS.entries())
      insertLead(
        db,
        sampleLead({ id: asLeadId(id), grade: GRADES[i] ?? null, stage: 'raw', ownerId: null }),
        noKeys,
        noMeta,
      );
  });
  afterEach(() => db.close());

  function apply(w: Write, n: number): void {
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
        return;
      case 'assign':
        appendAssignment(db, {
          id,
          leadId: w.lead,
          repId: w.rep,
          kind: 'manual',
          ruleId: null,
          reason: '',
          explanation: {},
          actor: 't',
          at: w.at,
        });
        db.prepare('UPDATE leads SET owner_id = ? WHERE id = ?').run(w.rep, w.lead);
        return;
      case 'owner':
        // An owner changed with no assignment row (an undone import's restored lead, a raw seed).
        db.prepare('UPDATE leads SET owner_id = ? WHERE id = ?').run(w.rep, w.lead);
        return;
      case 'stage':
        db.prepare('UPDATE leads SET stage = ? WHERE id = ?').run(w.stage, w.lead);
        return;
      case 'merge':
        if (w.from === w.to) return;
        moveFollowUps(db, w.from, w.to);
        markLeadMerged(db, w.from, w.at);
        return;
    }
  }

  it('equal a recount after any writes, and the overdue count equals the one worked out lead by lead', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 40 }), thresholds, thresholds, (writes, first, gap) => {
        db.exec('SAVEPOINT run');
        try {
          writes.forEach((w, n) => apply(w, n));
          expect(wrongKeptLeads(db)).toEqual([]);
          const counted = countOverdueClocks(db, { firstContact: first, followUp: gap }, 100, {});
          expect(counted).toEqual(recountOverdue(db, first, gap));
          const listed = (clock: 'first_contact' | 'follow_up') =>
            listOverdueLeadIds(db, { firstContact: first, followUp: gap }, 100, {}, clock).length;
          expect({ firstContact: listed('first_contact'), followUp: listed('follow_up') }).toEqual(counted);
        } finally {
          db.exec('ROLLBACK TO run; RELEASE run');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('are recounted from raw rows written around the repositories', () => {
    db.exec(`
      INSERT INTO follow_ups (id, lead_id, rep_id, channel, said, at) VALUES ('f1', 'l1', 'r1', 'call', 'x', 20),
        ('f2', 'l1', NULL, 'call', 'x', 12);
      INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at) VALUES ('a1', 'l1', 'r1', 'auto', 't', 10),
        ('a2', 'l1', 'r2', 'auto', 't', 4), ('a3', 'l2', NULL, 'recycle', 't', 7);
    `);
    expect(wrongKeptLeads(db)).toEqual(['l1', 'l2']);
    refreshAllKpiFacts(db);
    expect(wrongKeptLeads(db)).toEqual([]);
  });
});

describe('migration 0021', () => {
  const tempDir = useTempDir();

  it('backfills each lead’s latest follow-up and hand-over, and derives its clock', () => {
    const path = join(tempDir(), 'before.sqlite');
    const old = openDatabaseBefore(path, updateToSchemaVersion21);
    old.exec(`
      INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES
        ('r1', '王芳', 'mid', '2025-01-01', 0, 0), ('r2', '李强', 'mid', '2025-01-01', 0, 0);
      INSERT INTO leads (id, name, stage, owner_id, grade, created_at, updated_at) VALUES
        ('l1', 'a', 'raw', 'r1', 'A', 0, 0), ('l2', 'b', 'sql', 'r2', NULL, 0, 0), ('l3', 'c', 'mql', 'r1', NULL, 0, 0),
        ('l4', 'd', 'raw', NULL, 'B', 0, 0);
      INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at) VALUES ('a1', 'l1', 'r2', 'auto', 't', 3),
        ('a2', 'l1', 'r1', 'auto', 't', 9), ('a3', 'l2', 'r1', 'auto', 't', 5), ('a4', 'l3', 'r1', 'auto', 't', 6);
      INSERT INTO follow_ups (id, lead_id, rep_id, channel, said, at) VALUES ('f1', 'l1', 'r1', 'call', 'x', 8),
        ('f2', 'l3', 'r1', 'call', 'x', 7), ('f3', 'l3', 'r1', 'call', 'x', 11);
    `);
    old.close();
    const db = openDatabase(path);
    expect(
      db
        .prepare(
          `SELECT id, last_follow_up_at, last_assigned_at, last_assigned_rep, clock_kind, clock_start, grade
             FROM leads ORDER BY id`,
        )
        .all(),
    ).toEqual([
      // Contacted before its owner's latest hand-over: first contact from the hand-over.
      {
        id: 'l1',
        last_follow_up_at: 8,
        last_assigned_at: 9,
        last_assigned_rep: 'r1',
        clock_kind: 0,
        clock_start: 9,
        grade: 'A',
      },
      // Handed to someone else than its owner: looked up.
      {
        id: 'l2',
        last_follow_up_at: null,
        last_assigned_at: 5,
        last_assigned_rep: 'r1',
        clock_kind: 2,
        clock_start: 5,
        grade: null,
      },
      // Contacted since: the follow-up gap from the latest follow-up.
      {
        id: 'l3',
        last_follow_up_at: 11,
        last_assigned_at: 6,
        last_assigned_rep: 'r1',
        clock_kind: 1,
        clock_start: 11,
        grade: null,
      },
      {
        id: 'l4',
        last_follow_up_at: null,
        last_assigned_at: null,
        last_assigned_rep: null,
        clock_kind: 0,
        clock_start: null,
        grade: 'B',
      },
    ]);
    expect(wrongKeptLeads(db)).toEqual([]);
    db.close();
  });
});
