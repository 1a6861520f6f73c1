// Time away is not spare capacity: the open load a rep would still hold from the days they were away, added to
// their own when load-based methods compare reps, so a rep back from leave (or new) resumes an ordinary share.
//
// Definition (the ledger's, applied to open leads): each day's leads that are still open are shared among the
// reps present that day — active, joined, not on leave or out of office (`isPresentOn`, the ledger's
// availability) — in proportion to their open caps, as load-based methods fill reps (equally when the caps are
// equal or unset: awayWeights). A rep present every day holds about that much; a rep away on some days holds
// nothing from them. So rep i's away load = Σ over the days d of the last AWAY_HORIZON_DAYS on which i was away
// of open(d) × w(i) ÷ Σ w(present on d), where open(d) counts the open leads that arrived on d: distributed on
// arrival, they were handed out that day (a lead claimed or moved later still counts on its arrival day; a replay
// counts a lead redistributed after a recycle on that day).
// Load-based methods (load-balanced, skill-match, tier-ladder, team, and the optimizer's ties and evenness) compare
// (open + away load) ÷ capacity. As the days away age, their leads close and the away load fades as a present rep's
// leads of those days do, while the rep's own new leads take its place: the rep is given leads at the team's pace,
// not more (no flood) and not less (no drought).
// Reps present on every day of the horizon have no away load: among themselves the comparison is the plain
// open ÷ capacity one (genuine load differences still balance), by the same exact integer path as before.
// Caps (open cap, holding cap) stay on real open leads. Round-robin and weighted never look at loads: their pointer
// and credits pass over a rep who is away, which is vacation-neutral already. Out-of-office days (whole local days
// from the switch's history, ledger/out-of-office.ts) count as time away like leave wherever leave does.
import { DAY_MS } from '../clock';
import { isOnLeave, isOutOfOfficeOn } from '../rep';
import type { LeavePeriod, Rep } from '../rep';
import { isoDateOfDay } from './local-time';

/** The fields that say when a rep was away: start date, leave, out-of-office days. */
type AwayFields = 'joinedOn' | 'leave' | 'outOfOfficeDays';

/** Leave and out-of-office days together: every dated stretch away after joining. */
function awayPeriods(rep: Pick<Rep, 'leave' | 'outOfOfficeDays'>): readonly LeavePeriod[] {
  return rep.outOfOfficeDays === undefined || rep.outOfOfficeDays.length === 0
    ? rep.leave
    : [...rep.leave, ...rep.outOfOfficeDays];
}

/** How far back days away count: open leads handed out earlier than this weigh on nobody's away load. */
export const AWAY_HORIZON_DAYS = 90;

/** The local day number (days since 1970-01-01) of an ISO date; NaN when it is not one. */
export function dayNumberOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** The ISO date of a local day number. */
export function isoOfDayNumber(day: number): string {
  return isoDateOfDay(day);
}

/**
 * Could take leads on `day` (ISO) by the calendar: joined by then, not on leave, not an out-of-office day. The
 * ledger counts it the same.
 */
export function isPresentOn(rep: Pick<Rep, AwayFields>, day: string): boolean {
  return !(day < rep.joinedOn) && !isOnLeave(rep, day) && !isOutOfOfficeOn(rep, day);
}

/**
 * True when some active rep was away (not yet joined, on leave, out of office) on a day of the horizon ending on
 * `today`: only then can anyone carry an away load (so a caller reads open leads by day only then).
 */
export function anyAwayWithin(
  reps: readonly Pick<Rep, AwayFields | 'isActive'>[],
  today: string,
  horizonDays = AWAY_HORIZON_DAYS,
): boolean {
  const first = isoOfDayNumber(dayNumberOf(today) - horizonDays + 1);
  return reps.some(
    (rep) =>
      rep.isActive &&
      (rep.joinedOn > first || awayPeriods(rep).some((period) => period.from <= today && period.to >= first)),
  );
}

/**
 * The local days before `today` (ISO), within the horizon, on which some active rep was away, as runs of
 * consecutive day numbers [first, last] with the same reps away throughout: only open leads that arrived on these
 * days weigh on an away load, and within a run only their sum does (the same reps share it each day), so a caller
 * counts each run once and may key the count by the run's first day. Today's leads weigh on nobody eligible today.
 */
export function awayDayRuns(
  reps: readonly Pick<Rep, AwayFields | 'isActive'>[],
  today: string,
  horizonDays = AWAY_HORIZON_DAYS,
): { readonly first: number; readonly last: number }[] {
  const end = dayNumberOf(today) - 1;
  const first = end - horizonDays + 2;
  const runs: { first: number; last: number; away: string }[] = [];
  // Only reps who started late, took leave or were out of office within the horizon can be away on its days.
  const firstIso = isoOfDayNumber(first);
  const candidates = reps.filter(
    (rep) =>
      rep.isActive &&
      (rep.joinedOn > firstIso ||
        awayPeriods(rep).some((period) => period.from <= today && period.to >= firstIso)),
  );
  if (candidates.length === 0) return runs;
  // Each candidate's days away as day-number spans (before joining, each leave or out-of-office stretch), so no
  // day needs a date string.
  const spans = candidates.map((rep): (readonly [number, number])[] => [
    [-Infinity, dayNumberOf(rep.joinedOn) - 1],
    ...awayPeriods(rep).map((period): readonly [number, number] => [
      dayNumberOf(period.from),
      dayNumberOf(period.to),
    ]),
  ]);
  for (let day = first; day <= end; day += 1) {
    let away = '';
    spans.forEach((list, i) => {
      if (list.some(([from, to]) => from <= day && day <= to)) away += `${i},`;
    });
    if (away === '') continue;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.last === day - 1 && last.away === away) last.last = day;
    else runs.push({ first: day, last: day, away });
  }
  return runs.map(({ first, last }) => ({ first, last }));
}

