// Response time figures of many groups at once (the period and the one before, per grade, per rep, per day): each
// assignment judged once, as judgeResponses judges it, and counted into its groups, with no object per assignment;
// tallies of disjoint assignments merge before any figure is taken (the Dashboard reads its hand-overs in halves).
import { MINUTE_MS } from '../clock';
import type { SlaGradeKey } from '../sla/sla-policy';
import { businessMsMeter, type WorkingCalendar } from '../sla/working-calendar';
import { figuresOfSorted, type ResponseFact, type ResponseFigures } from './response-time';

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
  const between = businessMsMeter(calendar);
  // Looked up in a Map: a grade read from SQLite is a fresh string, which a keyed property load must internalize.
  const targetOf = new Map<string, number>(Object.entries(targetMinutes));
  const assigned = new Uint32Array(groupCount);
  const decided = new Uint32Array(groupCount);
  const within = new Uint32Array(groupCount);
  const contacted = new Uint32Array(groupCount);
  // The j-th contacted fact's business ms and its groups (memberships[firstOf[j] … firstOf[j + 1])), in typed
  // arrays: pushing 100k doubles and their groups onto plain arrays cost more than judging them.
  const contactedMs = new Float64Array(facts.length);
  const firstOf = new Uint32Array(facts.length + 1);
  let memberships = new Int32Array(facts.length * 4 + 4);
  let contactedCount = 0;
  let membershipCount = 0;
  const into: number[] = [];
  for (let index = 0; index < facts.length; index += 1) {
    const fact = facts[index] as F;
    const count = groupsOf(fact, index, into);
    if (count === 0) continue;
    // NaN for a grade without a target: no comparison with it holds, as with a missing key.
    const target = targetOf.get(fact.grade ?? 'ungraded') ?? Number.NaN;
    const ms = fact.firstContactAt === null ? -1 : between(fact.assignedAt, fact.firstContactAt);
    const isContacted = ms >= 0;
    const isDecided = isContacted || between(fact.assignedAt, now) / MINUTE_MS > target;
    const isWithin = isContacted && ms / MINUTE_MS <= target;
    if (membershipCount + count > memberships.length) {
      const grown = new Int32Array(2 * (membershipCount + count));
      grown.set(memberships);
      memberships = grown;
    }
    for (let k = 0; k < count; k += 1) {
      const g = into[k] ?? -1;
      if (g < 0 || g >= groupCount) continue;
      assigned[g] = (assigned[g] ?? 0) + 1;
      if (isDecided) decided[g] = (decided[g] ?? 0) + 1;
      if (isWithin) within[g] = (within[g] ?? 0) + 1;
      if (isContacted) {
        contacted[g] = (contacted[g] ?? 0) + 1;
        memberships[membershipCount++] = g;
      }
    }
    if (isContacted) {
      contactedMs[contactedCount++] = ms;
      firstOf[contactedCount] = membershipCount;
    }
  }
  // One sort of all contacted facts by business ms, then each fact's minutes appended to its groups in that order:
  // every group's minutes come out ascending, with no sort per group (four sorts of 100k cost ~40 ms).
  const minutes = Array.from(contacted, (size) => new Float64Array(size));
  const filled = new Uint32Array(groupCount);
  const ms = contactedMs.subarray(0, contactedCount);
  for (const j of ascendingOrder(ms)) {
    const value = (ms[j] ?? 0) / MINUTE_MS;
    for (let m = firstOf[j] ?? 0; m < (firstOf[j + 1] ?? 0); m += 1) {
      const g = memberships[m] ?? 0;
      const groupMinutes = minutes[g];
      const at = filled[g] ?? 0;
      if (groupMinutes !== undefined) groupMinutes[at] = value;
      filled[g] = at + 1;
    }
  }
  return minutes.map((sorted, g) => ({
    assigned: assigned[g] ?? 0,
    decided: decided[g] ?? 0,
    within: within[g] ?? 0,
    minutes: sorted,
  }));
}

/**
 * The positions of `values` (non-negative) in ascending order of value. Whole numbers (business ms always are) are
 * packed with their position into one double and sorted natively; anything else is sorted with a comparator.
 */
export function ascendingOrder(values: Float64Array): Uint32Array {
  const n = values.length;
  const shift = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  let max = 0;
  let isWhole = true;
  for (const value of values) {
    if (!Number.isInteger(value) || value < 0) isWhole = false;
    else if (value > max) max = value;
  }
  const order = new Uint32Array(n);
  if (isWhole && (max + 1) * shift <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i += 1) keys[i] = (values[i] ?? 0) * shift + i;
    keys.sort();
    for (let i = 0; i < n; i += 1) order[i] = (keys[i] ?? 0) % shift;
    return order;
  }
  for (let i = 0; i < n; i += 1) order[i] = i;
  return order.sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0) || a - b);
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
