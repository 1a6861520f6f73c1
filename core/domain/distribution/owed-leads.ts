// What each rep was owed of a period's distributed leads, day by day: each day's leads are owed equally to the reps
// who could take leads that day, so time away owes nothing and is owed nothing. The fairness figures, the ledger
// and the replay all say "fair share" with this one rule, so a rep's due reads the same on every page.
import type { Grade } from '../funnel';
import { isPresentOn } from './away-load';
import type { FairnessRep } from './fair-shares';
import { emptyGradeCounts, type GradeKey } from './fairness';

/** Leads owed to one rep, per grade they had when given (fractions: a day's leads are split evenly). */
type OwedLeads = Record<GradeKey, number>;

/** Leads given by distribution on one local day (YYYY-MM-DD); `count` such leads (1 when absent). */
export interface DayReceipt {
  readonly repId: string;
  readonly grade: Grade | null;
  readonly day: string;
  readonly count?: number;
}

/**
 * Could take leads on `day`: present by the calendar (joined, not on leave or out of office, as the engine's away
 * loads count it) and, inactive now, not after their last lead of the period (`lastDay`).
 */
function isOwedOn(rep: FairnessRep, day: string, lastDay: string | undefined): boolean {
  if (!isPresentOn(rep, day)) return false;
  return rep.isActive || (lastDay !== undefined && day <= lastDay);
}

/**
 * Per rep of `reps`, the period's distributed leads owed to them: each day's leads, per grade, divided equally
 * among the reps owed that day (isOwedOn). Leads given on a day nobody was owed anything (say, a rep marked out of
 * office by hand) are owed to whoever got them. Receipts of reps not in `reps` are left out, as the figures leave
 * them out. Invariant: per grade, Σ owed over `reps` = Σ of their receipts' counts.
 */
export function owedLeadsByRep(
  reps: readonly FairnessRep[],
  receipts: readonly DayReceipt[],
  lastDay: ReadonlyMap<string, string>,
): Map<string, OwedLeads> {
  const owed = new Map<string, OwedLeads>(reps.map((rep) => [rep.id, emptyGradeCounts()]));
  const byDay = new Map<string, DayReceipt[]>();
  for (const receipt of receipts) {
    if (!((receipt.count ?? 1) > 0) || !owed.has(receipt.repId)) continue;
    const list = byDay.get(receipt.day);
    if (list === undefined) byDay.set(receipt.day, [receipt]);
    else list.push(receipt);
  }
  for (const [day, list] of byDay) {
    let owedThatDay = reps.filter((rep) => isOwedOn(rep, day, lastDay.get(rep.id)));
    if (owedThatDay.length === 0) owedThatDay = reps.filter((rep) => list.some((r) => r.repId === rep.id));
    const dayLeads = emptyGradeCounts();
    for (const r of list) dayLeads[r.grade ?? 'ungraded'] += r.count ?? 1;
    for (const rep of owedThatDay) {
      const cell = owed.get(rep.id);
      if (cell === undefined) continue;
      for (const grade of Object.keys(dayLeads) as GradeKey[])
        cell[grade] += dayLeads[grade] / owedThatDay.length;
    }
  }
  return owed;
}
