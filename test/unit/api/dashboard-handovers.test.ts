// The KPI row reads the period's hand-overs once (listHandOvers) for response time and balance: split in memory they
// give exactly listResponses' rows for every filter and the fairness countReceipts' counts give, on random
// workspaces with history and deleted leads, reassignments, every kind, a rep who left, hand-overs around the edges;
// each hand-over at the grade it was given at.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReceiptCounter, responseRowsOf } from '../../../core/api/dashboard/handovers';
import { readPeriodFairness } from '../../../core/api/distribution/fairness';
import {
  forEachHandOverSlice,
  listHandOvers,
  type HandOverRow,
} from '../../../core/store/dashboard-handovers';
import { listResponses, type KpiFilter, type ResponseRow } from '../../../core/store/dashboard-kpi';
import { openDatabase } from '../../../core/store/open-database';
import { useTempDir } from '../../helpers/temp-dir';

const HOUR = 3_600_000;
/** 2026-11-01 00:00 at UTC+8, the workspace's offset. */
const BASE = Date.UTC(2026, 9, 31, 16);
/** BASE's local day number (UTC+8): 2026-11-01. */
const BASE_DAY = (BASE + 8 * 3_600_000) / 86_400_000;
const PERIOD = { from: BASE + 10 * HOUR, to: BASE + 80 * HOUR, utcOffsetMinutes: 480 };
const REPS = ['rep_0', 'rep_1', 'rep_2', 'rep_3'];
const TIER_OF: Record<string, string> = { rep_0: 'senior', rep_1: 'mid', rep_2: 'senior', rep_3: 'junior' };
const FILTERS: KpiFilter[] = [
  {},
  { repId: 'rep_1' },
  { tier: 'senior' },
  { source: '官网' },
  { tier: 'mid', source: '展会' },
];

const leadArb = fc.record({
  grade: fc.constantFrom('A', 'B', 'C', 'D', null),
  source: fc.constantFrom('官网', '展会', null),
  deleted: fc.boolean(),
  history: fc.boolean(),
});
const handOverArb = fc.record({
  lead: fc.nat(11),
  rep: fc.constantFrom(...REPS, null),
  kind: fc.constantFrom('auto', 'import', 'demo', 'claim', 'manual', 'appeal', 'recycle'),
  gradeThen: fc.constantFrom('A', 'B', 'C', 'D', null),
  at: fc.integer({ min: 0, max: 90 * HOUR }),
  contactAfter: fc.option(fc.nat(20 * HOUR)),
});
const workspace = fc.record({
  leads: fc.array(leadArb, { minLength: 12, maxLength: 12 }),
  handOvers: fc.array(handOverArb, { maxLength: 60 }),
});

