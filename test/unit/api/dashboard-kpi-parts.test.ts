// The KPI row read in two halves of the leads (one on a worker thread) says exactly what one read of all leads says:
// on random workspaces with leads created in the period and the one before, history and deleted leads, a lead
// handed to the same rep twice, reassignments, uncontacted hand-overs and every filter, the halves merged equal the
// whole read, figure by figure; and the worker thread, started from source as the app starts it built, agrees.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeKpiPart,
  mergeKpiParts,
  type KpiPart,
  type KpiPartInput,
} from '../../../core/api/dashboard/kpi-part';
import { readKpiParts } from '../../../core/api/dashboard/kpi-parts';
import { receiptKindOf } from '../../../core/domain/distribution/fair-shares';
import { resolvePeriod } from '../../../core/api/dashboard/period';
import { figuresOfPeriodTallies } from '../../../core/api/dashboard/response-figures';
import { defaultKpiTargets } from '../../../core/domain/kpi/targets';
import { DEFAULT_SLA_POLICY } from '../../../core/domain/sla/sla-policy';
import { CHINA_OFFICE_CALENDAR } from '../../../core/domain/sla/working-calendar';
import type { KpiFilter } from '../../../core/store/dashboard-kpi';
import { openDatabase } from '../../../core/store/open-database';
import { useTempDir } from '../../helpers/temp-dir';

const HOUR = 3_600_000;
/** 2026-10-29 00:00 at UTC+8: the period before is 10-29 … 10-31, the period 11-01 … 11-03. */
const BASE = Date.UTC(2026, 9, 28, 16);
const PERIOD = resolvePeriod('2026-11-01', '2026-11-03', 480);
const NOW = BASE + 150 * HOUR;
const REPS = ['rep_0', 'rep_1', 'rep_2'];
const TIER_OF: Record<string, string> = { rep_0: 'senior', rep_1: 'mid', rep_2: 'senior' };
const FILTERS: KpiFilter[] = [{}, { repId: 'rep_1' }, { tier: 'senior' }, { source: '官网' }];
const LEADS = 14;

const leadArb = fc.record({
  grade: fc.constantFrom('A', 'B', 'C', null),
  source: fc.constantFrom('官网', '展会', null),
  stage: fc.constantFrom('raw', 'mql', 'won', 'lost'),
  createdAt: fc.integer({ min: 0, max: 144 * HOUR }),
  deleted: fc.boolean(),
  history: fc.boolean(),
});
const handOverArb = fc.record({
  lead: fc.nat(LEADS - 1),
  rep: fc.constantFrom(...REPS, null),
  kind: fc.constantFrom('auto', 'manual', 'recycle'),
  gradeThen: fc.constantFrom('A', 'B', 'C', null),
  at: fc.integer({ min: 0, max: 144 * HOUR }),
  contactAfter: fc.option(fc.nat(30 * HOUR)),
});
const workspaceArb = fc.record({
  leads: fc.array(leadArb, { minLength: LEADS, maxLength: LEADS }),
  handOvers: fc.array(handOverArb, { maxLength: 50 }),
});
type Workspace = typeof workspaceArb extends fc.Arbitrary<infer W> ? W : never;

function openWorkspace(path: string): Database {
  const db = openDatabase(path);
  const rep = db.prepare(
    `INSERT INTO reps (id, name, tier, joined_on, created_at, updated_at) VALUES (?, ?, ?, '2025-01-01', 0, 0)`,
  );
  for (const id of REPS) rep.run(id, id, TIER_OF[id]);
  // Each run starts from no hand-overs: the append-only guard would refuse clearing them between runs.
  db.exec('DROP TRIGGER assignments_no_delete');
  return db;
}

