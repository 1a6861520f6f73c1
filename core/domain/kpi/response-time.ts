// Response time: assignment → first contact in business time (working hours only), per grade and overall.
import { MINUTE_MS } from '../clock';
import type { Grade } from '../funnel';
import type { SlaGradeKey } from '../sla/sla-policy';
import { SLA_GRADE_KEYS } from '../sla/sla-policy';
import { businessMsBetween, type WorkingCalendar } from '../sla/working-calendar';
import type { Estimate, HistogramBucket } from './stats';
import { histogramOfSorted, meanOf, proportionEstimate, quantileOfSorted } from './stats';

/** One assignment in the period: when the rep got the lead and when they first contacted it after that. */
export interface ResponseFact {
  readonly grade: Grade | null;
  /** Epoch ms. */
  readonly assignedAt: number;
  /** The first logged follow-up or call at or after `assignedAt`; null when none yet. */
  readonly firstContactAt: number | null;
}

/** Business minutes: the histogram's bucket edges (a working day is 9 hours = 540 minutes). */
export const RESPONSE_HISTOGRAM_EDGES = [5, 15, 30, 60, 240, 540] as const;

export interface ResponseFigures {
  /** Assignments in the sample (contacted or not). */
  readonly assigned: number;
  /** Contacted ones: the sample of the time figures. */
  readonly contacted: number;
  /** Not contacted yet, now. */
  readonly notContacted: number;
  /** Business minutes; null with no contacted lead. */
  readonly medianMinutes: number | null;
  readonly meanMinutes: number | null;
  readonly p90Minutes: number | null;
  /**
   * Share reached within their grade's target, over the assignments whose outcome is known now (contacted, or
   * uncontacted with the target already passed); a lead still inside its target is not counted either way.
   */
  readonly withinTarget: Estimate;
  readonly histogram: readonly HistogramBucket[];
}

export interface ResponseTimeReport {
  readonly overall: ResponseFigures;
  readonly byGrade: Readonly<Record<SlaGradeKey, ResponseFigures>>;
}

/** Business minutes from assignment to first contact; null when not contacted. Never negative. */
export function responseMinutes(fact: ResponseFact, calendar: WorkingCalendar | null): number | null {
  if (fact.firstContactAt === null) return null;
  return businessMsBetween(fact.assignedAt, fact.firstContactAt, calendar) / MINUTE_MS;
}

/** One assignment judged once: its business minutes (null = not contacted) and its verdict against the target. */
export interface JudgedResponse {
  readonly grade: SlaGradeKey;
  readonly assignedAt: number;
  readonly minutes: number | null;
  /** Contacted, or uncontacted with the target already passed. */
  readonly isDecided: boolean;
  readonly isWithinTarget: boolean;
}

/** One assignment judged: its business minutes to first contact and its verdict against its grade's target. */
export function judgeResponse(
  fact: ResponseFact,
  calendar: WorkingCalendar | null,
  targetMinutes: Readonly<Record<SlaGradeKey, number>>,
  now: number,
): JudgedResponse {
  const grade = fact.grade ?? 'ungraded';
  const target = targetMinutes[grade];
  const minutes = responseMinutes(fact, calendar);
  const isDecided =
    minutes !== null || businessMsBetween(fact.assignedAt, now, calendar) / MINUTE_MS > target;
  return {
    grade,
    assignedAt: fact.assignedAt,
    minutes,
    isDecided,
    isWithinTarget: minutes !== null && minutes <= target,
  };
}

/** Judges each assignment once, so grouping by grade, day or rep never recomputes business time. */
export function judgeResponses(
  facts: readonly ResponseFact[],
  calendar: WorkingCalendar | null,
  targetMinutes: Readonly<Record<SlaGradeKey, number>>,
  now: number,
): JudgedResponse[] {
  return facts.map((fact) => judgeResponse(fact, calendar, targetMinutes, now));
}

/**
 * The hand-overs a response figure is made of: reached within their target (the share's count), missed it
 * (contacted late, or not contacted with the target passed), or either — the outcome known (the share's base).
 */
export const RESPONSE_OUTCOMES = ['within', 'missed', 'decided'] as const;
export type ResponseOutcome = (typeof RESPONSE_OUTCOMES)[number];

export function hasResponseOutcome(judged: JudgedResponse, outcome: ResponseOutcome): boolean {
  if (outcome === 'within') return judged.isWithinTarget;
  if (outcome === 'missed') return judged.isDecided && !judged.isWithinTarget;
  return judged.isDecided;
}

/** The figures of a group of judged assignments (see ResponseFigures for the invariants). */
export function summarizeResponses(judged: readonly JudgedResponse[]): ResponseFigures {
  // Contacted minutes straight into a typed array (no array of 100k boxed numbers), sorted once natively, and every
  // quantile, the mean and the histogram read from it.
  const buffer = new Float64Array(judged.length);
  let contacted = 0;
  let decided = 0;
  let within = 0;
  for (const j of judged) {
    if (j.minutes !== null) {
      buffer[contacted] = j.minutes;
      contacted += 1;
    }
    if (j.isDecided) decided += 1;
    if (j.isWithinTarget) within += 1;
  }
  return figuresOfSorted(buffer.subarray(0, contacted).sort(), judged.length, decided, within);
}

/** The figures of a group from its contacted minutes sorted ascending and its counts (see ResponseFigures). */
export function figuresOfSorted(
  sorted: Float64Array,
  assigned: number,
  decided: number,
  within: number,
): ResponseFigures {
  return {
    assigned,
    contacted: sorted.length,
    notContacted: assigned - sorted.length,
    medianMinutes: quantileOfSorted(sorted, 0.5),
    meanMinutes: meanOf(sorted),
    p90Minutes: quantileOfSorted(sorted, 0.9),
    withinTarget: proportionEstimate(within, decided),
    histogram: histogramOfSorted(sorted, RESPONSE_HISTOGRAM_EDGES),
  };
}

/** Overall and per-grade figures of judged assignments (one pass splits them by grade). */
export function reportResponses(judged: readonly JudgedResponse[]): ResponseTimeReport {
  const groups = new Map<SlaGradeKey, JudgedResponse[]>(SLA_GRADE_KEYS.map((key) => [key, []]));
  for (const j of judged) groups.get(j.grade)?.push(j);
  const byGrade = {} as Record<SlaGradeKey, ResponseFigures>;
  for (const key of SLA_GRADE_KEYS) byGrade[key] = summarizeResponses(groups.get(key) ?? []);
  return { overall: summarizeResponses(judged), byGrade };
}

/**
 * Response time figures. Invariants: contacted + notContacted = assigned; histogram counts sum to contacted; the
 * clock only runs inside the calendar's working hours (a lead assigned Friday 17:55 and called Monday 9:05 took
 * 10 minutes); a null calendar counts wall-clock time.
 */
export function computeResponseTimes(
  facts: readonly ResponseFact[],
  calendar: WorkingCalendar | null,
  targetMinutes: Readonly<Record<SlaGradeKey, number>>,
  now: number,
): ResponseTimeReport {
  return reportResponses(judgeResponses(facts, calendar, targetMinutes, now));
}
