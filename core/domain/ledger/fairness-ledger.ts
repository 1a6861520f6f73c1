// The vacation-neutral fairness ledger: per rep and grade, the leads the rules gave them against the leads they
// should have had for the days they were available (leave, out-of-office days — ledger/out-of-office.ts —, start
// date and deactivation taken out). The engine's load-based methods count time away by the same days
// (distribution/away-load.ts; there each day's share follows the reps' caps, as those methods fill reps).
import { GRADES } from '../funnel';
import type { Grade } from '../funnel';
import { owedLeadsByRep } from '../distribution/owed-leads';
import { countAvailableDays } from '../distribution/fair-shares';
import type { FairnessRep, Receipt } from '../distribution/fair-shares';

export type LedgerGrade = Grade | 'ungraded';
export const LEDGER_GRADES: readonly LedgerGrade[] = [...GRADES, 'ungraded'];

export interface LedgerInput {
  readonly reps: readonly FairnessRep[];
  /** Assignment rows of the period; a lead later lost, released or recycled still counts for whom it was given. */
  readonly receipts: readonly Receipt[];
  /** Inclusive local ISO dates. */
  readonly from: string;
  readonly to: string;
}

export interface LedgerCell {
  readonly received: number;
  /** Σ over the days the rep was available of that day's leads of this grade ÷ the reps available; two decimals. */
  readonly expected: number;
}

export interface LedgerRow {
  readonly repId: string;
  readonly availableDays: number;
  readonly total: LedgerCell;
  readonly byGrade: Readonly<Record<LedgerGrade, LedgerCell>>;
  /** Leads claimed from the pool and moved by hand: shown beside, never counted as received. */
  readonly claims: number;
  readonly manual: number;
}

export interface FairnessLedger {
  readonly from: string;
  readonly to: string;
  /** Sum of every counted rep's available days. */
  readonly availableDays: number;
  readonly leadCount: number;
  readonly rows: readonly LedgerRow[];
}

function emptyCounts(): Record<LedgerGrade, number> {
  return { A: 0, B: 0, C: 0, D: 0, ungraded: 0 };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The ledger of a period, day by day: each day's distributed leads are owed equally to the reps available that
 * day, so a rep away for two weeks is owed nothing for them and returns level. Invariants: Σ expected per grade =
 * Σ received per grade (up to rounding); a rep with no available day expects nothing; reps are those active now or who received a lead in the period (an inactive rep
 * is available up to their last lead in it), sorted by id.
 */
export function computeLedger(input: LedgerInput): FairnessLedger {
  const inPeriod = input.receipts.filter((r) => r.day >= input.from && r.day <= input.to);
  const lastDay = new Map<string, string>();
  for (const r of inPeriod) {
    const seen = lastDay.get(r.repId);
    if (seen === undefined || r.day > seen) lastDay.set(r.repId, r.day);
  }
  const reps = input.reps
    .filter((rep) => rep.isActive || lastDay.has(rep.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const days = new Map<string, number>();
  for (const rep of reps)
    days.set(
      rep.id,
      countAvailableDays(rep, input.from, input.to, rep.isActive ? undefined : lastDay.get(rep.id)),
    );
  const totalDays = [...days.values()].reduce((a, b) => a + b, 0);
  const counts = new Map<string, { byGrade: Record<LedgerGrade, number>; claims: number; manual: number }>();
  for (const rep of reps) counts.set(rep.id, { byGrade: emptyCounts(), claims: 0, manual: 0 });
  const distributed: Receipt[] = [];
  let leadCount = 0;
  for (const r of inPeriod) {
    const entry = counts.get(r.repId);
    if (entry === undefined) continue;
    const count = r.count ?? 1;
    if (r.kind === 'distributed') {
      entry.byGrade[r.grade ?? 'ungraded'] += count;
      distributed.push(r);
      leadCount += count;
    } else if (r.kind === 'claim') entry.claims += count;
    else if (r.kind === 'manual') entry.manual += count;
  }
  // Each day's leads are owed to the reps available that day, equally: time away owes nothing and is owed nothing.
  const expected = owedLeadsByRep(reps, distributed, lastDay);
  const rows: LedgerRow[] = reps.map((rep) => {
    const entry = counts.get(rep.id) ?? { byGrade: emptyCounts(), claims: 0, manual: 0 };
    const owed = expected.get(rep.id) ?? emptyCounts();
    const byGrade = {} as Record<LedgerGrade, LedgerCell>;
    let received = 0;
    let expectedTotal = 0;
    for (const grade of LEDGER_GRADES) {
      byGrade[grade] = { received: entry.byGrade[grade], expected: round2(owed[grade]) };
      received += entry.byGrade[grade];
      expectedTotal += owed[grade];
    }
    return {
      repId: rep.id,
      availableDays: days.get(rep.id) ?? 0,
      total: { received, expected: round2(expectedTotal) },
      byGrade,
      claims: entry.claims,
      manual: entry.manual,
    };
  });
  return { from: input.from, to: input.to, availableDays: totalDays, leadCount, rows };
}
