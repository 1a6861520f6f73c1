// Response time figures of many groups at once (the period and the one before, per grade, per rep, per day): each
// assignment judged once, as judgeResponses judges it, and counted into its groups, with no object per assignment.
import { MINUTE_MS } from '../clock';
import type { SlaGradeKey } from '../sla/sla-policy';
import { BusinessMeter, type WorkingCalendar } from '../sla/working-calendar';
import { figuresOfSorted, type ResponseFact, type ResponseFigures } from './response-time';

/** A group's counts and its contacted minutes, sorted: what figuresOfSorted needs. */
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
 * Response time of many groups at once: each fact judged once, as judgeResponses judges it, and counted into its
 * groups, added one at a time (facts read in slices need not all be held at once). Invariant: for every group g,
 * figuresOfTally(finish(…)[g]) equals summarizeResponses(judgeResponses(facts of g, …)).
 */
export interface ResponseTallier {
  /** Judges `fact` once and counts it into the groups `groups[0 … count)` (numbers from 0, in any order). */
  add(fact: ResponseFact, groups: readonly number[], count: number): void;
  /** The tallies of groups 0 … groupCount − 1 of the facts added (groups past it are left out). */
  finish(groupCount: number): ResponseTally[];
}

/** A typed array twice as long (at least `length`), holding `array`'s values. */
function grown<A extends Uint32Array | Int32Array | Float64Array>(array: A, length: number): A {
  const bigger = new (array.constructor as new (n: number) => A)(Math.max(length, 2 * array.length));
  bigger.set(array);
  return bigger;
}

export function createResponseTallier(
  calendar: WorkingCalendar | null,
  targetMinutes: Readonly<Record<SlaGradeKey, number>>,
  now: number,
): ResponseTallier {
  return new GroupTallier(calendar, targetMinutes, now);
}

/**
 * A class, not a closure per tallier: its methods are one function for every Dashboard load, so V8 keeps their
 * optimised code (closures made per load were compiled again each time, ~0.3 s of compiler time over the bench).
 */
class GroupTallier implements ResponseTallier {
  private readonly meter: BusinessMeter;
  // Looked up in a Map: a grade read from SQLite is a fresh string, which a keyed property load must internalize.
  private readonly targetOf: Map<string, number>;
  private readonly now: number;
  // Per group: assigned, decided, within, contacted (4 counts per group, grown as group numbers come).
  private counts = new Uint32Array(4 * 64);
  // The j-th contacted fact's business ms and its groups (memberships[firstOf[j] … firstOf[j + 1])), in typed
  // arrays: pushing 100k doubles and their groups onto plain arrays cost more than judging them.
  private contactedMs = new Float64Array(1024);
  private firstOf = new Uint32Array(1025);
  private memberships = new Int32Array(4096);
  private contactedCount = 0;
  private membershipCount = 0;

  constructor(
    calendar: WorkingCalendar | null,
    targetMinutes: Readonly<Record<SlaGradeKey, number>>,
    now: number,
  ) {
    this.meter = new BusinessMeter(calendar);
    this.targetOf = new Map<string, number>(Object.entries(targetMinutes));
    this.now = now;
  }

  add(fact: ResponseFact, groups: readonly number[], count: number): void {
    if (count === 0) return;
    // NaN for a grade without a target: no comparison with it holds, as with a missing key.
    const target = this.targetOf.get(fact.grade ?? 'ungraded') ?? Number.NaN;
    const ms = fact.firstContactAt === null ? -1 : this.meter.between(fact.assignedAt, fact.firstContactAt);
    const isContacted = ms >= 0;
    const isDecided = isContacted || this.meter.between(fact.assignedAt, this.now) / MINUTE_MS > target;
    const isWithin = isContacted && ms / MINUTE_MS <= target;
    if (this.membershipCount + count > this.memberships.length)
      this.memberships = grown(this.memberships, this.membershipCount + count);
    const memberships = this.memberships;
    let counts = this.counts;
    for (let k = 0; k < count; k += 1) {
      const g = groups[k] ?? -1;
      if (g < 0) continue;
      if (4 * g + 4 > counts.length) counts = this.counts = grown(counts, 4 * g + 4);
      const at = 4 * g;
      counts[at] = (counts[at] ?? 0) + 1;
      if (isDecided) counts[at + 1] = (counts[at + 1] ?? 0) + 1;
      if (isWithin) counts[at + 2] = (counts[at + 2] ?? 0) + 1;
      if (isContacted) {
        counts[at + 3] = (counts[at + 3] ?? 0) + 1;
        memberships[this.membershipCount++] = g;
      }
    }
    if (isContacted) {
      if (this.contactedCount + 1 >= this.contactedMs.length) {
        this.contactedMs = grown(this.contactedMs, this.contactedCount + 2);
        this.firstOf = grown(this.firstOf, this.contactedCount + 3);
      }
      this.contactedMs[this.contactedCount++] = ms;
      this.firstOf[this.contactedCount] = this.membershipCount;
    }
  }

  finish(groupCount: number): ResponseTally[] {
    const { counts, firstOf, memberships } = this;
    const countOf = (g: number, k: number) => (4 * g + 4 <= counts.length ? (counts[4 * g + k] ?? 0) : 0);
    // One sort of all contacted facts by business ms, then each fact's minutes appended to its groups in that
    // order: every group's minutes come out ascending, with no sort per group (four sorts of 100k cost ~40 ms).
    const minutes = Array.from({ length: groupCount }, (_, g) => new Float64Array(countOf(g, 3)));
    const filled = new Uint32Array(groupCount);
    const ms = this.contactedMs.subarray(0, this.contactedCount);
    for (const j of ascendingOrder(ms)) {
      const value = (ms[j] ?? 0) / MINUTE_MS;
      for (let m = firstOf[j] ?? 0; m < (firstOf[j + 1] ?? 0); m += 1) {
        const g = memberships[m] ?? 0;
        const groupMinutes = minutes[g];
        if (groupMinutes === undefined) continue;
        const at = filled[g] ?? 0;
        groupMinutes[at] = value;
        filled[g] = at + 1;
      }
    }
    return minutes.map((sorted, g) => ({
      assigned: countOf(g, 0),
      decided: countOf(g, 1),
      within: countOf(g, 2),
      minutes: sorted,
    }));
  }
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

/** What summarizeResponses says of the assignments a tally counts. */
export function figuresOfTally(tally: ResponseTally): ResponseFigures {
  return figuresOfSorted(tally.minutes, tally.assigned, tally.decided, tally.within);
}
