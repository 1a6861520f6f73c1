// The period's hand-overs, read once (listHandOvers), split for the KPI row: the response rows listResponses reads
// for the filter, and the period's fairness receipts counted for readPeriodFairness.
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
  // `rows` were read for this filter's source (listHandOvers(db, period, source)): ofSource says which match it.
  const out: ResponseRow[] = [];
  for (const row of rows) {
    if (row.isHistory !== 0) continue;
    if (repId !== undefined && row.repId !== repId) continue;
    if (tierRepIds !== undefined && !tierRepIds.has(row.repId)) continue;
    if (source !== undefined && row.ofSource === 0) continue;
    out.push(row);
  }
  return out;
}

/**
 * The period's receipts for readPeriodFairness, counted per rep, kind and grade then (countReceipts' counts summed
 * over their days), each dated by its latest local day: of receipts inside the period, fairness reads only their
 * count and each rep's latest day, so ~200 groups say what ~15k per-day counts said. `from`/`to` must be the
 * period's local-day bounds. In no particular order (fairness only sums them). Rows are added in slices.
 */
export interface ReceiptCounter {
  add(rows: readonly HandOverRow[]): void;
  totals(): ReceiptCount[];
}

export function createReceiptCounter(from: number, to: number, utcOffsetMinutes: number): ReceiptCounter {
  // rep → kind → grade then → [count, latest hand-over]: no key string built per row.
  const groups = new Map<string, Map<string, Map<Grade | null, { count: number; latest: number }>>>();
  return {
    add(rows) {
      for (const row of rows) {
        if (row.assignedAt < from || row.assignedAt >= to) continue;
        let byKind = groups.get(row.repId);
        if (byKind === undefined) groups.set(row.repId, (byKind = new Map()));
        let byGrade = byKind.get(row.kind);
        if (byGrade === undefined) byKind.set(row.kind, (byGrade = new Map()));
        const group = byGrade.get(row.grade);
        if (group === undefined) byGrade.set(row.grade, { count: 1, latest: row.assignedAt });
        else {
          group.count += 1;
          if (row.assignedAt > group.latest) group.latest = row.assignedAt;
        }
      }
    },
    totals() {
      const offset = utcOffsetMinutes * 60_000;
      const totals: ReceiptCount[] = [];
      for (const [repId, byKind] of groups)
        for (const [kind, byGrade] of byKind)
          for (const [grade, { count, latest }] of byGrade) {
            const day = Math.floor((latest + offset) / DAY_MS);
            totals.push({ repId: asRepId(repId), kind, grade, day, count });
          }
      return totals;
    },
  };
}
