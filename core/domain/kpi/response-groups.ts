// Response time figures of many groups at once (the period and the one before, per grade, per rep, per day): each
// assignment judged once, as judgeResponses judges it, and counted into its groups, with no object per assignment.
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
 * The figures summarizeResponses gives each group of judgeResponses' verdicts, for `groupCount` groups: `groupsOf`
 * writes the groups the fact at `index` belongs to into `into` and answers how many. Invariant: for every group g,
 * result[g] equals summarizeResponses(judgeResponses(facts of g, …)).
 */
export function summarizeResponseGroups<F extends ResponseFact>(
  facts: readonly F[],
  calendar: WorkingCalendar | null,
  targetMinutes: Readonly<Record<SlaGradeKey, number>>,
  now: number,
  groupCount: number,
  groupsOf: (fact: F, index: number, into: number[]) => number,
): ResponseFigures[] {
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
  return groups.map((g) =>
    figuresOfSorted(Float64Array.from(g.minutes).sort(), g.assigned, g.decided, g.within),
  );
}
