// What the KPI row reads, in two parts that share nothing: the period's hand-overs (response time, balance, leads
// received) and its leads (arrivals, closures, follow-ups, stays). With many hand-overs the Dashboard reads the
// hand-overs on a worker thread (kpi-part-worker.ts) while this thread reads the leads (kpi-parts.ts): each part is
// whole, so nothing is merged, and each thread runs (and V8 compiles) only its own part's code.
import type { Database } from 'better-sqlite3';
import { createRng } from '../../domain/clock';
import {
  balanceFromFairness,
  balancePointsOf,
  type BalanceReport,
  type GroupBalancePoint,
} from '../../domain/kpi/balance';
import { computeBalanceTrend, type BalanceTrendPoint } from '../../domain/kpi/balance-trend';
import { computePeriodFairness, type Receipt } from '../../domain/distribution/fair-shares';
import type { KpiTargets } from '../../domain/kpi/targets';
import type { WorkingCalendar } from '../../domain/sla/working-calendar';
import type { ArrivalRow } from '../../store/arrival-days';
import { forEachHandOverSlice, type HandOverRow } from '../../store/dashboard-handovers';
import {
  countArrivals,
  countClosures,
  countClosuresByOwner,
  countFollowUpsByRep,
  sumArrivals,
  sumClosures,
  type ArrivalTotals,
  type ClosureRow,
  type ClosureTotals,
  type KpiFilter,
  type OwnerClosureRow,
} from '../../store/dashboard-kpi';
import { sumStageStays, type StageStays } from '../../store/dashboard-stays';
import type { ReceiptCount } from '../../store/fairness-receipts';
import { readFairnessReps, receiptsOfCounts } from '../distribution/fairness';
import { createReceiptCounter, responseRowsOf } from './handovers';
import type { ResolvedPeriod } from './period';
import { createPeriodTallier, figuresOfPeriodTallies, type PeriodResponses } from './response-figures';
import { createReceivedCounter, type GradeCounts } from './tables';

export interface KpiReadInput {
  readonly period: ResolvedPeriod;
  readonly filter: KpiFilter;
  /** The filter's tier's reps (inactive ones too); null without a tier. */
  readonly tierRepIds: readonly string[] | null;
  readonly calendar: WorkingCalendar | null;
  readonly targets: KpiTargets;
  readonly now: number;
}

/** The period's hand-overs, read once (listHandOvers) for response time, balance and the leads each rep received. */
export interface HandOverReads {
  readonly responses: PeriodResponses;
  readonly balance: BalanceReport;
  /** The same figures for the period before, to compare with (values only). */
  readonly balanceBefore: readonly GroupBalancePoint[];
  /** All leads' Gini window by window through the period: the balance card's sparkline. */
  readonly balanceTrend: readonly BalanceTrendPoint[];
  /** Distinct leads each rep received in the period, by grade then. */
  readonly receivedByGrade: ReadonlyMap<string, GradeCounts>;
  /** Leads with a hand-over in the period not yet contacted. */
  readonly notContactedLeads: number;
}

/** The period's closures. */
export interface ClosureReads {
  /** Closures of the period, per day, grade and score band. */
  readonly closures: readonly ClosureRow[];
  /** Closures of the period before, summed: its conversion of closed leads, to compare with. */
  readonly closuresBefore: ClosureTotals;
  readonly closuresByOwner: readonly OwnerClosureRow[];
}

/** The period's follow-ups per rep and stays per stage. */
export interface ActivityReads {
  readonly followUpsByRep: readonly { repId: string; count: number }[];
  readonly stays: readonly StageStays[];
}

/** The period's leads: their arrivals, closures, follow-ups and stays. */
export interface LeadReads {
  /** Arrivals of the period (countArrivals' rows: their sums are the figures). */
  readonly arrivals: readonly ArrivalRow[];
  /** Arrivals of the period before, summed: its conversion and loss, to compare with. */
  readonly arrivalsBefore: ArrivalTotals;
  readonly closures: ClosureReads;
  readonly activity: ActivityReads;
}

/** The period and the one before, as the reads of both take them. */
function bothPeriods(period: ResolvedPeriod) {
  return { from: period.previous.from, to: period.to, utcOffsetMinutes: period.utcOffsetMinutes };
}

