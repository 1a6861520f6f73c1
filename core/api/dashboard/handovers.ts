// The period's hand-overs, read once (listHandOvers), split for the KPI row: the response rows listResponses reads
// for the filter, and the fairness receipts countReceipts counts for the period.
import { DAY_MS } from '../../domain/clock';
import type { Grade } from '../../domain/funnel';
import { asRepId } from '../../domain/ids';
import type { HandOverRow } from '../../store/dashboard-handovers';
import type { KpiFilter, ResponseRow } from '../../store/dashboard-kpi';
import type { ReceiptCount } from '../../store/fairness-receipts';

/**
 * The rows listResponses(db, period, filter) reads, in the same order: non-history leads, handed to the filter's
 * rep or to a rep of its tier (`tierRepIds`, the tier's reps, inactive ones too), of its source.
 */
export function responseRowsOf(
  rows: readonly HandOverRow[],
  filter: KpiFilter,
  tierRepIds: ReadonlySet<string> | undefined,
): ResponseRow[] {
  const { repId, source } = filter;
  const out: ResponseRow[] = [];
  for (const row of rows) {
    if (row.isHistory !== 0) continue;
    if (repId !== undefined && row.repId !== repId) continue;
    if (tierRepIds !== undefined && !tierRepIds.has(row.repId)) continue;
    if (source !== undefined && row.source !== source) continue;
    out.push(row);
  }
  return out;
}

/**
 * The counts countReceipts(db, from, to, offset) gives (per rep, kind, grade then and local day), of the rows
 * handed over in [from, to); in no particular order (fairness only sums them).
 */
export function receiptCountsOf(
  rows: readonly HandOverRow[],
  from: number,
  to: number,
  utcOffsetMinutes: number,
): ReceiptCount[] {
  const offset = utcOffsetMinutes * 60_000;
  // rep → kind → grade then → local day → count: a few hundred groups, no key string built per row.
  const groups = new Map<string, Map<string, Map<Grade | null, Map<number, number>>>>();
  for (const row of rows) {
    if (row.assignedAt < from || row.assignedAt >= to) continue;
    let byKind = groups.get(row.repId);
    if (byKind === undefined) groups.set(row.repId, (byKind = new Map()));
    let byGrade = byKind.get(row.kind);
    if (byGrade === undefined) byKind.set(row.kind, (byGrade = new Map()));
    let byDay = byGrade.get(row.gradeThen);
    if (byDay === undefined) byGrade.set(row.gradeThen, (byDay = new Map()));
    const day = Math.floor((row.assignedAt + offset) / DAY_MS);
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  const counts: ReceiptCount[] = [];
  for (const [repId, byKind] of groups)
    for (const [kind, byGrade] of byKind)
      for (const [grade, byDay] of byGrade)
        for (const [day, count] of byDay) counts.push({ repId: asRepId(repId), kind, grade, day, count });
  return counts;
}
