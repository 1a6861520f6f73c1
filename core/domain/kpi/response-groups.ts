// Response time figures of many groups at once (the period and the one before, per grade, per rep, per day): each
// assignment judged once, as judgeResponses judges it, and counted into its groups, with no object per assignment;
// tallies of disjoint assignments merge before any figure is taken (the Dashboard reads its hand-overs in halves).
import { MINUTE_MS } from '../clock';
import type { SlaGradeKey } from '../sla/sla-policy';
import { businessMsBetween, type WorkingCalendar } from '../sla/working-calendar';
import { figuresOfSorted, responseMinutes, type ResponseFact, type ResponseFigures } from './response-time';

/** One group's running counts and its contacted minutes (a plain array of doubles: V8 keeps them unboxed). */
interface Group {
  assigned: number;
  decided: number;
  within: number;
  readonly minutes: number[];
}

/**
 * A group's counts and its contacted minutes, sorted: what figuresOfSorted needs, and what two disjoint sets of
 * assignments add up to (mergeResponseTallies) before any figure is taken.
 */
export interface ResponseTally {
  readonly assigned: number;
  readonly decided: number;
  readonly within: number;
  /** Business minutes of the contacted assignments, ascending. */
  readonly minutes: Float64Array;
}

export const EMPTY_RESPONSE_TALLY: ResponseTally = {
  assigned: 0,
  decided: 0,
  within: 0,
  minutes: new Float64Array(0),
};

/**
 * The tallies of `groupCount` groups of judgeResponses' verdicts: `groupsOf` writes the groups the fact at `index`
 * belongs to into `into` and answers how many. Invariant: for every group g, figuresOfTally(result[g]) equals
 * summarizeResponses(judgeResponses(facts of g, …)).
 */
export function tallyResponseGroups<F extends ResponseFact>(
  facts: readonly F[],
  calendar: WorkingCalendar | null,
  targetMinutes: Readonly<Record<SlaGradeKey, number>>,
  now: number,
  groupCount: number,
  groupsOf: (fact: F, index: number, into: number[]) => number,
): ResponseTally[] {
  const groups: Group[] = Array.from({ length: groupCount }, () => ({
    assigned: 0,
    decided: 0,
    within: 0,
    minutes: [],
  }));
  const into: number[] = [];
  facts.forEach((fact, index) => {
    const count = groupsOf(fact, index, into);
    if (count === 0) return;
    const target = targetMinutes[fact.grade ?? 'ungraded'];
    const minutes = responseMinutes(fact, calendar);
    const isDecided =
      minutes !== null || businessMsBetween(fact.assignedAt, now, calendar) / MINUTE_MS > target;
    const isWithin = minutes !== null && minutes <= target;
    for (let k = 0; k < count; k += 1) {
      const group = groups[into[k] ?? -1];
      if (group === undefined) continue;
      group.assigned += 1;
      if (isDecided) group.decided += 1;
      if (isWithin) group.within += 1;
      if (minutes !== null) group.minutes.push(minutes);
    }
  });
  return groups.map((g) => ({
    assigned: g.assigned,
    decided: g.decided,
    within: g.within,
    minutes: Float64Array.from(g.minutes).sort(),
  }));
}

/** The tally of two disjoint sets of assignments: counts added, minutes merged in order (no re-sort). */
export function mergeResponseTallies(a: ResponseTally, b: ResponseTally): ResponseTally {
  const minutes = new Float64Array(a.minutes.length + b.minutes.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.minutes.length && j < b.minutes.length) {
    const x = a.minutes[i] ?? 0;
    const y = b.minutes[j] ?? 0;
    if (x <= y) {
      minutes[k++] = x;
      i += 1;
    } else {
      minutes[k++] = y;
      j += 1;
    }
  }
  minutes.set(a.minutes.subarray(i), k);
  minutes.set(b.minutes.subarray(j), k + a.minutes.length - i);
  return {
    assigned: a.assigned + b.assigned,
    decided: a.decided + b.decided,
    within: a.within + b.within,
    minutes,
  };
}

/** What summarizeResponses says of the assignments a tally counts. */
export function figuresOfTally(tally: ResponseTally): ResponseFigures {
  return figuresOfSorted(tally.minutes, tally.assigned, tally.decided, tally.within);
}