/** The hand-over part, from `db` as it stands (the caller holds the transaction). */
export function readHandOvers(db: Database, input: KpiReadInput): HandOverReads {
  const { period, filter } = input;
  const tierRepIds = input.tierRepIds === null ? undefined : new Set(input.tierRepIds);
  const tallier = createPeriodTallier(period, input.calendar, input.targets, input.now);
  const receipts = createReceiptCounter(period.from, period.to, period.utcOffsetMinutes);
  const receiptsBefore = createReceiptCounter(
    period.previous.from,
    period.previous.to,
    period.utcOffsetMinutes,
  );
  const received = createReceivedCounter(period.from);
  const notContacted = new Set<string>();
  // A week of hand-overs at a time, each counted into every figure and let go (forEachHandOverSlice).
  forEachHandOverSlice(db, bothPeriods(period), filter.source, (handOvers) => {
    const responseRows = responseRowsOf(handOvers, filter, tierRepIds);
    tallier.add(responseRows);
    receipts.add(handOvers);
    receiptsBefore.add(handOvers);
    const rowsNow: HandOverRow[] = [];
    for (const row of responseRows) {
      if (row.assignedAt < period.from) continue;
      rowsNow.push(row);
      if (row.firstContactAt === null) notContacted.add(row.leadId);
    }
    received.add(rowsNow);
  });
  return {
    responses: figuresOfPeriodTallies(tallier.finish()),
    ...readBalances(db, input, receipts.totals(), receiptsBefore.totals(), tierRepIds),
    receivedByGrade: received.counts(),
    notContactedLeads: notContacted.size,
  };
}

/** The lead part, from `db` as it stands (the caller holds the transaction). */
export function readLeads(db: Database, input: KpiReadInput): LeadReads {
  const { period, filter } = input;
  return {
    arrivals: countArrivals(db, period, filter),
    arrivalsBefore: sumArrivals(db, period.previous, filter),
    closures: {
      closures: countClosures(db, period, filter),
      closuresBefore: sumClosures(db, period.previous, filter),
      closuresByOwner: countClosuresByOwner(db, period, filter),
    },
    activity: {
      followUpsByRep: countFollowUpsByRep(db, period, filter),
      stays: sumStageStays(db, period, filter),
    },
  };
}

/**
 * Balance for the period as the distribution page counts fairness (computePeriodFairness: leads given by
 * distribution, at their grade then, owed to the reps there each day), with intervals and verdicts, from the
 * period's receipts as countReceipts counts them; a tier filter (`inTier`, its reps) keeps that tier's reps. A source
 * or a single rep has no balance of its own: those filters leave it team-wide. The same for the period before, and
 * the period's trend (balance-trend.ts).
 */
function readBalances(
  db: Database,
  { period, targets, now }: KpiReadInput,
  counted: readonly ReceiptCount[],
  countedBefore: readonly ReceiptCount[],
  inTier: ReadonlySet<string> | undefined,
): Pick<HandOverReads, 'balance' | 'balanceBefore' | 'balanceTrend'> {
  const reps = readFairnessReps(db, period.utcOffsetMinutes, now);
  const isIncluded = inTier === undefined ? undefined : (repId: string) => inTier.has(repId);
  const fairnessOf = (of: Pick<ResolvedPeriod, 'fromDate' | 'toDate'>, receipts: readonly Receipt[]) =>
    computePeriodFairness({ reps, receipts, from: of.fromDate, to: of.toDate, now });
  const receipts = receiptsOfCounts(counted);
  return {
    balance: balanceFromFairness(
      fairnessOf(period, receipts),
      // Seeded by the period, so the same question always gets the same interval.
      createRng(period.firstDay * 31 + period.days),
      targets.balance,
      isIncluded,
    ),
    // Only compared with: its values, without the intervals a verdict needs.
    balanceBefore: balancePointsOf(
      fairnessOf(period.previous, receiptsOfCounts(countedBefore)),
      targets.balance,
      isIncluded,
    ),
    balanceTrend: computeBalanceTrend({
      reps,
      receipts,
      dates: period.dates,
      now,
      options: targets.balance,
      ...(isIncluded === undefined ? {} : { isIncluded }),
    }),
  };
}
