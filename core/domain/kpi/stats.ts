// Small statistics for the KPIs: centre and spread, proportions with intervals, a seeded bootstrap, histograms.
import type { Rng } from '../clock';

/** A figure with the sample behind it and a 95% interval; null bounds when the sample is empty. */
export interface Estimate {
  readonly value: number | null;
  readonly n: number;
  readonly low: number | null;
  readonly high: number | null;
}

/** Arithmetic mean; null for an empty list. */
export function meanOf(values: ArrayLike<number> & Iterable<number>): number | null {
  return values.length === 0 ? null : sumOf(values) / values.length;
}

/**
 * Indexed, in order: the iterator protocol over a typed array of 100k response times cost several times more. The
 * loop is the whole function: with the division after it, V8's on-stack-replaced loop deoptimised at the division
 * on every later call.
 */
function sumOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i] ?? 0;
  return sum;
}

/**
 * Nearest-rank quantile: the smallest value with at least `q` of the sample at or below it (p90 of 10 values is
 * the 9th smallest). The median of an even count is the mean of the two middle values, as people expect.
 */
export function quantileOf(values: readonly number[], q: number): number | null {
  // A typed array sorts numerically in native code: on 100k response times, several times the comparator sort.
  return quantileOfSorted(Float64Array.from(values).sort(), q);
}

/** quantileOf over values already sorted ascending (no copy, no sort). */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  if (q === 0.5) {
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1
      ? (sorted[mid] ?? null)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  }
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? null;
}

export function medianOf(values: readonly number[]): number | null {
  return quantileOf(values, 0.5);
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * Wilson score 95% interval of `hits / n`: stays inside [0, 1] and is honest for small n and shares near 0 or 1
 * (the plain ± 1.96·√(p(1−p)/n) collapses to zero width at 0/3).
 */
export function proportionEstimate(hits: number, n: number): Estimate {
  if (n <= 0) return { value: null, n: 0, low: null, high: null };
  const p = hits / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  // At 0 or n hits the bound on that side is exactly 0 or 1 (the arithmetic leaves a 1e-17 crumb).
  const low = hits <= 0 ? 0 : Math.max(0, centre - half);
  const high = hits >= n ? 1 : Math.min(1, centre + half);
  return { value: p, n, low, high };
}

/** How many resamples a bootstrap draws unless told; enough for stable 2.5/97.5 percentiles on a dashboard. */
export const BOOTSTRAP_RESAMPLES = 400;

/**
 * Percentile bootstrap 95% interval of `statistic` over `items`, resampling items with replacement using `rng`.
 * Deterministic for a given rng seed and item order (the caller sorts items by a stable key first).
 */
export function bootstrapEstimate<T>(
  items: readonly T[],
  statistic: (sample: readonly T[]) => number,
  rng: Rng,
  resamples = BOOTSTRAP_RESAMPLES,
): Estimate {
  const n = items.length;
  if (n === 0) return { value: null, n: 0, low: null, high: null };
  const stats = new Float64Array(resamples);
  const sample: T[] = new Array<T>(n);
  for (let r = 0; r < resamples; r += 1) {
    for (let i = 0; i < n; i += 1) sample[i] = items[Math.floor(rng() * n)] as T;
    stats[r] = statistic(sample);
  }
  stats.sort();
  const at = (q: number) => stats[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))] ?? 0;
  return { value: statistic(items), n, low: at(0.025), high: at(0.975) };
}

/** One Binomial(n, p) draw: exact (n Bernoulli trials) up to 64 trials, else the normal approximation, clamped. */
function sampleBinomial(n: number, p: number, rng: Rng): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n <= 64) {
    let hits = 0;
    for (let i = 0; i < n; i += 1) if (rng() < p) hits += 1;
    return hits;
  }
  // Box–Muller; 1 − u keeps the logarithm finite.
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.min(n, Math.max(0, Math.round(n * p + z * Math.sqrt(n * p * (1 - p)))));
}

/**
 * The same percentile bootstrap when the items are only counted per category (leads per rep), of several
 * statistics: a resample is a multinomial draw of the total over the categories, made as a chain of binomials, so
 * the cost grows with the number of categories, not of items. The statistics share their resamples (a paired
 * bootstrap): each one's interval is as valid as from resamples of its own, and the draws, most of the cost, are made
 * once (the Dashboard's balance takes σ and Gini of each group). Same seed and counts, same intervals.
 */
export function bootstrapCountsEstimates(
  counts: readonly number[],
  statistics: readonly ((counts: readonly number[]) => number)[],
  rng: Rng,
  resamples = BOOTSTRAP_RESAMPLES,
): Estimate[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return statistics.map(() => ({ value: null, n: 0, low: null, high: null }));
  const stats = statistics.map(() => new Float64Array(resamples));
  const sample = new Array<number>(counts.length).fill(0);
  const last = counts.length - 1;
  for (let r = 0; r < resamples; r += 1) {
    let left = total;
    let mass = total;
    for (let i = 0; i <= last; i += 1) {
      const count = counts[i] ?? 0;
      const drawn = i === last ? left : sampleBinomial(left, mass === 0 ? 0 : count / mass, rng);
      sample[i] = drawn;
      left -= drawn;
      mass -= count;
    }
    statistics.forEach((statistic, k) => {
      (stats[k] as Float64Array)[r] = statistic(sample);
    });
  }
  return statistics.map((statistic, k) => {
    const sorted = (stats[k] as Float64Array).sort();
    const at = (q: number) => sorted[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))] ?? 0;
    return { value: statistic(counts), n: total, low: at(0.025), high: at(0.975) };
  });
}

/** Counts per bucket; `edges` ascending upper bounds (exclusive), the last bucket takes everything above. */
export interface HistogramBucket {
  /** Lower bound, inclusive. */
  readonly from: number;
  /** Upper bound, exclusive; null for the open last bucket. */
  readonly to: number | null;
  readonly count: number;
}

/** The index of the bucket [0, e0), [e0, e1), …, [e_last, ∞) that holds `value` (negative values go first). */
export function bucketIndexOf(value: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && value >= (edges[i] ?? 0)) i += 1;
  return i;
}

/** Buckets [0, e0), [e0, e1), …, [e_last, ∞); the counts sum to values.length (each value where bucketIndexOf puts it). */
export function histogramOf(values: Iterable<number>, edges: readonly number[]): HistogramBucket[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) {
    const i = bucketIndexOf(v, edges);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts.map((count, i) => ({ from: i === 0 ? 0 : (edges[i - 1] ?? 0), to: edges[i] ?? null, count }));
}

/** histogramOf of values sorted ascending, by a binary search per edge instead of a look at every value. */
export function histogramOfSorted(sorted: ArrayLike<number>, edges: readonly number[]): HistogramBucket[] {
  // The first index whose value is at or above `edge` (values before it fall in earlier buckets).
  const firstAtOrAbove = (edge: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? 0) >= edge) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const bounds = [0, ...edges.map(firstAtOrAbove), sorted.length];
  return bounds.slice(1).map((end, i) => ({
    from: i === 0 ? 0 : (edges[i - 1] ?? 0),
    to: edges[i] ?? null,
    count: end - (bounds[i] ?? 0),
  }));
}

/** `part / whole`, null when the whole is zero: a rate of nothing is no rate. */
export function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