function fill(db: Database, { leads, handOvers }: Workspace): void {
  db.exec('DELETE FROM assignments; DELETE FROM leads');
  const lead = db.prepare(
    `INSERT INTO leads (id, name, stage, grade, source, is_history, deleted_at, closed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const assignment = db.prepare(
    `INSERT INTO assignments (id, lead_id, rep_id, kind, actor, at, grade_then, first_contact_at)
     VALUES (?, ?, ?, ?, 't', ?, ?, ?)`,
  );
  // Ids end in every digit, so both halves of the leads hold some.
  const idOf = (i: number) => `lead_${String(i).padStart(2, '0')}`;
  leads.forEach((l, i) => {
    const createdAt = BASE + l.createdAt;
    const closedAt = l.stage === 'won' || l.stage === 'lost' ? createdAt + HOUR : null;
    lead.run(
      idOf(i),
      `客户${i}`,
      l.stage,
      l.grade,
      l.source,
      l.history ? 1 : 0,
      l.deleted ? 1 : null,
      closedAt,
      createdAt,
      createdAt,
    );
  });
  handOvers.forEach((h, i) => {
    const at = BASE + h.at;
    assignment.run(
      `asg_${i}`,
      idOf(h.lead),
      h.rep,
      h.kind,
      at,
      h.gradeThen,
      h.contactAfter === null ? null : at + h.contactAfter,
    );
  });
}

function inputFor(filter: KpiFilter): Omit<KpiPartInput, 'half' | 'wholeReads'> {
  return {
    period: PERIOD,
    filter,
    tierRepIds: filter.tier === undefined ? null : REPS.filter((id) => TIER_OF[id] === filter.tier),
    calendar: CHINA_OFFICE_CALENDAR,
    targets: defaultKpiTargets(DEFAULT_SLA_POLICY),
    now: NOW,
  };
}

const byKey = <T>(entries: Iterable<[string, T]>) =>
  [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Receipts as fairness reads them: a distributed lead's count per rep, kind, grade and day; another kind's count per
 * rep, kind and grade with its latest day (two halves may date one group apart).
 */
function receiptsAsFairnessReadsThem(
  receipts: KpiPart['receipts'],
): Map<string, { count: number; day: number }> {
  const out = new Map<string, { count: number; day: number }>();
  for (const r of receipts) {
    const day = receiptKindOf(r.kind) === 'distributed' ? r.day : null;
    const key = JSON.stringify([r.repId, r.kind, r.grade, day]);
    const seen = out.get(key);
    out.set(key, { count: (seen?.count ?? 0) + r.count, day: Math.max(seen?.day ?? r.day, r.day) });
  }
  return out;
}

/** A part as plain data whose equality is the figures' equality: rows regrouped, maps and lists in key order. */
function comparable(part: KpiPart) {
  const arrivals = new Map<string, number[]>();
  for (const row of part.arrivals) {
    const key = JSON.stringify([row.day, row.grade, row.source, row.furthest]);
    const values = [
      row.arrived,
      row.won,
      row.lost,
      row.recycled,
      row.neverContacted,
      row.anyLoss,
      row.costFen,
      row.revenueFen,
    ];
    arrivals.set(
      key,
      (arrivals.get(key) ?? values.map(() => 0)).map((v, i) => v + (values[i] ?? 0)),
    );
  }
  const tally = (t: { assigned: number; decided: number; within: number; minutes: Float64Array }) => ({
    ...t,
    minutes: Array.from(t.minutes),
  });
  const figures = figuresOfPeriodTallies(part.tallies);
  return {
    arrivals: byKey(arrivals),
    tallies: {
      current: tally(part.tallies.current),
      previous: tally(part.tallies.previous),
      byGrade: part.tallies.byGrade.map(tally),
      byDay: part.tallies.byDay.map(tally),
      byRep: byKey(
        [...part.tallies.byRep].map(([rep, t]) => [rep, tally(t)] as [string, ReturnType<typeof tally>]),
      ),
    },
    figures: { ...figures, byRep: byKey(figures.byRep) },
    receipts: byKey(receiptsAsFairnessReadsThem(part.receipts)),
    received: byKey(part.receivedByGrade),
    notContactedLeads: part.notContactedLeads,
    closures: part.closures,
    activity: part.activity,
  };
}

describe('the KPI row read in two halves of the leads', () => {
  const tempDir = useTempDir();

  it('merges into exactly the read of all leads, for every filter (property)', () => {
    const db = openWorkspace(join(tempDir(), 'halves.sqlite'));
    fc.assert(
      fc.property(workspaceArb, (workspace) => {
        fill(db, workspace);
        for (const filter of FILTERS) {
          const input = inputFor(filter);
          const all = computeKpiPart(db, {
            ...input,
            half: null,
            wholeReads: { closures: true, activity: true },
          });
          const merged = mergeKpiParts(
            computeKpiPart(db, { ...input, half: 0, wholeReads: { closures: true, activity: false } }),
            computeKpiPart(db, { ...input, half: 1, wholeReads: { closures: false, activity: true } }),
          );
          expect(comparable(merged)).toEqual(comparable(all));
        }
      }),
      { numRuns: 60 },
    );
    db.close();
  });

  it('reads one half on the worker thread and agrees with the read of all leads', async () => {
    const db = openWorkspace(join(tempDir(), 'worker.sqlite'));
    const workspace = fc.sample(workspaceArb, { numRuns: 1, seed: 12 })[0];
    if (workspace === undefined) throw new Error('no workspace sampled');
    fill(db, {
      ...workspace,
      handOvers: [...workspace.handOvers, ...fc.sample(handOverArb, { numRuns: 40, seed: 3 })],
    });
    const input = inputFor({});
    // Split from 0 hand-overs: the worker reads half 0; from a billion, this thread reads everything.
    const workerErrors: Error[] = [];
    const split = await readKpiParts(db, input, { splitFrom: 0, onWorkerError: (e) => workerErrors.push(e) });
    const whole = await readKpiParts(db, input, { splitFrom: 1_000_000_000 });
    expect(workerErrors).toEqual([]);
    expect(split.tallies.current.assigned).toBeGreaterThan(0);
    expect(comparable(split)).toEqual(comparable(whole));
    db.close();
  });
});
