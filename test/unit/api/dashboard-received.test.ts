// The per-rep table's leads by grade count each (rep, lead) once, in whatever order the hand-overs come, at the grade
// of the pair's first hand-over.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReceivedCounter } from '../../../core/api/dashboard/tables';
import type { ResponseRow } from '../../../core/store/dashboard-kpi';

const GRADE_OF_LEAD: Record<string, ResponseRow['grade']> = { l1: 'A', l2: 'B', l3: null, l4: 'A', l5: 'D' };

function row(leadId: string, repId: string): ResponseRow {
  return { leadId, repId, grade: GRADE_OF_LEAD[leadId] ?? null, assignedAt: 0, firstContactAt: null };
}

function countReceivedByGrade(rows: readonly ResponseRow[]) {
  const counter = createReceivedCounter();
  counter.add(rows);
  return counter.counts();
}

describe('leads received per rep and grade', () => {
  it('counts a lead handed to the same rep twice once, grouped by lead or not', () => {
    const grouped = [row('l1', 'r1'), row('l1', 'r2'), row('l1', 'r1'), row('l2', 'r1'), row('l3', 'r2')];
    const expected = new Map([
      ['r1', { A: 1, B: 1, C: 0, D: 0, ungraded: 0 }],
      ['r2', { A: 1, B: 0, C: 0, D: 0, ungraded: 1 }],
    ]);
    expect(countReceivedByGrade(grouped)).toEqual(expected);
    expect(countReceivedByGrade([...grouped].reverse())).toEqual(expected);
  });

  it("counts a repeated pair at its first hand-over's grade", () => {
    const first = { ...row('l1', 'r1'), grade: 'B' as const };
    const again = { ...row('l1', 'r1'), grade: 'A' as const };
    expect(countReceivedByGrade([first, again]).get('r1')).toEqual({ A: 0, B: 1, C: 0, D: 0, ungraded: 0 });
  });

  it('counts rows added in slices as rows added at once', () => {
    const rows = [row('l1', 'r1'), row('l2', 'r1'), row('l1', 'r1'), row('l1', 'r2'), row('l2', 'r1')];
    const sliced = createReceivedCounter();
    sliced.add(rows.slice(0, 2));
    sliced.add(rows.slice(2));
    expect(sliced.counts()).toEqual(countReceivedByGrade(rows));
  });

  it('finds repeats among many ids whose hashes collide in the table', () => {
    // 5000 leads, each handed to two reps and then again to the first: 10000 pairs in a table of 32768 slots.
    const rows: ResponseRow[] = [];
    for (let i = 0; i < 5000; i += 1) {
      const leadId = `lead-${i}`;
      rows.push(row(leadId, 'r1'), row(leadId, `rep-${i % 7}`), row(leadId, 'r1'));
    }
    const total = [...countReceivedByGrade(rows).values()].reduce((n, c) => n + c.ungraded, 0);
    expect(total).toBe(10_000);
  });

  it('gives the same counts for any order of the same hand-overs', () => {
    const hand = fc.tuple(fc.constantFrom('l1', 'l2', 'l3', 'l4', 'l5'), fc.constantFrom('r1', 'r2', 'r3'));
    fc.assert(
      fc.property(fc.array(hand, { maxLength: 30 }), (pairs) => {
        const rows = pairs.map(([lead, rep]) => row(lead, rep));
        const sorted = [...rows].sort((a, b) => (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0));
        const distinct = new Map<string, number>();
        for (const r of rows) distinct.set(`${r.repId}|${r.leadId}`, 1);
        const total = (counts: ReturnType<typeof countReceivedByGrade>) =>
          [...counts.values()].reduce((n, c) => n + c.A + c.B + c.C + c.D + c.ungraded, 0);
        expect(countReceivedByGrade(rows)).toEqual(countReceivedByGrade(sorted));
        expect(total(countReceivedByGrade(rows))).toBe(distinct.size);
      }),
    );
  });
});
