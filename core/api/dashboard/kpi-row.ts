// The KPI row: response time, conversion, loss, balance and satisfaction for a period, the period before it, and a
// per-day sparkline of each — SQL counts per day, grade and source; core/domain/kpi defines every figure.
import type { Database } from 'better-sqlite3';
import { createRng } from '../../domain/clock';
import { balanceFromFairness, type BalanceReport } from '../../domain/kpi/balance';
import type { ArrivalCount, ClosureCount } from '../../domain/kpi/conversion';
import { conversionFromCounts } from '../../domain/kpi/conversion';
import { lossFromCounts } from '../../domain/kpi/loss';
import type { KpiTargets } from '../../domain/kpi/targets';
import type { SlaGradeKey } from '../../domain/sla/sla-policy';
import type { ArrivalRow, ClosureRow, KpiFilter } from '../../store/dashboard-kpi';
import { countArrivals, countClosures } from '../../store/dashboard-kpi';
import { listHandOvers } from '../../store/dashboard-handovers';
import type { ReceiptCount } from '../../store/fairness-receipts';
import { listReps } from '../../store/reps';
import type { CallContext } from '../call-context';
import { readPeriodFairness } from '../distribution/fairness';
import { readDistributionSettings } from '../distribution/setup';
import { readSlaPolicy } from '../sla/settings';
import type { KpiInput } from './calls';
import type { KpiRow } from './schemas';
import { receiptTotalsOf, responseRowsOf } from './handovers';
import { periodResponses } from './response-figures';
import { computePeriodTables } from './tables';
import { filterOf, gradeKeyOf } from './rows';
import { resolvePeriod, type ResolvedPeriod } from './period';
import { readPulseSummary } from './pulse';
import { readKpiTargets } from './targets';

function arrivalCounts(rows: readonly ArrivalRow[]): ArrivalCount[] {
  const byGrade = new Map<SlaGradeKey, { arrived: number; won: number }>();
  for (const row of rows) {
    const key = gradeKeyOf(row.grade);
    const entry = byGrade.get(key) ?? { arrived: 0, won: 0 };
    entry.arrived += row.arrived;
    entry.won += row.won;
    byGrade.set(key, entry);
  }
  return [...byGrade].map(([grade, c]) => ({ grade, ...c }));
}

function closureCounts(rows: readonly ClosureRow[]): ClosureCount[] {
  return rows.map((row) => ({
    grade: gradeKeyOf(row.grade),
    bandFrom: row.band,
    closed: row.closed,
    won: row.won,
    // No learned prediction is stored per lead: calibration shows the observed share only.
    predictedSum: 0,
    predictedCount: 0,
  }));
}

