// The KPI row: response time, conversion, loss, balance and satisfaction for a period, the period before it, and a
// per-day sparkline of each — SQL counts per day, grade and source; core/domain/kpi defines every figure.
import type { Database } from 'better-sqlite3';
import type { ArrivalCount, ClosureCount } from '../../domain/kpi/conversion';
import { conversionFigures, conversionFromCounts } from '../../domain/kpi/conversion';
import { lossFromCounts } from '../../domain/kpi/loss';
import type { SlaGradeKey } from '../../domain/sla/sla-policy';
import type { ArrivalRow } from '../../store/arrival-days';
import type { ArrivalTotals, ClosureRow } from '../../store/dashboard-kpi';
import { listReps } from '../../store/reps';
import type { CallContext } from '../call-context';
import { readDistributionSettings } from '../distribution/setup';
import { readSlaPolicy } from '../sla/settings';
import type { KpiInput } from './calls';
import type { KpiRow } from './schemas';
import { readKpiParts } from './kpi-parts';
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

/** The period's arrivals summed, as the period before's are read (sumArrivals). */
function totalsOf(rows: readonly ArrivalRow[]): ArrivalTotals {
  const sum = (pick: (row: ArrivalRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    arrived: sum((r) => r.arrived),
    won: sum((r) => r.won),
    lost: sum((r) => r.lost),
    recycled: sum((r) => r.recycled),
    neverContacted: sum((r) => r.neverContacted),
    anyLoss: sum((r) => r.anyLoss),
  };
}

function lossOf(totals: ArrivalTotals) {
  return lossFromCounts({
    arrived: totals.arrived,
    lost: totals.lost,
    recycled: totals.recycled,
    neverContacted: totals.neverContacted,
    any: totals.anyLoss,
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

/** The ids of a tier's reps, inactive ones too; null without a tier. */
function repsOfTier(db: Database, tier: string | undefined): string[] | null {
  return tier === undefined
    ? null
    : listReps(db, { includeInactive: true })
        .filter((rep) => rep.tier === tier)
        .map((rep) => rep.id as string);
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
  const { handOvers, leads } = await readKpiParts(db, {
    period,
    filter,
    tierRepIds: repsOfTier(db, filter.tier),
    calendar: readSlaPolicy(db).calendar,
    targets,
    now: ctx.now,
  });
  const { closures, activity } = leads;
  const arrivalsNow = leads.arrivals;
  const conversionNow = conversionFromCounts(arrivalCounts(arrivalsNow), closureCounts(closures.closures));
  const { responses } = handOvers;

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
      notContactedLeads: handOvers.notContactedLeads,
    },
    conversion: {
      current: conversionNow.overall,
      previous: conversionFigures(leads.arrivalsBefore, closures.closuresBefore),
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
      current: lossOf(totalsOf(arrivalsNow)),
      previous: lossOf(leads.arrivalsBefore),
      series: seriesOf(
        period,
        arrivalsNow,
        (row) => row.day,
        (rows) => sumOf(rows, (r) => r.anyLoss) / sumOf(rows, (r) => r.arrived),
      ),
    },
    balance: {
      ...handOvers.balance,
      previous: handOvers.balanceBefore.map(({ group, leads, stdDev, gini }) => ({
        group,
        leads,
        stdDev,
        gini,
      })),
      trend: handOvers.balanceTrend,
    },
    satisfaction: readPulseSummary(db, period.toDate),
    arrivalsSeries: seriesOf(
      period,
      arrivalsNow,
      (row) => row.day,
      (rows) => sumOf(rows, (r) => r.arrived),
    ).map((v) => v ?? 0),
    ...computePeriodTables(db, filter, {
      arrivalsNow,
      receivedByGrade: handOvers.receivedByGrade,
      responseByRep: responses.byRep,
      closuresByOwner: closures.closuresByOwner,
      followUpsByRep: activity.followUpsByRep,
      stays: activity.stays,
    }),
  };
}
