// The per-rep table's leads by grade count each (rep, lead) once in the period, at the grade of the pair's first
// hand-over in it (by time, then insertion): from each hand-over's kept previous one for the pair, whatever order the
// hand-overs were written in; the links behind those counts open as many leads.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHandOvers } from '../../../core/api/dashboard/kpi-part';
import { resolvePeriod } from '../../../core/api/dashboard/period';
import {
  createReceivedCounter,
  type GradeCounts,
  type ReceivedRow,
} from '../../../core/api/dashboard/tables';
import { asLeadId, asRepId } from '../../../core/domain/ids';
import { defaultKpiTargets } from '../../../core/domain/kpi/targets';
import { DEFAULT_SLA_POLICY } from '../../../core/domain/sla/sla-policy';
import { appendAssignment } from '../../../core/store/assignments';
import { listDrillLeads } from '../../../core/store/dashboard-drill';
import { insertLead } from '../../../core/store/leads';
import { openDatabase } from '../../../core/store/open-database';
import { insertRep } from '../../../core/store/reps';
import { sampleLead, sampleRep } from '../../helpers/sample-data';
import { useTempDir } from '../../helpers/temp-dir';

const HOUR = 3_600_000;
/** 2026-10-29 00:00 at UTC+8: the period before is 10-29 … 10-31, the period 11-01 … 11-03. */
const BASE = Date.UTC(2026, 9, 28, 16);
const PERIOD = resolvePeriod('2026-11-01', '2026-11-03', 480);
const LEADS = ['l0', 'l1', 'l2', 'l3', 'l4'];
const REPS = ['r0', 'r1', 'r2'];
type Grade = 'A' | 'B' | 'C' | 'D' | null;

function counted(rows: readonly ReceivedRow[], from = 100) {
  const counter = createReceivedCounter(from);
  counter.add(rows);
  return counter.counts();
}

const counts = (partial: Partial<GradeCounts>): GradeCounts => ({
  A: 0,
  B: 0,
  C: 0,
  D: 0,
  ungraded: 0,
  ...partial,
});

describe('leads received per rep and grade', () => {
  it("counts a pair's hand-overs whose previous one was before the period, or none", () => {
    const rows: ReceivedRow[] = [
      { repId: 'r1', grade: 'A', prevPairAt: null },
      { repId: 'r1', grade: 'B', prevPairAt: 99 },
      { repId: 'r1', grade: 'C', prevPairAt: 100 },
      { repId: 'r2', grade: null, prevPairAt: 150 },
      { repId: 'r2', grade: 'D', prevPairAt: null },
    ];
    expect(counted(rows)).toEqual(
      new Map([
        ['r1', counts({ A: 1, B: 1 })],
        ['r2', counts({ D: 1 })],
      ]),
    );
  });

  it('counts rows added in slices as rows added at once', () => {
    const rows: ReceivedRow[] = [
      { repId: 'r1', grade: 'A', prevPairAt: null },
      { repId: 'r1', grade: 'A', prevPairAt: 120 },
      { repId: 'r2', grade: 'B', prevPairAt: 5 },
    ];
    const sliced = createReceivedCounter(100);
    sliced.add(rows.slice(0, 1));
    sliced.add(rows.slice(1));
    expect(sliced.counts()).toEqual(counted(rows));
  });

  const handOver = fc.record({
    lead: fc.constantFrom(...LEADS),
    rep: fc.option(fc.constantFrom(...REPS), { freq: 6 }),
    // Hours on a coarse grid, so a pair's hand-overs often share a time; both periods, written in any order.
    at: fc.integer({ min: 0, max: 24 }).map((step) => BASE + step * 6 * HOUR - (step === 24 ? 1 : 0)),
    grade: fc.constantFrom<Grade>('A', 'B', 'C', 'D', null),
  });
  const tempDir = useTempDir();

  it('equal distinct pairs at their first grade in the period, over hand-overs written in any order (property)', () => {
    const db = openDatabase(join(tempDir(), 'received.sqlite'));
    for (const id of REPS) insertRep(db, sampleRep({ id: asRepId(id) }), 1);
    const noKeys = { phoneKey: null, emailKey: null, companyKey: null, companyNameKey: null };
    const noMeta = { importBatchId: null, scoreModelVersion: null, scoredAt: null };
    // l3 is a history lead and l4 deleted: neither counts.
    for (const id of LEADS)
      insertLead(db, sampleLead({ id: asLeadId(id), isHistory: id === 'l3' }), noKeys, noMeta);
    db.prepare("UPDATE leads SET deleted_at = 1 WHERE id = 'l4'").run();
    const input = {
      period: PERIOD,
      filter: {},
      tierRepIds: null,
      calendar: null,
      targets: defaultKpiTargets(DEFAULT_SLA_POLICY),
      now: BASE + 200 * HOUR,
    };
    fc.assert(
      fc.property(fc.array(handOver, { maxLength: 40 }), (handOvers) => {
        db.exec('SAVEPOINT run');
        try {
          handOvers.forEach((h, i) =>
            appendAssignment(db, {
              id: `a${String(i).padStart(2, '0')}`,
              leadId: h.lead,
              repId: h.rep,
              kind: 'manual',
              ruleId: null,
              reason: '',
              explanation: { grade: h.grade },
              actor: 't',
              at: h.at,
            }),
          );
          // By hand: in the period, to a rep, of a live lead; each pair's first by time, then the order written.
          const firsts = new Map<string, { at: number; grade: Grade; rep: string }>();
          for (const h of handOvers) {
            if (h.rep === null || h.lead === 'l3' || h.lead === 'l4') continue;
            if (h.at < PERIOD.from || h.at >= PERIOD.to) continue;
            const key = `${h.rep}|${h.lead}`;
            const first = firsts.get(key);
            if (first === undefined || h.at < first.at)
              firsts.set(key, { at: h.at, grade: h.grade, rep: h.rep });
          }
          const expected = new Map<string, GradeCounts>();
          for (const { rep, grade } of firsts.values()) {
            const row = expected.get(rep) ?? counts({});
            row[grade ?? 'ungraded'] += 1;
            expected.set(rep, row);
          }
          const received = db.transaction(() => readHandOvers(db, input).receivedByGrade)();
          expect(new Map([...received].sort())).toEqual(new Map([...expected].sort()));
          // The per-rep table's links open as many leads as each of its counts says.
          for (const repId of REPS) {
            for (const grade of ['A', 'B', 'C', 'D', 'ungraded'] as const) {
              const drill = { metric: 'handed_over', grade } as const;
              const { total } = listDrillLeads(db, PERIOD, { repId }, drill, { offset: 0, limit: 1 });
              expect(total, `${repId} ${grade}`).toBe(expected.get(repId)?.[grade] ?? 0);
            }
          }
        } finally {
          db.exec('ROLLBACK TO run; RELEASE run');
        }
      }),
      { numRuns: 120 },
    );
    db.close();
  });
});