function lossOf(rows: readonly ArrivalRow[]) {
  const sum = (pick: (row: ArrivalRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return lossFromCounts({
    arrived: sum((r) => r.arrived),
    lost: sum((r) => r.lost),
    recycled: sum((r) => r.recycled),
    neverContacted: sum((r) => r.neverContacted),
    any: sum((r) => r.anyLoss),
  });
}

/** One value per day of the period: `value` of the rows of that day, null for a day without rows. */
function seriesOf<T>(
  period: ResolvedPeriod,
  rows: readonly T[],
  dayOf: (row: T) => number,
  value: (rows: readonly T[]) => number | null,
): (number | null)[] {
  const byDay: T[][] = period.dates.map(() => []);
  for (const row of rows) byDay[dayOf(row) - period.firstDay]?.push(row);
  return byDay.map((dayRows) => (dayRows.length === 0 ? null : value(dayRows)));
}

/** The ids of a tier's reps, inactive ones too; undefined without a tier. */
function repsOfTier(db: Database, tier: string | undefined): Set<string> | undefined {
  return tier === undefined
    ? undefined
    : new Set(
        listReps(db, { includeInactive: true })
          .filter((rep) => rep.tier === tier)
          .map((rep) => rep.id as string),
      );
}

/**
 * Balance for the period as the distribution page counts fairness (readPeriodFairness: leads given by
 * distribution, at their grade then, per available day), with intervals and verdicts; a tier filter keeps that
 * tier's reps. A source or a single rep has no balance of its own: those filters leave it team-wide. `counted`:
 * the period's receipts as countReceipts counts them, when the caller has them.
 */
export function readBalance(
  db: Database,
  period: ResolvedPeriod,
  filter: KpiFilter,
  targets: KpiTargets,
  now: number,
  counted?: readonly ReceiptCount[],
): BalanceReport {
  const fairness = readPeriodFairness(
    db,
    period.fromDate,
    period.toDate,
    period.utcOffsetMinutes,
    now,
    counted,
  );
  const inTier = repsOfTier(db, filter.tier);
  // Seeded by the period, so the same question always gets the same interval.
  return balanceFromFairness(
    fairness,
    createRng(period.firstDay * 31 + period.days),
    targets.balance,
    inTier === undefined ? undefined : (repId) => inTier.has(repId),
  );
}

/** The KPI row and the period's tables for the input's period and filters; each table is read once. */
export function computeKpiRow(ctx: CallContext, input: KpiInput): KpiRow {
  const { db } = ctx;
  const period = resolvePeriod(input.from, input.to, readDistributionSettings(db).utcOffsetMinutes);
  const both = { from: period.previous.from, to: period.to, utcOffsetMinutes: period.utcOffsetMinutes };
  const filter = filterOf(input);
  const targets = readKpiTargets(db);
  const calendar = readSlaPolicy(db).calendar;
  const isCurrent = (day: number) => day >= period.firstDay;

  const arrivals = countArrivals(db, both, filter, period.from);
  const arrivalsNow = arrivals.filter((row) => isCurrent(row.day));
  const arrivalsBefore = arrivals.filter((row) => !isCurrent(row.day));
  const closures = countClosures(db, both, filter);
  const conversionNow = conversionFromCounts(
    arrivalCounts(arrivalsNow),
    closureCounts(closures.filter((row) => isCurrent(row.day))),
  );
  const conversionBefore = conversionFromCounts(
    arrivalCounts(arrivalsBefore),
    closureCounts(closures.filter((row) => !isCurrent(row.day))),
  );

  // One read of the hand-overs for response time (listResponses' rows for the filter) and balance (countReceipts'
  // counts): reading them twice was a fifth of the KPI row's time.
  const handOvers = listHandOvers(db, both, filter.source);
  const responseRows = responseRowsOf(handOvers, filter, repsOfTier(db, filter.tier));
  const rowsNow = responseRows.filter((row) => row.assignedAt >= period.from);
  // Rows are ResponseFacts as read (their grade is a Grade or null), each judged once for all its groups.
  const responses = periodResponses(period, responseRows, calendar, targets, ctx.now);

  const sumOf = (rows: readonly ArrivalRow[], pick: (row: ArrivalRow) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  return {
    period: { from: period.fromDate, to: period.toDate, days: period.days },
    previous: { from: period.previous.fromDate, to: period.previous.toDate },
    seriesDates: period.dates,
    targets,
    response: {
      current: responses.current,
      previous: responses.previous,
      byGrade: responses.byGrade,
      series: responses.series,
      notContactedLeads: new Set(rowsNow.filter((r) => r.firstContactAt === null).map((r) => r.leadId)).size,
    },
    conversion: {
      current: conversionNow.overall,
      previous: conversionBefore.overall,
      byGrade: conversionNow.byGrade,
      calibration: conversionNow.calibration,
      series: seriesOf(
        period,
        arrivalsNow,
        (row) => row.day,
        (rows) => sumOf(rows, (r) => r.won) / sumOf(rows, (r) => r.arrived),
      ),
    },
    loss: {
      current: lossOf(arrivalsNow),
      previous: lossOf(arrivalsBefore),
      series: seriesOf(
        period,
        arrivalsNow,
        (row) => row.day,
        (rows) => sumOf(rows, (r) => r.anyLoss) / sumOf(rows, (r) => r.arrived),
      ),
    },
    balance: readBalance(
      db,
      period,
      filter,
      targets,
      ctx.now,
      receiptTotalsOf(handOvers, period.from, period.to, period.utcOffsetMinutes),
    ),
    satisfaction: readPulseSummary(db, period.toDate),
    arrivalsSeries: seriesOf(
      period,
      arrivalsNow,
      (row) => row.day,
      (rows) => sumOf(rows, (r) => r.arrived),
    ).map((v) => v ?? 0),
    ...computePeriodTables(db, period, filter, { arrivalsNow, rowsNow, responseByRep: responses.byRep }),
  };
}
