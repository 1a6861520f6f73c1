// The KPI row's response time in one pass over the period's hand-overs: the period and the one before, each grade,
// each rep and each day, every assignment judged once (summarizeResponseGroups), no object per assignment.
import type { ResponseFigures } from '../../domain/kpi/response-time';
import { summarizeResponseGroups } from '../../domain/kpi/response-groups';
import type { KpiTargets } from '../../domain/kpi/targets';
import { SLA_GRADE_KEYS, type SlaGradeKey } from '../../domain/sla/sla-policy';
import type { WorkingCalendar } from '../../domain/sla/working-calendar';
import type { ResponseRow } from '../../store/dashboard-kpi';
import { localDayNumber, type ResolvedPeriod } from './period';

export interface PeriodResponses {
  readonly current: ResponseFigures;
  readonly previous: ResponseFigures;
  readonly byGrade: Readonly<Record<SlaGradeKey, ResponseFigures>>;
  /** Median business minutes of each day's hand-overs; null for a day without any. */
  readonly series: (number | null)[];
  /** The period's figures of each rep with a hand-over in it. */
  readonly byRep: ReadonlyMap<string, ResponseFigures>;
}

/**
 * Response time of `rows` (hand-overs of the period and the one before it, as listResponses reads them): what
 * reportResponses, summarizeResponses per rep and the per-day medians gave of judgeResponses' verdicts.
 */
export function periodResponses(
  period: ResolvedPeriod,
  rows: readonly ResponseRow[],
  calendar: WorkingCalendar | null,
  targets: KpiTargets,
  now: number,
): PeriodResponses {
  // Groups: 0 the period, 1–5 its grades, 6 the period before, then one per rep, then one per day of the period.
  const gradeIndex = new Map<SlaGradeKey, number>(SLA_GRADE_KEYS.map((key, i) => [key, 1 + i]));
  const before = 1 + SLA_GRADE_KEYS.length;
  const repIndex = new Map<string, number>();
  for (const row of rows)
    if (row.assignedAt >= period.from && !repIndex.has(row.repId)) repIndex.set(row.repId, repIndex.size);
  const firstRep = before + 1;
  const firstDay = firstRep + repIndex.size;
  const figures = summarizeResponseGroups(
    rows,
    calendar,
    targets.responseMinutes,
    now,
    firstDay + period.days,
    (row, _index, into) => {
      if (row.assignedAt < period.from) {
        into[0] = before;
        return 1;
      }
      let count = 0;
      into[count++] = 0;
      const grade = gradeIndex.get(row.grade ?? 'ungraded');
      if (grade !== undefined) into[count++] = grade;
      const rep = repIndex.get(row.repId);
      if (rep !== undefined) into[count++] = firstRep + rep;
      const day = localDayNumber(row.assignedAt, period.utcOffsetMinutes) - period.firstDay;
      if (day >= 0 && day < period.days) into[count++] = firstDay + day;
      return count;
    },
  );
  const at = (i: number): ResponseFigures => {
    const found = figures[i];
    if (found === undefined) throw new Error(`periodResponses: no group ${i} of ${figures.length}`);
    return found;
  };
  const byGrade = {} as Record<SlaGradeKey, ResponseFigures>;
  SLA_GRADE_KEYS.forEach((key, i) => {
    byGrade[key] = at(1 + i);
  });
  return {
    current: at(0),
    previous: at(before),
    byGrade,
    series: Array.from({ length: period.days }, (_, d) => {
      const day = at(firstDay + d);
      return day.assigned === 0 ? null : day.medianMinutes;
    }),
    byRep: new Map([...repIndex].map(([repId, i]) => [repId, at(firstRep + i)])),
  };
}