/** Who was away on one day: rep indexes, and the summed weight (awayWeights) of the active reps present. */
interface DayPresence {
  readonly away: readonly number[];
  readonly present: number;
}

/**
 * Each rep's weight in a day's split of open leads: load-based methods fill reps in proportion to their open cap
 * (they compare open ÷ capacity), so a present rep holds a day's open leads in that proportion, and an absent one
 * is charged what they would have held. A rep without a cap weighs as the average cap of those with one; with no
 * caps, or equal ones, every rep weighs alike (the ledger's equal split).
 */
export function awayWeights(reps: readonly Pick<Rep, 'capOpen' | 'isActive'>[]): Float64Array {
  const caps = reps.filter((rep) => rep.isActive && rep.capOpen !== null && rep.capOpen > 0);
  const average =
    caps.length === 0 ? 1 : caps.reduce((sum, rep) => sum + (rep.capOpen ?? 0), 0) / caps.length;
  return Float64Array.from(reps, (rep) =>
    rep.capOpen !== null && rep.capOpen > 0 ? rep.capOpen / average : 1,
  );
}

/** Away loads for one run: open leads by day, kept as the run charges and releases, and each rep's away load. */
export class AwayLoads {
  /** Open leads by the local day number they arrived (replays: were handed out). */
  private readonly byDay = new Map<number, number>();
  private readonly presence = new Map<number, DayPresence>();
  private readonly weights: Float64Array;
  private today = 0;
  /** Per rep index; null while nobody carries an away load (every comparison is then the plain one). */
  loads: Float64Array | null = null;

  constructor(
    private readonly reps: readonly Pick<Rep, AwayFields | 'isActive' | 'capOpen'>[],
    openByDay: Readonly<Record<string, number>> | undefined,
  ) {
    this.weights = awayWeights(reps);
    for (const [iso, count] of Object.entries(openByDay ?? {})) {
      const day = dayNumberOf(iso);
      if (Number.isFinite(day) && count > 0) this.byDay.set(day, (this.byDay.get(day) ?? 0) + count);
    }
  }

  private presenceOn(day: number): DayPresence {
    let found = this.presence.get(day);
    if (found === undefined) {
      const iso = isoOfDayNumber(day);
      const away: number[] = [];
      let present = 0;
      this.reps.forEach((rep, i) => {
        if (!rep.isActive) return;
        if (isPresentOn(rep, iso)) present += this.weights[i] ?? 1;
        else away.push(i);
      });
      found = { away, present };
      this.presence.set(day, found);
    }
    return found;
  }

  /** Recomputes every rep's away load for local day `today` (ISO): on a new run and on each new day. */
  refresh(today: string): void {
    this.today = dayNumberOf(today);
    const oldest = this.today - AWAY_HORIZON_DAYS + 1;
    if (!anyAwayWithin(this.reps, today)) {
      this.loads = null;
      return;
    }
    let loads: Float64Array | null = null;
    for (const [day, count] of this.byDay) {
      if (day < oldest || day > this.today || count <= 0) continue;
      const { away, present } = this.presenceOn(day);
      if (away.length === 0 || present === 0) continue;
      loads ??= new Float64Array(this.reps.length);
      for (const i of away) loads[i] = (loads[i] ?? 0) + (count * (this.weights[i] ?? 1)) / present;
    }
    this.loads = loads;
  }

  /** The local day number of the last refresh: the day charges count on. */
  get day(): number {
    return this.today;
  }

  /** One more open lead handed out today. */
  charge(): void {
    this.byDay.set(this.today, (this.byDay.get(this.today) ?? 0) + 1);
  }

  /** An open lead handed out on local day number `day` closed or left its holder: it weighs on nobody any more. */
  release(day: number): void {
    const count = this.byDay.get(day);
    if (count === undefined) return;
    if (count <= 1) this.byDay.delete(day);
    else this.byDay.set(day, count - 1);
    const loads = this.loads;
    if (loads === null || day < this.today - AWAY_HORIZON_DAYS + 1 || day > this.today) return;
    const { away, present } = this.presenceOn(day);
    if (present === 0) return;
    for (const i of away) loads[i] = Math.max(0, (loads[i] ?? 0) - (this.weights[i] ?? 1) / present);
  }

  /** Open leads by ISO day, for the run's exported state. */
  toJson(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const day of [...this.byDay.keys()].sort((a, b) => a - b)) {
      const count = this.byDay.get(day) ?? 0;
      if (count > 0) out[isoOfDayNumber(day)] = count;
    }
    return out;
  }
}
