// The bars of the Dashboard's charts as data: each bar's height, the leads it opens (its count) and the drill that
// opens them, so the page draws them and the click-through test checks every one against the service.
import type { CallOutput } from '../../../../core/api/contract';
import type { DrillRequest } from './dashboard-queries';

type KpiRow = CallOutput<'dashboard.kpis'>;
export type ResponseBuckets = CallOutput<'dashboard.responseBuckets'>;

/** A bar's drill: the count's criteria, and a narrower period of its own (one day's arrivals). */
export type BarDrill = DrillRequest & { readonly from?: string; readonly to?: string };

export interface ChartBar {
  readonly key: string;
  /** The bar's height. */
  readonly value: number;
  /** How many leads the bar opens; null while unknown (no link until it is). */
  readonly count: number | null;
  readonly drill: BarDrill;
}

/** New leads per day of the period: each day's bar opens that day's arrivals. */
export function arrivalBars(row: KpiRow): ChartBar[] {
  return row.seriesDates.map((date, i) => {
    const value = row.arrivalsSeries[i] ?? 0;
    return { key: date, value, count: value, drill: { metric: 'arrived', from: date, to: date } };
  });
}

/** The funnel along the main path: each stage's bar opens the period's arrivals that reached it or went further. */
export function funnelBars(row: KpiRow): ChartBar[] {
  return row.funnel.map((step) => ({
    key: step.stage,
    value: step.reached,
    count: step.reached,
    drill: { metric: 'reached', stage: step.stage },
  }));
}

/**
 * The response-time histogram: a bar is the hand-overs whose first contact fell in its bucket of business minutes;
 * it opens their leads (each once, so its count comes from `dashboard.responseBuckets`, null until that answers
 * for the same hand-overs).
 */
export function responseBars(row: KpiRow, buckets: ResponseBuckets | undefined): ChartBar[] {
  return row.response.current.histogram.map((bucket, i) => {
    const known = buckets?.buckets[i];
    const isSame = known !== undefined && known.from === bucket.from && known.handOvers === bucket.count;
    return {
      key: String(bucket.from),
      value: bucket.count,
      count: isSame ? known.leads : null,
      drill: { metric: 'response_bucket', bucket: i },
    };
  });
}

/** Minutes as a working day (540 business minutes), hours, or minutes — the largest whole unit. */
export function durationParts(minutes: number): { unit: 'workDays' | 'hours' | 'minutes'; count: number } {
  if (minutes > 0 && minutes % 540 === 0) return { unit: 'workDays', count: minutes / 540 };
  if (minutes > 0 && minutes % 60 === 0) return { unit: 'hours', count: minutes / 60 };
  return { unit: 'minutes', count: minutes };
}
