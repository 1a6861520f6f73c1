// The balance card's sparkline: the period cut into windows (each day of a period up to two weeks long, else whole
// weeks counted back from its last day) and each window's Gini of all leads, as the card gives it for that window
// chosen as the period — so any point can be checked by asking the Dashboard for its dates.
import { computePeriodFairness, type FairnessRep, type Receipt } from '../distribution/fair-shares';
import { balancePointsOf, type BalanceOptions } from './balance';

export interface BalanceWindow {
  /** Inclusive local ISO dates. */
  readonly from: string;
  readonly to: string;
}

export interface BalanceTrendPoint extends BalanceWindow {
  /** Leads given by distribution in the window (the sample). */
  readonly leads: number;
  /** The window's Gini of all leads; null when too few to judge. */
  readonly gini: number | null;
}

/** A period of at most this many days gets a point per day; a longer one, a point per week. */
export const DAILY_TREND_MAX_DAYS = 14;
const WEEK = 7;

/** Index ranges [first, last] into `dates` (the period's days in order) of each window, oldest first. */
function windowRanges(dayCount: number): [number, number][] {
  if (dayCount <= DAILY_TREND_MAX_DAYS) return Array.from({ length: dayCount }, (_, i) => [i, i]);
  const ranges: [number, number][] = [];
  // Whole weeks ending on the last day: the latest week is always whole, a part-week at the start is left out.
  for (let last = dayCount - 1; last - WEEK + 1 >= 0; last -= WEEK) ranges.push([last - WEEK + 1, last]);
  return ranges.reverse();
}

export function balanceWindows(dates: readonly string[]): BalanceWindow[] {
  return windowRanges(dates.length).map(([first, last]) => ({
    from: dates[first] ?? '',
    to: dates[last] ?? '',
  }));
}

interface BalanceTrendInput {
  readonly reps: readonly FairnessRep[];
  /** The period's receipts (more are ignored). */
  readonly receipts: readonly Receipt[];
  /** The period's local dates, in order. */
  readonly dates: readonly string[];
  readonly now: number;
  readonly options: Pick<BalanceOptions, 'minSample'>;
  /** The reps the balance is about (a tier's); all without. */
  readonly isIncluded?: (repId: string) => boolean;
}

/** Each window's Gini of all leads (computePeriodFairness over the window, then balancePointsOf). */
export function computeBalanceTrend(input: BalanceTrendInput): BalanceTrendPoint[] {
  const windows = balanceWindows(input.dates);
  const windowOfDay = new Map<string, number>();
  windowRanges(input.dates.length).forEach(([first, last], k) => {
    for (let i = first; i <= last; i += 1) windowOfDay.set(input.dates[i] ?? '', k);
  });
  const receiptsOf = windows.map((): Receipt[] => []);
  for (const receipt of input.receipts) {
    const k = windowOfDay.get(receipt.day);
    if (k !== undefined) receiptsOf[k]?.push(receipt);
  }
  return windows.map((window, k) => {
    const fairness = computePeriodFairness({
      reps: input.reps,
      receipts: receiptsOf[k] ?? [],
      from: window.from,
      to: window.to,
      now: input.now,
    });
    const [all] = balancePointsOf(fairness, input.options, input.isIncluded, ['all']);
    return { ...window, leads: all?.leads ?? 0, gini: all === undefined || all.isTooFew ? null : all.gini };
  });
}
