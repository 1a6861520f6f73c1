// What the KPI row reads of the period's leads and hand-overs, for all leads or one half of them (inLeadHalf), as
// plain data that adds up: the Dashboard reads the two halves on two threads (kpi-parts.ts) and merges them, and
// the merge says exactly what one read of all leads says, since every row of a lead falls in one half.
import type { Database } from 'better-sqlite3';
import type { KpiTargets } from '../../domain/kpi/targets';
import type { WorkingCalendar } from '../../domain/sla/working-calendar';
import { forEachHandOverSlice } from '../../store/dashboard-handovers';
import {
  countArrivals,
  countClosures,
  countClosuresByOwner,
  countFollowUpsByRep,
  type ArrivalRow,
  type ClosureRow,
  type KpiFilter,
  type LeadHalf,
  type OwnerClosureRow,
  type ResponseRow,
} from '../../store/dashboard-kpi';
import { sumStageStays, type StageStays } from '../../store/dashboard-stays';
import type { ReceiptCount } from '../../store/fairness-receipts';
import { createReceiptCounter, responseRowsOf } from './handovers';
import type { ResolvedPeriod } from './period';
import { createPeriodTallier, mergePeriodTallies, type PeriodTallies } from './response-figures';
import { createReceivedCounter, type GradeCounts } from './tables';

export interface KpiPartInput {
  readonly period: ResolvedPeriod;
  readonly filter: KpiFilter;
  /** The filter's tier's reps (inactive ones too); null without a tier. */
  readonly tierRepIds: readonly string[] | null;
  readonly calendar: WorkingCalendar | null;
  readonly targets: KpiTargets;
  readonly now: number;
  /** The half of the leads to read; null for all of them. */
  readonly half: LeadHalf | null;
  /** Which reads not split by lead this part makes: across the parts of a KPI row, each is made exactly once. */
  readonly wholeReads: { readonly closures: boolean; readonly activity: boolean };
}

/** The period's closures, not split by lead. */
export interface ClosureReads {
  /** Closures of the period and the one before, per day, grade and score band. */
  readonly closures: readonly ClosureRow[];
  readonly closuresByOwner: readonly OwnerClosureRow[];
}

/** The period's follow-ups per rep and stays per stage, not split by lead. */
export interface ActivityReads {
  readonly followUpsByRep: readonly { repId: string; count: number }[];
  readonly stays: readonly StageStays[];
}

export interface KpiPart {
  /** Arrivals of the period and the one before (countArrivals' rows: their sums are the figures). */
  readonly arrivals: readonly ArrivalRow[];
  readonly tallies: PeriodTallies;
  /** The period's fairness receipts per rep, kind, grade then and (distributed) day (createReceiptCounter). */
  readonly receipts: readonly ReceiptCount[];
  /** Distinct leads each rep received in the period, by grade then. */
  readonly receivedByGrade: ReadonlyMap<string, GradeCounts>;
  /** Leads with a hand-over in the period not yet contacted. */
  readonly notContactedLeads: number;
  readonly closures: ClosureReads | null;
  readonly activity: ActivityReads | null;
}

/** The part of the KPI row's reads the input names, from `db` as it stands (the caller holds the transaction). */
export function computeKpiPart(db: Database, input: KpiPartInput): KpiPart {
  const { period, filter } = input;
  const half = input.half ?? undefined;
  const both = { from: period.previous.from, to: period.to, utcOffsetMinutes: period.utcOffsetMinutes };
  const tierRepIds = input.tierRepIds === null ? undefined : new Set(input.tierRepIds);
  const tallier = createPeriodTallier(period, input.calendar, input.targets, input.now);
  const receipts = createReceiptCounter(period.from, period.to, period.utcOffsetMinutes);
  const received = createReceivedCounter();
  const notContacted = new Set<string>();
  // A week of hand-overs at a time, each counted into every figure and let go (forEachHandOverSlice).
  forEachHandOverSlice(db, both, filter.source, half, (handOvers) => {
    const responseRows = responseRowsOf(handOvers, filter, tierRepIds);
    tallier.add(responseRows);
    receipts.add(handOvers);
    const rowsNow: ResponseRow[] = [];
    for (const row of responseRows) {
      if (row.assignedAt < period.from) continue;
      rowsNow.push(row);
      if (row.firstContactAt === null) notContacted.add(row.leadId);
    }
    received.add(rowsNow);
  });
  return {
    arrivals: countArrivals(db, both, filter, period.from, half),
    tallies: tallier.finish(),
    receipts: receipts.totals(),
    receivedByGrade: received.counts(),
    notContactedLeads: notContacted.size,
    closures: input.wholeReads.closures
      ? {
          closures: countClosures(db, both, filter),
          closuresByOwner: countClosuresByOwner(db, period, filter),
        }
      : null,
    activity: input.wholeReads.activity
      ? { followUpsByRep: countFollowUpsByRep(db, period, filter), stays: sumStageStays(db, period, filter) }
      : null,
  };
}

function mergeReceived(
  a: ReadonlyMap<string, GradeCounts>,
  b: ReadonlyMap<string, GradeCounts>,
): Map<string, GradeCounts> {
  const merged = new Map<string, GradeCounts>(a);
  for (const [repId, counts] of b) {
    const seen = merged.get(repId);
    merged.set(
      repId,
      seen === undefined
        ? counts
        : {
            A: seen.A + counts.A,
            B: seen.B + counts.B,
            C: seen.C + counts.C,
            D: seen.D + counts.D,
            ungraded: seen.ungraded + counts.ungraded,
          },
    );
  }
  return merged;
}

/** The parts of the two halves of the leads as one part of all of them. */
export function mergeKpiParts(a: KpiPart, b: KpiPart): KpiPart {
  return {
    arrivals: [...a.arrivals, ...b.arrivals],
    tallies: mergePeriodTallies(a.tallies, b.tallies),
    // Fairness sums receipts and takes each rep's latest day: the two halves' lists read as one.
    receipts: [...a.receipts, ...b.receipts],
    receivedByGrade: mergeReceived(a.receivedByGrade, b.receivedByGrade),
    notContactedLeads: a.notContactedLeads + b.notContactedLeads,
    closures: a.closures ?? b.closures,
    activity: a.activity ?? b.activity,
  };
}
