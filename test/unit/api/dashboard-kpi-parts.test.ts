// The KPI row read on two threads (the hand-overs on a worker, the leads on the calling thread) says exactly what
// one thread's read says: on random workspaces with leads created in the period and the one before, history and
// deleted leads, a lead handed to the same rep twice, reassignments, uncontacted hand-overs and every filter; the
// worker thread is started from source as the app starts it built.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpiReadInput } from '../../../core/api/dashboard/kpi-part';
import { readKpiParts } from '../../../core/api/dashboard/kpi-parts';
import { resolvePeriod } from '../../../core/api/dashboard/period';
import { defaultKpiTargets } from '../../../core/domain/kpi/targets';
import { DEFAULT_SLA_POLICY } from '../../../core/domain/sla/sla-policy';
import { CHINA_OFFICE_CALENDAR } from '../../../core/domain/sla/working-calendar';
import type { KpiFilter } from '../../../core/store/dashboard-kpi';
import { refreshPairRepeats } from '../../../core/store/kpi-facts';
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
  // Each hand-over's previous one for its pair, as core/store/assignments.ts keeps it on write.
  refreshPairRepeats(db);
}

function inputFor(filter: KpiFilter): KpiReadInput {
  return {
    period: PERIOD,
    filter,
    tierRepIds: filter.tier === undefined ? null : REPS.filter((id) => TIER_OF[id] === filter.tier),
    calendar: CHINA_OFFICE_CALENDAR,
    targets: defaultKpiTargets(DEFAULT_SLA_POLICY),
    now: NOW,
  };
}

describe('the KPI row read on two threads', () => {
  const tempDir = useTempDir();

  it('reads the hand-overs on the worker and agrees with one thread, for every filter (property)', async () => {
    const db = openWorkspace(join(tempDir(), 'threads.sqlite'));
    await fc.assert(
      fc.asyncProperty(workspaceArb, async (workspace) => {
        fill(db, workspace);
        for (const filter of FILTERS) {
          const input = inputFor(filter);
          // Split from 0 hand-overs: the worker reads the hand-overs; from a billion, this thread reads everything.
          const workerErrors: Error[] = [];
          const split = await readKpiParts(db, input, {
            splitFrom: 0,
            onWorkerError: (e) => workerErrors.push(e),
          });
          const one = await readKpiParts(db, input, { splitFrom: 1_000_000_000 });
          expect(workerErrors).toEqual([]);
          expect(split).toEqual(one);
        }
      }),
      { numRuns: 25 },
    );
    db.close();
  });

  it('agrees on a workspace with hand-overs in both periods, every figure filled', async () => {
    const db = openWorkspace(join(tempDir(), 'worker.sqlite'));
    const workspace = fc.sample(workspaceArb, { numRuns: 1, seed: 12 })[0];
    if (workspace === undefined) throw new Error('no workspace sampled');
    fill(db, {
      ...workspace,
      handOvers: [...workspace.handOvers, ...fc.sample(handOverArb, { numRuns: 40, seed: 3 })],
    });
    const input = inputFor({});
    const workerErrors: Error[] = [];
    const split = await readKpiParts(db, input, { splitFrom: 0, onWorkerError: (e) => workerErrors.push(e) });
    const one = await readKpiParts(db, input, { splitFrom: 1_000_000_000 });
    expect(workerErrors).toEqual([]);
    const { responses, balance, receivedByGrade } = split.handOvers;
    expect(responses.current.assigned).toBeGreaterThan(0);
    expect(responses.previous.assigned).toBeGreaterThan(0);
    expect(receivedByGrade.size).toBeGreaterThan(0);
    expect(balance.groups.length).toBeGreaterThan(0);
    expect(split.leads.arrivals.length).toBeGreaterThan(0);
    expect(split).toEqual(one);
    db.close();
  });
});
