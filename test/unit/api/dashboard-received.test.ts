// The per-rep table's leads by grade count each (rep, lead) once: the hand-over listHandOvers marks as the rep's
// first of the lead in the period, at its grade (test/unit/api/dashboard-handovers.test.ts checks the marks).
import { describe, expect, it } from 'vitest';
import { countReceivedByGrade, type ReceivedRow } from '../../../core/api/dashboard/tables';
import type { Grade } from '../../../core/domain/funnel';

function row(leadId: string, repId: string, grade: Grade | null, isFirstOfRep: number): ReceivedRow {
  return { leadId, repId, grade, assignedAt: 0, firstContactAt: null, isFirstOfRep };
}

describe('leads received per rep and grade', () => {
  it('counts the first hand-over of each lead to each rep, at its grade', () => {
    const rows = [
      row('l1', 'r1', 'B', 1),
      row('l1', 'r2', 'A', 1),
      row('l1', 'r1', 'A', 0),
      row('l2', 'r1', 'B', 1),
      row('l3', 'r2', null, 1),
    ];
    expect(countReceivedByGrade(rows)).toEqual(
      new Map([
        ['r1', { A: 0, B: 2, C: 0, D: 0, ungraded: 0 }],
        ['r2', { A: 1, B: 0, C: 0, D: 0, ungraded: 1 }],
      ]),
    );
  });
});