const sortKey = (r: ResponseRow) => `${r.leadId}|${r.repId}|${r.assignedAt}|${r.firstContactAt}|${r.grade}`;
const asResponse = (r: ResponseRow): ResponseRow => ({
  leadId: r.leadId,
  repId: r.repId,
  grade: r.grade,
  assignedAt: r.assignedAt,
  firstContactAt: r.firstContactAt,
});
const sorted = <T>(rows: readonly T[], key: (row: T) => string) =>
  [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function receiptTotalsOf(rows: readonly HandOverRow[], from: number, to: number, utcOffsetMinutes: number) {
  const counter = createReceiptCounter(from, to, utcOffsetMinutes);
  counter.add(rows);
  return counter.totals();
}

describe('the hand-overs read once for the KPI row', () => {
  const tempDir = useTempDir();

  it('split into listResponses’ rows for every filter and fairness equal to countReceipts’ (property)', () => {
    const db: Database = openDatabase(join(tempDir(), 'handovers.sqlite'));
    const rep = db.prepare(
      `INSERT INTO reps (id, name, tier, joined_on, is_active, created_at, updated_at)
       VALUES (?, ?, ?, '2025-01-01', ?, 0, 0)`,
    );
    // rep_3 has left: fairness counts an inactive rep until the last day they received a lead.
    for (const id of REPS) rep.run(id, id, TIER_OF[id], id === 'rep_3' ? 0 : 1);
    // Each run starts from no hand-overs: the append-only guard would refuse clearing them between runs.
    db.exec('DROP TRIGGER assignments_no_delete');
    const lead = db.prepare(
      `INSERT INTO leads (id, name, stage, grade, source, is_history, deleted_at, created_at, updated_at)
       VALUES (?, ?, 'mql', ?, ?, ?, ?, 0, 0)`,
    );
    const assignment = db.prepare(
      `INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at, grade_then, first_contact_at)
       VALUES (?, ?, ?, ?, 't', ?, ?, ?)`,
    );
    fc.assert(
      fc.property(workspace, ({ leads, handOvers }) => {
        db.exec('DELETE FROM assignments; DELETE FROM leads');
        leads.forEach((l, i) =>
          lead.run(
            `lead_${String(i).padStart(2, '0')}`,
            `客户${i}`,
            l.grade,
            l.source,
            l.history ? 1 : 0,
            l.deleted ? 1 : null,
          ),
        );
        handOvers.forEach((h, i) =>
          assignment.run(
            `asg_${i}`,
            `lead_${String(h.lead).padStart(2, '0')}`,
            h.rep,
            h.kind,
            BASE + h.at,
            h.gradeThen,
            h.contactAfter === null ? null : BASE + h.at + h.contactAfter,
          ),
        );
        const rows = listHandOvers(db, PERIOD);
        for (const filter of FILTERS) {
          const tier = filter.tier;
          const tierReps =
            tier === undefined ? undefined : new Set(REPS.filter((id) => TIER_OF[id] === tier));
          const read = listHandOvers(db, PERIOD, filter.source);
          expect(sorted(responseRowsOf(read, filter, tierReps).map(asResponse), sortKey)).toEqual(
            sorted(listResponses(db, PERIOD, filter), sortKey),
          );
        }
        // Fairness of 2026-11-02 … 11-03 (local) from the totals equals fairness from countReceipts' read.
        const [from, to] = [BASE + 24 * HOUR, BASE + 72 * HOUR];
        const now = BASE + 100 * HOUR;
        expect(
          readPeriodFairness(db, '2026-11-02', '2026-11-03', 480, now, receiptTotalsOf(rows, from, to, 480)),
        ).toEqual(readPeriodFairness(db, '2026-11-02', '2026-11-03', 480, now));
      }),
      { numRuns: 150 },
    );
    db.close();
  });

  it('date distributed receipts by their day: a rep who left counts until their last lead', () => {
    const db: Database = openDatabase(join(tempDir(), 'latest.sqlite'));
    db.exec(`
      INSERT INTO reps (id, name, tier, joined_on, is_active, created_at, updated_at)
        VALUES ('r1', '在岗', 'mid', '2025-01-01', 1, 0, 0), ('r2', '离职', 'mid', '2025-01-01', 0, 0, 0);
      INSERT INTO leads (id, name, stage, grade, created_at, updated_at) VALUES ('l1', 'a', 'mql', 'A', 0, 0),
        ('l2', 'b', 'mql', 'A', 0, 0), ('l3', 'c', 'mql', 'A', 0, 0);
      INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at, grade_then) VALUES
        ('a1', 'l1', 'r2', 'auto', 't', ${BASE + 30 * HOUR}, 'A'), ('a2', 'l2', 'r2', 'auto', 't', ${BASE + 60 * HOUR}, 'A'),
        ('a3', 'l3', 'r1', 'auto', 't', ${BASE + 20 * HOUR}, 'A');
    `);
    const rows = listHandOvers(db, PERIOD);
    const counted = receiptTotalsOf(rows, BASE, BASE + 72 * HOUR, 480);
    const fairness = readPeriodFairness(db, '2026-11-01', '2026-11-03', 480, BASE + 100 * HOUR, counted);
    // Distributed leads per local day (fairness owes each day's leads to the reps there): 11-02 and 11-03.
    expect(counted.filter((c) => c.repId === 'r2').map((c) => [c.day, c.count])).toEqual([
      [BASE_DAY + 1, 1],
      [BASE_DAY + 2, 1],
    ]);
    expect(fairness.perRep['r2']).toMatchObject({ total: 2, availableDays: 3 });
    expect(fairness).toEqual(readPeriodFairness(db, '2026-11-01', '2026-11-03', 480, BASE + 100 * HOUR));
    db.close();
  });

  it('grade each hand-over by the grade it was given at, leave out deleted leads, in time order', () => {
    const db: Database = openDatabase(join(tempDir(), 'grade-then.sqlite'));
    db.exec(`
      INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES ('r1', '销售', 'mid', '2025-01-01', 0, 0);
      INSERT INTO leads (id, name, stage, grade, created_at, updated_at, deleted_at) VALUES
        ('l1', 'a', 'mql', 'D', 0, 0, NULL), ('l2', 'b', 'mql', 'A', 0, 0, 5);
      INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at, grade_then) VALUES
        ('a1', 'l1', 'r1', 'auto', 't', ${BASE + 11 * HOUR}, 'A'), ('a2', 'l2', 'r1', 'auto', 't', ${BASE + 12 * HOUR}, 'A');
    `);
    expect(listHandOvers(db, PERIOD).map((r) => [r.leadId, r.grade])).toEqual([['l1', 'A']]);
    expect(listResponses(db, PERIOD, {}).map((r) => [r.leadId, r.grade])).toEqual([['l1', 'A']]);
    db.exec(`INSERT INTO leads (id, name, stage, created_at, updated_at) VALUES ('l0', 'z', 'mql', 0, 0);
      INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at) VALUES
        ('a3', 'l1', 'r1', 'manual', 't', ${BASE + 10 * HOUR}), ('a4', 'l0', 'r1', 'auto', 't', ${BASE + 13 * HOUR})`);
    // In time order, whatever the leads: a repeated (rep, lead) pair counts at its first hand-over's grade.
    expect(listHandOvers(db, PERIOD).map((r) => r.assignedAt - BASE)).toEqual(
      [10, 11, 13].map((h) => h * HOUR),
    );
    expect(listResponses(db, PERIOD, {}).map((r) => r.assignedAt - BASE)).toEqual(
      [10, 11, 13].map((h) => h * HOUR),
    );
    db.close();
  });

  it('reads a long period a week at a time, every hand-over once, in time order, edges included', () => {
    const db: Database = openDatabase(join(tempDir(), 'slices.sqlite'));
    const WEEK = 7 * 24 * HOUR;
    const long = { from: BASE, to: BASE + 5 * WEEK + 3 * HOUR, utcOffsetMinutes: 480 };
    db.exec(`INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES ('r1', '销售', 'mid', '2025-01-01', 0, 0);
      INSERT INTO leads (id, name, stage, created_at, updated_at) VALUES ('l1', 'a', 'mql', 0, 0)`);
    const insert = db.prepare(
      `INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at) VALUES (?, 'l1', 'r1', 'auto', 't', ?)`,
    );
    // On each week's first and last millisecond, the period's edges, and just outside them.
    const times = [long.from - 1, long.from, long.to - 1, long.to];
    for (let w = 1; w <= 5; w += 1)
      times.push(long.from + w * WEEK - 1, long.from + w * WEEK, long.from + w * WEEK + HOUR);
    times.forEach((at, i) => insert.run(`a${i}`, at));
    const slices: number[][] = [];
    forEachHandOverSlice(db, long, undefined, (rows) => slices.push(rows.map((r) => r.assignedAt)));
    expect(slices).toHaveLength(6);
    expect(slices.flat()).toEqual(listHandOvers(db, long).map((r) => r.assignedAt));
    expect(slices.flat()).toEqual(
      times.filter((at) => at >= long.from && at < long.to).sort((a, b) => a - b),
    );
    db.close();
  });
});
