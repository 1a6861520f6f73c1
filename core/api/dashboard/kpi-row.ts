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
import type { ReceiptCount } from '../../store/fairness-receipts';
import { listReps } from '../../store/reps';
import type { CallContext } from '../call-context';
import { readPeriodFairness } from '../distribution/fairness';
import { readDistributionSettings } from '../distribution/setup';
import { readSlaPolicy } from '../sla/settings';
import type { KpiInput } from './calls';
import type { KpiRow } from './schemas';
import { readKpiParts } from './kpi-parts';
import { figuresOfPeriodTallies } from './response-figures';
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

/**
 * The KPI row and the period's tables for the input's period and filters; each table is read once, the leads and
 * hand-overs on two threads when there are many (kpi-parts.ts).
 */
export async function computeKpiRow(ctx: CallContext, input: KpiInput): Promise<KpiRow> {
  const { db } = ctx;
  const period = resolvePeriod(input.from, input.to, readDistributionSettings(db).utcOffsetMinutes);
  const filter = filterOf(input);
  const targets = readKpiTargets(db);
  const tierRepIds = repsOfTier(db, filter.tier);
  const part = await readKpiParts(db, {
    period,
    filter,
    tierRepIds: tierRepIds === undefined ? null : [...tierRepIds],
    calendar: readSlaPolicy(db).calendar,
    targets,
    now: ctx.now,
  });
  const { closures, activity } = part;
  if (closures === null || activity === null)
    throw new Error('computeKpiRow: a read not split by lead is missing');
  const isCurrent = (day: number) => day >= period.firstDay;
  const arrivalsNow = part.arrivals.filter((row) => isCurrent(row.day));
  const arrivalsBefore = part.arrivals.filter((row) => !isCurrent(row.day));
  const conversionNow = conversionFromCounts(
    arrivalCounts(arrivalsNow),
    closureCounts(closures.closures.filter((row) => isCurrent(row.day))),
  );
  const conversionBefore = conversionFromCounts(
    arrivalCounts(arrivalsBefore),
    closureCounts(closures.closures.filter((row) => !isCurrent(row.day))),
  );
  const responses = figuresOfPeriodTallies(part.tallies);

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
      notContactedLeads: part.notContactedLeads,
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
    balance: readBalance(db, period, filter, targets, ctx.now, part.receipts),
    satisfaction: readPulseSummary(db, period.toDate),
    arrivalsSeries: seriesOf(
      period,
      arrivalsNow,
      (row) => row.day,
      (rows) => sumOf(rows, (r) => r.arrived),
    ).map((v) => v ?? 0),
    ...computePeriodTables(db, filter, {
      arrivalsNow,
      receivedByGrade: part.receivedByGrade,
      responseByRep: responses.byRep,
      closuresByOwner: closures.closuresByOwner,
      followUpsByRep: activity.followUpsByRep,
      stays: activity.stays,
    }),
  };
}
