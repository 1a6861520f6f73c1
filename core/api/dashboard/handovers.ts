// The period's hand-overs, read once (listHandOvers), split for the KPI row: the response rows listResponses reads
// for the filter, and the period's fairness receipts counted for readPeriodFairness.
import { DAY_MS } from '../../domain/clock';
import type { Grade } from '../../domain/funnel';
import { asRepId } from '../../domain/ids';
import { receiptKindOf } from '../../domain/distribution/fair-shares';
import type { HandOverRow } from '../../store/dashboard-handovers';
import type { KpiFilter } from '../../store/dashboard-kpi';
import type { ReceiptCount } from '../../store/fairness-receipts';

/**
 * The rows listResponses(db, period, filter) reads, in the same order: non-history leads, handed to the filter's
 * rep or to a rep of its tier (`tierRepIds`, the tier's reps, inactive ones too), of its source.
 */
export function responseRowsOf(
  rows: readonly HandOverRow[],
  filter: KpiFilter,
  tierRepIds: ReadonlySet<string> | undefined,
): HandOverRow[] {
  const { repId, source } = filter;
  // `rows` were read for this filter's source (listHandOvers(db, period, source)): ofSource says which match it.
  const out: HandOverRow[] = [];
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
 * The period's receipts for readPeriodFairness, counted per rep, kind and grade then (countReceipts' counts): a
 * distributed one per local day, as fairness owes each day's leads to the reps there that day; a claim, manual
 * move or recycle once per group dated by its latest day, since fairness reads only its count and each rep's latest
 * day. `from`/`to` must be the period's local-day bounds. In no particular order (fairness only sums them). Rows
 * are added in slices.
 */
export interface ReceiptCounter {
  add(rows: readonly HandOverRow[]): void;
  totals(): ReceiptCount[];
}

interface ReceiptGroup {
  count: number;
  latest: number;
  /** A distributed group's counts per local day of the period; null for the other kinds. */
  readonly perDay: Int32Array | null;
}

export function createReceiptCounter(from: number, to: number, utcOffsetMinutes: number): ReceiptCounter {
  return new GroupedReceipts(from, to, utcOffsetMinutes);
}

/** A class so that every load runs the same `add`, whose optimised code V8 keeps across loads. */
class GroupedReceipts implements ReceiptCounter {
  private readonly from: number;
  private readonly to: number;
  private readonly offset: number;
  private readonly firstDay: number;
  private readonly days: number;
  // rep → kind → grade then → group: no key string built per row.
  private readonly groups = new Map<string, Map<string, Map<Grade | null, ReceiptGroup>>>();

  constructor(from: number, to: number, utcOffsetMinutes: number) {
    this.from = from;
    this.to = to;
    this.offset = utcOffsetMinutes * 60_000;
    this.firstDay = this.dayOf(from);
    this.days = Math.max(1, this.dayOf(to - 1) - this.firstDay + 1);
  }

  private dayOf(at: number): number {
    return Math.floor((at + this.offset) / DAY_MS);
  }

  add(rows: readonly HandOverRow[]): void {
    const { from, to, groups } = this;
    for (const row of rows) {
      if (row.assignedAt < from || row.assignedAt >= to) continue;
      let byKind = groups.get(row.repId);
      if (byKind === undefined) groups.set(row.repId, (byKind = new Map()));
      let byGrade = byKind.get(row.kind);
      if (byGrade === undefined) byKind.set(row.kind, (byGrade = new Map()));
      let group = byGrade.get(row.grade);
      if (group === undefined) {
        const perDay = receiptKindOf(row.kind) === 'distributed' ? new Int32Array(this.days) : null;
        byGrade.set(row.grade, (group = { count: 0, latest: row.assignedAt, perDay }));
      }
      group.count += 1;
      if (row.assignedAt > group.latest) group.latest = row.assignedAt;
      if (group.perDay !== null) {
        const i = this.dayOf(row.assignedAt) - this.firstDay;
        group.perDay[i] = (group.perDay[i] ?? 0) + 1;
      }
    }
  }

  totals(): ReceiptCount[] {
    const totals: ReceiptCount[] = [];
    const { firstDay } = this;
    for (const [repId, byKind] of this.groups)
      for (const [kind, byGrade] of byKind)
        for (const [grade, { count, latest, perDay }] of byGrade) {
          if (perDay === null) {
            totals.push({ repId: asRepId(repId), kind, grade, day: this.dayOf(latest), count });
            continue;
          }
          for (let i = 0; i < perDay.length; i += 1) {
            const n = perDay[i] ?? 0;
            if (n > 0) totals.push({ repId: asRepId(repId), kind, grade, day: firstDay + i, count: n });
          }
        }
    return totals;
  }
}
