// The KPI row's response time in one pass over the period's hand-overs: the period and the one before, each grade,
// each rep and each day, every assignment judged once (createResponseTallier), no object per assignment.
import type { ResponseFigures } from '../../domain/kpi/response-time';
import {
  createResponseTallier,
  EMPTY_RESPONSE_TALLY,
  figuresOfTally,
  type ResponseTallier,
  type ResponseTally,
} from '../../domain/kpi/response-groups';
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

/** The tallies behind PeriodResponses. */
export interface PeriodTallies {
  readonly current: ResponseTally;
  readonly previous: ResponseTally;
  /** In SLA_GRADE_KEYS order. */
  readonly byGrade: readonly ResponseTally[];
  readonly byRep: ReadonlyMap<string, ResponseTally>;
  /** One per day of the period. */
  readonly byDay: readonly ResponseTally[];
}

/**
 * The tallies of hand-overs of the period and the one before it (as listResponses reads them), added in slices:
 * each assignment judged once and counted into the period or the one before, its grade, its rep and its day.
 */
export interface PeriodTallier {
  add(rows: readonly ResponseRow[]): void;
  finish(): PeriodTallies;
}

export function createPeriodTallier(
  period: ResolvedPeriod,
  calendar: WorkingCalendar | null,
  targets: KpiTargets,
  now: number,
): PeriodTallier {
  return new HandOverTallier(period, calendar, targets, now);
}

/** Groups: 0 the period, 1–5 its grades, 6 the period before, then one per day of the period. */
const BEFORE = 1 + SLA_GRADE_KEYS.length;
const FIRST_DAY = BEFORE + 1;
const GRADE_INDEX = new Map<SlaGradeKey, number>(SLA_GRADE_KEYS.map((key, i) => [key, 1 + i]));

/** A class so that every load runs the same `add` (see GroupTallier); reps are numbered as they first come. */
class HandOverTallier implements PeriodTallier {
  private readonly period: ResolvedPeriod;
  /** After the days, one group per rep in the order the reps first come (their number is known only at the end). */
  private readonly firstRep: number;
  private readonly repIndex = new Map<string, number>();
  private readonly tallier: ResponseTallier;
  private readonly into: number[] = [];

  constructor(period: ResolvedPeriod, calendar: WorkingCalendar | null, targets: KpiTargets, now: number) {
    this.period = period;
    this.firstRep = FIRST_DAY + period.days;
    this.tallier = createResponseTallier(calendar, targets.responseMinutes, now);
  }

  add(rows: readonly ResponseRow[]): void {
    const { period, into, tallier, repIndex } = this;
    for (const row of rows) {
      if (row.assignedAt < period.from) {
        into[0] = BEFORE;
        tallier.add(row, into, 1);
        continue;
      }
      let count = 0;
      into[count++] = 0;
      const grade = GRADE_INDEX.get(row.grade ?? 'ungraded');
      if (grade !== undefined) into[count++] = grade;
      let rep = repIndex.get(row.repId);
      if (rep === undefined) repIndex.set(row.repId, (rep = repIndex.size));
      into[count++] = this.firstRep + rep;
      const day = localDayNumber(row.assignedAt, period.utcOffsetMinutes) - period.firstDay;
      if (day >= 0 && day < period.days) into[count++] = FIRST_DAY + day;
      tallier.add(row, into, count);
    }
  }

  finish(): PeriodTallies {
    const { firstRep, repIndex, period } = this;
    const tallies = this.tallier.finish(firstRep + repIndex.size);
    const at = (i: number): ResponseTally => tallies[i] ?? EMPTY_RESPONSE_TALLY;
    return {
      current: at(0),
      previous: at(BEFORE),
      byGrade: SLA_GRADE_KEYS.map((_, i) => at(1 + i)),
      byRep: new Map([...repIndex].map(([repId, i]) => [repId, at(firstRep + i)])),
      byDay: Array.from({ length: period.days }, (_, d) => at(FIRST_DAY + d)),
    };
  }
}

/** What reportResponses, summarizeResponses per rep and the per-day medians give of the tallied hand-overs. */
export function figuresOfPeriodTallies(tallies: PeriodTallies): PeriodResponses {
  const byGrade = {} as Record<SlaGradeKey, ResponseFigures>;
  SLA_GRADE_KEYS.forEach((key, i) => {
    byGrade[key] = figuresOfTally(tallies.byGrade[i] ?? EMPTY_RESPONSE_TALLY);
  });
  return {
    current: figuresOfTally(tallies.current),
    previous: figuresOfTally(tallies.previous),
    byGrade,
    series: tallies.byDay.map((day) => (day.assigned === 0 ? null : figuresOfTally(day).medianMinutes)),
    byRep: new Map([...tallies.byRep].map(([repId, tally]) => [repId, figuresOfTally(tally)])),
  };
}
